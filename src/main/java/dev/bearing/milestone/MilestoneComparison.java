package dev.bearing.milestone;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changed between the organisation's previous milestone and now: per capability (combined
 * score, 0–100), adoption stage and delivery band. {@code GET /api/v1/assessments/{id}/milestones}
 * returns it; the PDF, the assessment page and the review page show it.
 *
 * @param assessmentId the assessment
 * @param previousAssessmentId the organisation's previous assessment, or null for a first assessment
 *     (or one whose predecessor the caller may not see)
 * @param previous the previous milestone, or null when there is none or it was never evaluated
 * @param current this assessment's result compared, or null when not evaluated yet
 * @param stage the stage then and now, or null when either side is missing
 * @param band the delivery band then and now, or null when either side is missing
 * @param maturityIndexChange the maturity index now minus then, in points (one decimal), or null
 * @param capabilities per capability, in this assessment's report order, then capabilities only the
 *     previous milestone scored; empty when either side is missing
 * @param summary the comparison in one or two sentences, for readers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MilestoneComparison(long assessmentId, Long previousAssessmentId, Milestone previous, Milestone current,
        Change stage, Change band, Double maturityIndexChange, List<CapabilityChange> capabilities, String summary) {

    /** Delivery bands, worst first; UNKNOWN is not ranked. */
    static final List<String> BANDS = List.of("LOW", "MEDIUM", "HIGH", "ELITE");

    /**
     * One side of the comparison.
     *
     * @param assessmentId its assessment
     * @param source {@code APPROVED_VERSION} (an approved version) or {@code EVALUATION} (the latest
     *     evaluation, when no version was approved)
     * @param versionNumber the approved version's number, or null for an evaluation
     * @param at when it was approved, or when the evaluation ran (UTC)
     * @param stageQuarter adoption-curve quarter 1..4
     * @param stagePhase EARLY or LATE
     * @param stage stage label, e.g. "Late phase of the second quarter (Adopting)"
     * @param band delivery band: LOW, MEDIUM, HIGH, ELITE or UNKNOWN
     * @param maturityIndex maturity index 0..100
     * @param description for readers, e.g. "assessment No. 12, approved version 2 of 3 March 2026"
     */
    public record Milestone(long assessmentId, String source, Integer versionNumber, Instant at, int stageQuarter,
            String stagePhase, String stage, String band, double maturityIndex, String description) {
    }

    /**
     * A change of stage or band.
     *
     * @param from then
     * @param to now
     * @param steps how far it moved: stage in phases (half-quarters), band in bands; positive is
     *     better, 0 unchanged; 0 as well when a band was not measured on one side
     * @param words the change for readers, e.g. "up one phase"
     */
    public record Change(String from, String to, int steps, String words) {
    }

    /**
     * One capability's combined score then and now.
     *
     * @param key capability key
     * @param name capability name
     * @param dimension ALIGNMENT, TOOLING or OUTCOMES
     * @param previous score then, 0..100 (one decimal), or null when not scored then
     * @param current score now, 0..100 (one decimal), or null when not scored now
     * @param change now minus then in points (one decimal), or null when either is missing
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CapabilityChange(String key, String name, String dimension, Double previous, Double current,
            Double change) {
    }

    /** @return whether there is something to compare (both sides evaluated) */
    public boolean comparable() {
        return previous != null && current != null;
    }

    /**
     * Compares two results. Usable for any two results (two milestones, or two evaluations of one
     * assessment).
     *
     * @param assessmentId the assessment whose result is {@code after}
     * @param previousAssessmentId the assessment of {@code before}, or null
     * @param before the earlier result and its description, or null
     * @param after the later result and its description, or null
     * @return the comparison
     */
    public static MilestoneComparison of(long assessmentId, Long previousAssessmentId, Side before, Side after) {
        Milestone prev = before == null ? null : before.milestone();
        Milestone cur = after == null ? null : after.milestone();
        if (prev == null || cur == null) {
            String summary = previousAssessmentId == null
                    ? "This is the organisation's first assessment in Bearing: there is no earlier milestone to compare with."
                    : prev == null ? "The previous assessment (No. " + previousAssessmentId
                            + ") has no evaluation, so there is nothing to compare with yet."
                    : "This assessment has not been evaluated yet; the comparison with " + prev.description()
                            + " follows its first evaluation.";
            return new MilestoneComparison(assessmentId, previousAssessmentId, prev, cur, null, null, null, List.of(),
                    summary);
        }
        int stageSteps = position(cur) - position(prev);
        Change stage = new Change(prev.stage(), cur.stage(), stageSteps, moved(stageSteps, "phase", "phases"));
        int b0 = BANDS.indexOf(prev.band());
        int b1 = BANDS.indexOf(cur.band());
        Change band = b0 < 0 || b1 < 0
                ? new Change(bandLabel(prev.band()), bandLabel(cur.band()), 0,
                        "not comparable: the delivery band was not measured " + (b0 < 0 && b1 < 0 ? "either time"
                                : b0 < 0 ? "last time" : "this time"))
                : new Change(bandLabel(prev.band()), bandLabel(cur.band()), b1 - b0, moved(b1 - b0, "band", "bands"));
        Map<String, CapabilityResult> then = new LinkedHashMap<>();
        for (CapabilityResult c : nz(before.result().capabilities())) {
            then.put(c.key(), c);
        }
        List<CapabilityChange> rows = new ArrayList<>();
        for (CapabilityResult c : nz(after.result().capabilities())) {
            CapabilityResult p = then.remove(c.key());
            Double a = p == null ? null : p.combined();
            rows.add(change(c, a, c.combined()));
        }
        then.values().forEach(p -> rows.add(change(p, p.combined(), null)));
        rows.removeIf(r -> r.previous() == null && r.current() == null);
        long up = rows.stream().filter(r -> r.change() != null && r.change() > 0).count();
        long down = rows.stream().filter(r -> r.change() != null && r.change() < 0).count();
        double indexChange = round1(cur.maturityIndex() - prev.maturityIndex());
        String summary = "Since " + prev.description() + ": the adoption stage "
                + (stageSteps == 0 ? "is unchanged" : "moved " + stage.words()) + ", the delivery band "
                + (band.steps() == 0 && b0 >= 0 && b1 >= 0 ? "is unchanged" : b0 < 0 || b1 < 0 ? "is " + band.words()
                        : "moved " + band.words())
                + ", and the maturity index " + (indexChange == 0 ? "is unchanged"
                        : (indexChange > 0 ? "rose " : "fell ") + points(Math.abs(indexChange)))
                + ". " + count(up, "capability") + " scored higher, " + count(down, "capability") + " lower.";
        return new MilestoneComparison(assessmentId, previousAssessmentId, prev, cur, stage, band, indexChange, rows,
                summary);
    }

    /**
     * A result with its description.
     *
     * @param milestone the milestone's figures
     * @param result the full result, for the capability scores
     */
    public record Side(Milestone milestone, EvaluationResult result) {

        /**
         * @param assessmentId its assessment
         * @param versionNumber approved version number, or null for an evaluation
         * @param at approval or evaluation time
         * @param result the result
         * @param description for readers
         * @return the side
         */
        public static Side of(long assessmentId, Integer versionNumber, Instant at, EvaluationResult result,
                String description) {
            return new Side(new Milestone(assessmentId, versionNumber == null ? "EVALUATION" : "APPROVED_VERSION",
                    versionNumber, at, result.stage().quarter(), result.stage().phase(), result.stage().label(),
                    result.delivery() == null ? "UNKNOWN" : result.delivery().band(),
                    round1(result.maturity().index()), description), result);
        }
    }

    private static CapabilityChange change(CapabilityResult c, Double before, Double after) {
        Double b = before == null ? null : round1(before);
        Double a = after == null ? null : round1(after);
        return new CapabilityChange(c.key(), c.name(), c.dimension(), b, a, a == null || b == null ? null
                : round1(after - before));
    }

    /** @return 0..7: the quarter's early phase is 2 × (quarter − 1), its late phase one more */
    private static int position(Milestone m) {
        return (m.stageQuarter() - 1) * 2 + ("LATE".equals(m.stagePhase()) ? 1 : 0);
    }

    private static String moved(int steps, String one, String many) {
        if (steps == 0) {
            return "unchanged";
        }
        int n = Math.abs(steps);
        String[] words = {"", "one", "two", "three", "four", "five", "six", "seven"};
        return (steps > 0 ? "up " : "down ") + (n == 1 ? "one " + one : (n < words.length ? words[n] : n) + " " + many);
    }

    static String bandLabel(String band) {
        if (band == null || !BANDS.contains(band)) {
            return "Not measured";
        }
        return band.charAt(0) + band.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String points(double v) {
        String n = v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
        return n + (v == 1 ? " point" : " points");
    }

    private static String count(long n, String noun) {
        return dev.bearing.common.UserText.count(n, noun);
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }
}
