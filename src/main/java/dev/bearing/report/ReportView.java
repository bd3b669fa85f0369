package dev.bearing.report;

import dev.bearing.common.UserText;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import dev.bearing.evaluation.EvaluationResult.FindingResult;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.evaluation.EvaluationResult.QuestionGap;
import dev.bearing.evaluation.EvaluationResult.RoadmapEntry;
import dev.bearing.evaluation.EvaluationResult.ToolOption;
import io.quarkus.qute.RawString;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the roadmap template shows, already cleaned and formatted: every string is
 * {@link UserText#clean cleaned} (tabs and Unicode spaces to spaces, CRLF to LF, control and
 * zero-width characters dropped) and never null, numbers are rounded for readers, and absent
 * values are spelled out. The template escapes all of it; only the charts, which
 * {@link Charts} drew and escaped, are {@link RawString raw}.
 *
 * @param title document title, "DevOps roadmap — organisation"
 * @param organisation organisation name
 * @param footerOrganisation organisation name shortened for the page footer
 * @param evaluatedOn evaluation date, e.g. "30 November 2026" (UTC)
 * @param assessmentId assessment id
 * @param ruleSetShort first 12 characters of the rule set version
 * @param ruleSetVersion full rule set version (SHA-256)
 * @param catalogVersion stack catalog edition
 * @param questionnaire questionnaire key and version
 * @param respondentsLine who answered, e.g. "3 respondents: 1 Business, 2 Development"
 * @param summary the executive summary
 * @param dimensions dimension scores
 * @param capabilities capability scores in report order, numbered like the radar's axes
 * @param disagreements questions roles disagree on most, largest spread first
 * @param stack recommended stack per layer
 * @param findings all findings, highest risk first
 * @param phases roadmap by phase
 * @param appendix every respondent's answers
 * @param charts the charts
 * @param method the method note
 */
