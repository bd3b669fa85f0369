package dev.bearing.report;

import dev.bearing.benchmark.Benchmark;
import dev.bearing.benchmark.Benchmark.CapabilityPercentile;
import dev.bearing.benchmark.Benchmark.Group;
import dev.bearing.benchmark.Benchmark.StageShare;
import dev.bearing.common.UserText;
import dev.bearing.milestone.MilestoneComparison;
import dev.bearing.milestone.MilestoneComparison.CapabilityChange;
import io.quarkus.qute.RawString;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The milestone comparison and the benchmark, formatted for readers: for the PDF's "Progress and
 * comparison" section, the assessment page and the review page ({@code templates/tags/progress.html}
 * shows it on a page). Every string is cleaned and never null; the charts, drawn and escaped by
 * {@link Charts}, are {@link RawString raw}. Build it with {@link ReportRenderer#progress}.
 *
 * @param hasPrevious whether there is an earlier milestone with an evaluation to compare with
 * @param milestoneSummary the comparison in a sentence or two (also when there is nothing to compare)
 * @param stageFrom stage at the previous milestone, or ""
 * @param stageTo stage now, or ""
 * @param stageChange e.g. "Up one phase", "Unchanged"
 * @param bandFrom delivery band then, or ""
 * @param bandTo delivery band now, or ""
 * @param bandChange e.g. "Up one band"
 * @param indexFrom maturity index then, or ""
 * @param indexTo maturity index now, or ""
 * @param indexChange e.g. "+12.5", or ""
 * @param changes per capability
 * @param milestoneChart the change chart, or empty
 * @param benchmarkBasis what of this assessment is placed, e.g. "the evaluation of 3 March 2026", or ""
 * @param benchmarkMethod how the benchmark is worked out
 * @param groups comparison groups, overall first
 */
public record ProgressView(boolean hasPrevious, String milestoneSummary, String stageFrom, String stageTo,
        String stageChange, String bandFrom, String bandTo, String bandChange, String indexFrom, String indexTo,
        String indexChange, List<ChangeRow> changes, RawString milestoneChart, String benchmarkBasis,
        String benchmarkMethod, List<GroupView> groups) {

    /** @return whether there is a result to place in the benchmark (false before the first evaluation) */
    public boolean hasBenchmark() {
        return !benchmarkBasis.isEmpty();
    }

    /** @return whether there is a milestone chart */
    public boolean hasMilestoneChart() {
        return !milestoneChart.getValue().isEmpty();
    }

    /**
     * @param name capability name
     * @param before score then, or "–"
     * @param after score now, or "–"
     * @param change change in points with its sign, e.g. "+12.5", "−4", "0", or "–"
     * @param changeClass CSS class: delta-up, delta-down or delta-same
     */
    public record ChangeRow(String name, String before, String after, String change, String changeClass) {
    }

    /**
     * A comparison group.
     *
     * @param title e.g. "All approved assessments", "Industry: Financial Services"
     * @param shown whether its figures are shown
     * @param message why not, e.g. "Shown once 5 approved assessments of other organisations exist in
     *     this group; 3 so far.", or ""
     * @param countLine e.g. "Among 12 approved assessments of other organisations", or ""
     * @param percentiles per capability
     * @param stages the group's adoption stages
     * @param chart percentile chart, or empty
     */
    public record GroupView(String title, boolean shown, String message, String countLine,
            List<PercentileRow> percentiles, List<StageRow> stages, RawString chart) {

        /** @return whether there is a chart */
        public boolean hasChart() {
            return !chart.getValue().isEmpty();
        }
    }

    /**
     * @param name capability name
     * @param score this organisation's score, rounded
     * @param percentile e.g. "67", or "–" when too few assessments scored it
     * @param compared e.g. "6"
     */
    public record PercentileRow(String name, String score, String percentile, String compared) {
    }

    /**
     * @param stage e.g. "Adopting"
     * @param count assessments at that stage
     * @param percent their share, e.g. "33 %"
     * @param yours whether this organisation is at that stage
     */
    public record StageRow(String stage, String count, String percent, boolean yours) {
    }

    /**
     * @param m the milestone comparison
     * @param b the benchmark
     * @param charts the chart drawer
     * @return the view
     */
    static ProgressView of(MilestoneComparison m, Benchmark b, Charts charts) {
        boolean has = m != null && m.comparable();
        List<ChangeRow> rows = new ArrayList<>();
        List<Charts.ScoreChange> chartRows = new ArrayList<>();
        if (has) {
            for (CapabilityChange c : m.capabilities()) {
                rows.add(new ChangeRow(clean(c.name()), score(c.previous()), score(c.current()),
                        c.change() == null ? "–" : signed(c.change()),
                        c.change() == null || c.change() == 0 ? "delta-same" : c.change() > 0 ? "delta-up" : "delta-down"));
                chartRows.add(new Charts.ScoreChange(clean(c.name()), c.previous(), c.current()));
            }
        }
        List<GroupView> groups = new ArrayList<>();
        if (b != null) {
            for (Group g : b.groups()) {
                String title = switch (g.kind()) {
                    case "INDUSTRY" -> "Industry: " + clean(g.name());
                    case "SIZE" -> "Organisation size: " + clean(g.name());
                    default -> clean(g.name());
                };
                List<PercentileRow> ps = new ArrayList<>();
                List<Map.Entry<String, Integer>> bars = new ArrayList<>();
                for (CapabilityPercentile c : g.capabilities()) {
                    ps.add(new PercentileRow(clean(c.name()), String.valueOf(Math.round(c.score())),
                            c.percentile() == null ? "–" : String.valueOf(c.percentile()), String.valueOf(c.compared())));
                    bars.add(new AbstractMap.SimpleEntry<>(clean(c.name()), c.percentile()));
                }
                List<StageRow> stages = new ArrayList<>();
                for (StageShare s : g.stages()) {
                    stages.add(new StageRow(clean(s.stage()), String.valueOf(s.assessments()), s.percent() + " %", s.yours()));
                }
                groups.add(new GroupView(title, g.shown(), g.shown() ? "" : clean(g.message()),
                        g.shown() ? "Among " + g.assessments() + " approved assessments of other organisations" : "",
                        ps, stages, new RawString(g.shown() ? charts.percentiles(bars) : "")));
            }
        }
        return new ProgressView(has, m == null ? "" : clean(m.summary()),
                has ? clean(m.stage().from()) : "", has ? clean(m.stage().to()) : "",
                has ? sentence(m.stage().words()) : "", has ? clean(m.band().from()) : "",
                has ? clean(m.band().to()) : "", has ? sentence(m.band().words()) : "",
                has ? number(m.previous().maturityIndex()) : "", has ? number(m.current().maturityIndex()) : "",
                has && m.maturityIndexChange() != null ? signed(m.maturityIndexChange()) : "", rows,
                new RawString(has ? charts.milestoneChange(chartRows) : ""),
                b == null || b.basis() == null ? "" : clean(b.basis()), b == null ? "" : clean(b.method()), groups);
    }

    private static String clean(String s) {
        return UserText.clean(s);
    }

    private static String sentence(String s) {
        String c = clean(s);
        return c.isEmpty() ? c : Character.toUpperCase(c.charAt(0)) + c.substring(1);
    }

    private static String score(Double v) {
        return v == null ? "–" : number(v);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** "+12.5", "−4" (minus sign), "0". */
    static String signed(double v) {
        String n = number(Math.abs(v));
        return v > 0 ? "+" + n : v < 0 ? "\u2212" + n : "0";
    }
}