public record ReportView(String title, String organisation, String footerOrganisation, String evaluatedOn,
        long assessmentId, String ruleSetShort, String ruleSetVersion, String catalogVersion, String questionnaire,
        String respondentsLine, Summary summary, List<DimensionScore> dimensions, List<CapabilityRow> capabilities,
        List<Disagreement> disagreements, List<Layer> stack, List<FindingView> findings, List<Phase> phases,
        List<RespondentView> appendix, ChartSet charts, Method method) {

    /** Most questions shown in the disagreement table. */
    static final int MAX_DISAGREEMENTS = 10;

    /** Longest organisation name the footer shows before shortening it. */
    static final int FOOTER_MAX = 40;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final List<String> ROLES = List.of("BUSINESS", "DEVELOPMENT", "OPERATIONS");
    private static final List<String> PHASE_LABELS = List.of("First 30 days", "Within 90 days", "Within 6 months",
            "Within 12 months");

    /**
     * The executive summary.
     *
     * @param stageLabel e.g. "Late phase of the second quarter (Adopting)"
     * @param stageName e.g. Adopting
     * @param stageDescription what the stage means
     * @param stageReasons why the rules placed the organisation there
     * @param maturityIndex rounded index 0..100
     * @param percentile rounded percentile 0..100
     * @param deliveryBand band for readers, e.g. "Low"
     * @param deliveryClass CSS class of the band
     * @param deliveryYear year of the DORA thresholds
     * @param deliveryReason why this band
     * @param deliveryMetrics band per DORA metric
     * @param topFindings the three highest-risk findings
     * @param findingsTotal number of findings
     * @param roadmapTotal number of roadmap items
     * @param highRiskTotal number of high-risk findings
     */
    public record Summary(String stageLabel, String stageName, String stageDescription, List<String> stageReasons,
            String maturityIndex, String percentile, String deliveryBand, String deliveryClass, int deliveryYear,
            String deliveryReason, List<Metric> deliveryMetrics, List<FindingView> topFindings, int findingsTotal,
            int roadmapTotal, int highRiskTotal) {
    }

    /**
     * @param name DORA metric for readers
     * @param band band for readers
     * @param cssClass CSS class of the band
     */
    public record Metric(String name, String band, String cssClass) {
    }

    /**
     * @param name dimension for readers
     * @param score rounded score, or "No answers"
     * @param percent score as a CSS width, e.g. "42%"
     */
    public record DimensionScore(String name, String score, String percent) {
    }

    /**
     * One row of the capability table; absent scores read "–".
     *
     * @param number axis number on the radar, or "" when the capability has no score
     * @param name capability name
     * @param dimension dimension for readers
     * @param combined combined score
     * @param business Business score
     * @param development Development score
     * @param operations Operations score
     * @param gap gap in points
     * @param wideGap whether the gap is the widest quarter of the scale (25 points or more)
     */
    public record CapabilityRow(String number, String name, String dimension, String combined, String business,
            String development, String operations, String gap, boolean wideGap) {
    }

    /**
     * A question the roles answered very differently.
     *
     * @param question question text
     * @param capability capability name
     * @param business Business score or "–"
     * @param development Development score or "–"
     * @param operations Operations score or "–"
     * @param spread spread in points
     */
    public record Disagreement(String question, String capability, String business, String development,
            String operations, String spread) {
    }

    /**
     * A stack layer.
     *
     * @param anchor id for links and bookmarks
     * @param name layer name
     * @param current tools used today, joined, or ""
     * @param hasPrimary whether a tool is recommended
     * @param primary the recommended tool (blank when none)
     * @param alternatives the rest of the menu, best first
     * @param excluded tools ruled out
     */
    public record Layer(String anchor, String name, String current, boolean hasPrimary, Tool primary,
            List<Tool> alternatives, List<Tool> excluded) {
    }

    /**
     * A tool on a layer's menu.
     *
     * @param name product name
     * @param vendor vendor
     * @param summary one sentence
     * @param points suitability points
     * @param hosting hosting models for readers
     * @param licence licence
     * @param awsBlueprint "Yes" or "No"
     * @param status catalog status for readers when it is not active (e.g. "End of sale"), or ""
     * @param statusNote catalog status note, or ""
     * @param reasons reasons from the rules
     */
    public record Tool(String name, String vendor, String summary, int points, String hosting, String licence,
            String awsBlueprint, String status, String statusNote, List<String> reasons) {
    }

    /**
     * A finding.
     *
     * @param number F1, F2, ...
     * @param title headline
     * @param risk "High", "Medium" or "Low"
     * @param riskClass CSS class
     * @param capability capability name, or ""
     * @param rationale explanation
     */
    public record FindingView(String number, String title, String risk, String riskClass, String capability,
            String rationale) {
    }

    /**
     * A roadmap phase.
     *
     * @param label e.g. "First 30 days"
     * @param items its items
     */
    public record Phase(String label, List<RoadmapItemView> items) {
    }

    /**
     * A roadmap item.
     *
     * @param number R1, R2, ... as on the timeline
     * @param title what to do
     * @param capability capability name, or ""
     * @param tool recommended tool, or ""
     * @param dependsOn numbers of the items that come first, e.g. "R3, R4", or ""
     * @param rationale why
     */
    public record RoadmapItemView(String number, String title, String capability, String tool, String dependsOn,
            String rationale) {
    }

    /**
     * One respondent's answers.
     *
     * @param anchor id for bookmarks
     * @param heading e.g. "Respondent 2 · Development · Jane Doe"
     * @param sections answers grouped by survey section
     */
    public record RespondentView(String anchor, String heading, List<AnswerSection> sections) {
    }

    /**
     * @param title section title
     * @param answers answers in survey order
     */
    public record AnswerSection(String title, List<AnswerView> answers) {
    }

    /**
     * @param question question text
     * @param answer the answer, line breaks kept; "" when not answered
     * @param answered false for a visible optional question never answered (or answered with
     *     nothing visible)
     * @param longAnswer whether the answer may be too tall for one page, so its row may split
     *     across pages (shorter rows are kept whole)
     */
    public record AnswerView(String question, String answer, boolean answered, boolean longAnswer) {
    }

    /** Answers longer than this, in characters or lines, may split across pages. */
    static final int LONG_ANSWER_CHARS = 1200;
    static final int LONG_ANSWER_LINES = 25;

    /**
     * The charts; SVG drawn and escaped by {@link Charts}.
     *
     * @param bellCurve adoption curve
     * @param radar capability radar, may be empty
     * @param gaps alignment gaps, may be empty
     * @param timeline roadmap timeline, one SVG per page-sized chunk
     */
    public record ChartSet(RawString bellCurve, RawString radar, RawString gaps, List<RawString> timeline) {

        /** @return whether there is a radar (three or more scored capabilities) */
        public boolean hasRadar() {
            return !radar.getValue().isEmpty();
        }

        /** @return whether there is a gap chart (a capability scored by two roles or more) */
        public boolean hasGaps() {
            return !gaps.getValue().isEmpty();
        }
    }

    /**
     * The method note.
     *
     * @param curveMean curve mean
     * @param curveSd curve standard deviation
     * @param curveSource calibration source
     * @param deliveryYear DORA thresholds year
     */
    public record Method(String curveMean, String curveSd, String curveSource, int deliveryYear) {
    }

    /**
     * Builds the view.
     *
     * @param data the report's data; its text may hold anything a respondent typed
     * @param charts the chart drawer
     * @return the view, every string cleaned and non-null
     */
    public static ReportView of(ReportData data, Charts charts) {
        EvaluationResult r = data.result();
        String org = clean(data.organisation());
        if (org.isBlank()) {
            org = "Unnamed organisation";
        }
        String orgOneLine = org.replace('\n', ' ');
        Map<String, String> capabilityNames = new HashMap<>();
        nz(r.capabilities()).forEach(c -> capabilityNames.put(c.key(), clean(c.name())));

        // capabilities, numbered as on the radar
        List<CapabilityRow> rows = new ArrayList<>();
        int axis = 0;
        for (CapabilityResult c : nz(r.capabilities())) {
            String number = c.combined() != null ? String.valueOf(++axis) : "";
            Map<String, Double> by = c.byRole() == null ? Map.of() : c.byRole();
            rows.add(new CapabilityRow(number, clean(c.name()), dimensionName(c.dimension()), score(c.combined()),
                    score(by.get("BUSINESS")), score(by.get("DEVELOPMENT")), score(by.get("OPERATIONS")),
                    c.gap() == null ? "–" : Math.round(c.gap()) + " pts", c.gap() != null && c.gap() >= 25));
        }
        List<DimensionScore> dims = new ArrayList<>();
        Map<String, Double> dimensionScores = r.dimensions() == null ? Map.of() : r.dimensions();
        for (String d : List.of("ALIGNMENT", "TOOLING", "OUTCOMES")) {
            Double v = dimensionScores.get(d);
            dims.add(new DimensionScore(dimensionName(d), v == null ? "No answers" : String.valueOf(Math.round(v)),
                    v == null ? "0%" : Math.round(Math.max(0, Math.min(100, v))) + "%"));
        }

        // disagreements across capabilities
        List<Disagreement> disagreements = new ArrayList<>();
        record Gap(CapabilityResult capability, QuestionGap question) {
        }
        nz(r.capabilities()).stream()
                .flatMap(c -> nz(c.disagreements()).stream().map(q -> new Gap(c, q)))
                .filter(g -> g.question().spread() > 0)
                .sorted(Comparator.comparingDouble((Gap g) -> -g.question().spread()))
                .limit(MAX_DISAGREEMENTS)
                .forEach(g -> {
                    Map<String, Double> by = g.question().byRole() == null ? Map.of() : g.question().byRole();
                    disagreements.add(new Disagreement(clean(g.question().text()), clean(g.capability().name()),
                            score(by.get("BUSINESS")), score(by.get("DEVELOPMENT")), score(by.get("OPERATIONS")),
                            Math.round(g.question().spread()) + " pts"));
                });

        // findings
        List<FindingView> findings = new ArrayList<>();
        int fn = 0;
        for (FindingResult f : nz(r.findings())) {
            String risk = f.risk() == null ? "LOW" : f.risk();
            findings.add(new FindingView("F" + ++fn, clean(f.title()), label(risk), "risk-" + risk.toLowerCase(Locale.ROOT),
                    f.capability() == null ? "" : capabilityNames.getOrDefault(f.capability(), clean(f.capability())),
                    clean(f.rationale())));
        }
        int highRisk = (int) nz(r.findings()).stream().filter(f -> "HIGH".equals(f.risk())).count();

        // stack
        List<Layer> stack = new ArrayList<>();
        for (LayerRecommendation l : nz(r.stack())) {
            stack.add(new Layer("layer-" + anchor(l.key()), clean(l.kindName() == null ? l.layerName() : l.layerName() + ": " + l.kindName()),
                    clean(String.join(", ", nz(l.current()).stream().map(c -> c.name()).toList())), l.primary() != null,
                    l.primary() == null ? tool(null) : tool(l.primary()),
                    nz(l.alternatives()).stream().map(ReportView::tool).toList(),
                    nz(l.excluded()).stream().map(ReportView::tool).toList()));
        }

        // roadmap, numbered as on the timeline
        List<RoadmapEntry> roadmap = nz(r.roadmap());
        Map<String, String> numbers = new HashMap<>();
        for (int i = 0; i < roadmap.size(); i++) {
            numbers.put(roadmap.get(i).key(), "R" + (i + 1));
        }
        Map<Integer, List<RoadmapItemView>> byPhase = new LinkedHashMap<>();
        for (int p = 1; p <= 4; p++) {
            byPhase.put(p, new ArrayList<>());
        }
        Map<Integer, String> phaseLabels = new HashMap<>();
        for (RoadmapEntry e : roadmap) {
            int p = Math.max(1, Math.min(4, e.phase()));
            if (e.phaseLabel() != null && !e.phaseLabel().isBlank()) {
                phaseLabels.putIfAbsent(p, clean(e.phaseLabel()));
            }
            byPhase.get(p).add(new RoadmapItemView(numbers.get(e.key()), clean(e.title()),
                    e.capability() == null ? "" : capabilityNames.getOrDefault(e.capability(), clean(e.capability())),
                    clean(e.tool()),
                    String.join(", ", nz(e.dependsOn()).stream().map(numbers::get).filter(Objects::nonNull).toList()),
                    clean(e.rationale())));
        }
        List<String> labels = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            labels.add(phaseLabels.getOrDefault(p, PHASE_LABELS.get(p - 1)));
        }
        List<Phase> phases = new ArrayList<>();
        byPhase.forEach((p, items) -> {
            if (!items.isEmpty()) {
                phases.add(new Phase(labels.get(p - 1), items));
            }
        });

        // appendix
        List<RespondentView> appendix = new ArrayList<>();
        int rn = 0;
        for (ReportData.RespondentAnswers ra : nz(data.respondents())) {
            rn++;
            String role = clean(ra.role());
            String name = clean(ra.name()).replace('\n', ' ').trim();
            StringBuilder heading = new StringBuilder("Respondent ").append(rn);
            if (!role.isBlank()) {
                heading.append(" · ").append(role);
            }
            if (!name.isBlank()) {
                heading.append(" · ").append(name);
            }
            Map<String, List<AnswerView>> sections = new LinkedHashMap<>();
            for (ReportData.AnsweredQuestion q : nz(ra.answers())) {
                String section = clean(q.section()).isBlank() ? "Other questions" : clean(q.section());
                String answer = q.answer() == null ? "" : clean(q.answer());
                String question = clean(q.question()).isBlank() ? clean(q.questionKey()) : clean(q.question());
                boolean longAnswer = answer.length() > LONG_ANSWER_CHARS || question.length() > LONG_ANSWER_CHARS
                        || answer.chars().filter(c -> c == '\n').count() > LONG_ANSWER_LINES;
                // an answer of nothing but spaces or invisible characters reads as not answered
                sections.computeIfAbsent(section, k -> new ArrayList<>())
                        .add(new AnswerView(question, answer, !answer.isBlank(), longAnswer));
            }
            List<AnswerSection> list = new ArrayList<>();
            sections.forEach((title, answers) -> list.add(new AnswerSection(title, answers)));
            appendix.add(new RespondentView("respondent-" + rn, heading.toString(), list));
        }

        // summary
        EvaluationResult.Stage st = r.stage();
        EvaluationResult.Delivery dl = r.delivery();
        EvaluationResult.Maturity m = r.maturity();
        List<Metric> metrics = new ArrayList<>();
        if (dl != null && dl.metrics() != null) {
            dl.metrics().forEach((k, v) -> metrics.add(new Metric(humanise(k), bandLabel(v), band(v))));
        }
        Summary summary = new Summary(st == null ? "" : clean(st.label()), st == null ? "" : clean(st.name()),
                st == null ? "" : clean(st.description()),
                st == null ? List.of() : nz(st.reasons()).stream().map(ReportView::clean).toList(),
                m == null ? "–" : String.valueOf(Math.round(m.index())),
                m == null ? "–" : String.valueOf(Math.round(m.percentile())),
                dl == null ? bandLabel(null) : bandLabel(dl.band()), dl == null ? band(null) : band(dl.band()),
                dl == null ? 0 : dl.thresholdsYear(), dl == null ? "" : clean(dl.reason()), metrics,
                findings.stream().limit(3).toList(), findings.size(), roadmap.size(), highRisk);

        ChartSet chartSet = new ChartSet(
                new RawString(m == null ? "" : charts.bellCurve(m, st == null ? 0 : st.quarter(),
                        st == null ? "" : st.name())),
                new RawString(charts.radar(nz(r.capabilities()))),
                new RawString(charts.alignmentGaps(nz(r.capabilities()))),
                charts.timeline(roadmap, labels).stream().map(RawString::new).toList());

        String version = clean(r.ruleSetVersion());
        Method method = new Method(m == null ? "–" : number(m.curveMean()),
                m == null ? "–" : number(m.curveStandardDeviation()), m == null ? "" : clean(m.curveSource()),
                dl == null ? 0 : dl.thresholdsYear());
        return new ReportView("DevOps roadmap — " + orgOneLine, org, shorten(orgOneLine, FOOTER_MAX),
                data.evaluatedAt() == null ? "" : DATE.format(data.evaluatedAt()), data.assessmentId(),
                version.length() > 12 ? version.substring(0, 12) : version, version, clean(r.catalogVersion()),
                clean(r.questionnaireKey()) + " v" + r.questionnaireVersion(), respondentsLine(r.respondents()),
                summary, dims, rows, disagreements, stack, findings, phases, appendix, chartSet, method);
    }

    private static Tool tool(ToolOption t) {
        if (t == null) {
            return new Tool("", "", "", 0, "", "", "", "", "", List.of());
        }
        return new Tool(clean(t.name()), clean(t.vendor()), clean(t.summary()), t.points(),
                String.join(", ", nz(t.hosting()).stream().map(ReportView::hosting).toList()), clean(t.licenceName()),
                "",
                t.status() == null || "ACTIVE".equals(t.status()) ? "" : humanise(t.status()), clean(t.statusNote()),
                nz(t.reasons()).stream().map(ReportView::clean).toList());
    }

    private static String respondentsLine(Map<String, Integer> respondents) {
        if (respondents == null || respondents.isEmpty()) {
            return "No respondents";
        }
        int total = respondents.values().stream().mapToInt(Integer::intValue).sum();
        List<String> parts = new ArrayList<>();
        for (String role : ROLES) {
            Integer n = respondents.get(role);
            if (n != null && n > 0) {
                parts.add(n + " " + Charts.roleLabel(role));
            }
        }
        respondents.forEach((role, n) -> {
            if (!ROLES.contains(role) && n != null && n > 0) {
                parts.add(n + " " + clean(Charts.roleLabel(role)));
            }
        });
        return total + (total == 1 ? " respondent: " : " respondents: ") + String.join(", ", parts);
    }

    static String clean(String s) {
        return UserText.clean(s);
    }

    private static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static String score(Double v) {
        return v == null ? "–" : String.valueOf(Math.round(v));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String label(String key) {
        String k = clean(key).toLowerCase(Locale.ROOT);
        return k.isEmpty() ? k : Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    private static String humanise(String key) {
        return label(clean(key).replace('_', ' '));
    }

    private static String bandLabel(String band) {
        if (band == null || band.isBlank() || "UNKNOWN".equals(band)) {
            return "Not enough answers";
        }
        return label(band);
    }

    private static String band(String band) {
        return band == null || band.isBlank() ? "band-unknown" : "band-" + anchor(band);
    }

    private static String dimensionName(String dimension) {
        return switch (dimension == null ? "" : dimension) {
            case "ALIGNMENT" -> "Alignment";
            case "TOOLING" -> "Tooling";
            case "OUTCOMES" -> "Delivery outcomes";
            case "CONTEXT" -> "Context";
            default -> label(dimension);
        };
    }

    private static String hosting(String h) {
        return switch (h == null ? "" : h) {
            case "SAAS" -> "SaaS";
            case "SELF_HOSTED" -> "Self-hosted";
            case "AWS_MANAGED" -> "AWS managed";
            default -> humanise(h);
        };
    }

    private static String anchor(String key) {
        return clean(key).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }
}
