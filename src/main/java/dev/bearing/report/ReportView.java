package dev.bearing.report;

import dev.bearing.common.UserText;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import dev.bearing.evaluation.EvaluationResult.Comment;
import dev.bearing.evaluation.EvaluationResult.CurrentToolResult;
import dev.bearing.evaluation.EvaluationResult.Decision;
import dev.bearing.evaluation.Ties;
import dev.bearing.evaluation.EvaluationResult.FindingResult;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.evaluation.EvaluationResult.QuestionGap;
import dev.bearing.evaluation.EvaluationResult.RoadmapEntry;
import dev.bearing.evaluation.EvaluationResult.ToolOption;
import dev.bearing.evaluation.MetricComparison;
import dev.bearing.evaluation.PeerComparison;
import dev.bearing.evaluation.PeerGroup;
import io.quarkus.qute.RawString;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the roadmap template shows, already cleaned and formatted: every string is
 * {@link UserText#clean cleaned} (tabs and Unicode spaces to spaces, CRLF to LF, control and
 * zero-width characters dropped) and never null, numbers are rounded for readers, and absent
 * values are spelled out. The template escapes all of it; only the charts, which
 * {@link Charts} drew and escaped, are {@link RawString raw}.
 *
 * <p>The report has two parts. The leadership part (executive summary, findings, respondents'
 * words, roadmap, position in detail) speaks in plain words: no suitability points, rule names,
 * rule-set hash or provisioning claims. The appendix (tool menus with points, method and
 * versions, raw answers) is for the people who carry the work out.
 *
 * @param title document title, "DevOps roadmap — organisation"
 * @param organisation organisation name
 * @param footerOrganisation organisation name shortened for the page footer
 * @param evaluatedOn evaluation date, e.g. "30 November 2026" (UTC)
 * @param assessmentId assessment id
 * @param respondentsLine who answered, e.g. "3 respondents: 1 Business, 2 Development"
 * @param summary the executive summary
 * @param findings all findings, highest risk first
 * @param quotes what respondents wrote in free text, grouped by question
 * @param phases roadmap by phase
 * @param position where the organisation stands, in detail (curve, delivery, peers)
 * @param dimensions dimension scores
 * @param capabilities capability scores in report order, numbered like the radar's axes
 * @param disagreements questions roles disagree on most, largest spread first
 * @param menus appendix: the tool menu of every stack entry, with points
 * @param method appendix: method and versions
 * @param answers appendix: every respondent's answers
 * @param charts the charts
 * @param draft whether this is a draft (not an approved version): every page and the cover say DRAFT
 * @param versionLine "Version 2, approved by Alice Smith on 1 December 2026", or "Draft: not approved yet"
 * @param reviewNotes the consultant's overrides and edits applied, in the order made, with notes
 */
public record ReportView(String title, String organisation, String footerOrganisation, String evaluatedOn,
        long assessmentId, String respondentsLine, Summary summary, List<FindingView> findings,
        List<QuoteGroup> quotes, List<Phase> phases, Position position, List<DimensionScore> dimensions,
        List<CapabilityRow> capabilities, List<Disagreement> disagreements, List<Layer> menus, Method method,
        List<RespondentView> answers, ChartSet charts, boolean draft, String versionLine,
        List<ReviewNoteView> reviewNotes) {

    /**
     * One change the consultant made, for the appendix.
     *
     * @param change what changed, in plain words
     * @param note the consultant's note, or ""
     * @param by who
     * @param on the date, e.g. "1 December 2026"
     */
    public record ReviewNoteView(String change, String note, String by, String on) {
    }

    /** @return "DRAFT", or "Version 2" for an approved version (the page footer's status) */
    public String shortStatus() {
        int comma = versionLine.indexOf(',');
        return draft || comma < 0 ? "DRAFT" : versionLine.substring(0, comma);
    }

    /** Most questions shown in the disagreement table. */
    static final int MAX_DISAGREEMENTS = 10;

    /** Longest organisation name the footer shows before shortening it. */
    static final int FOOTER_MAX = 40;

    /** Longest quote shown under "In their own words"; the appendix has every answer in full. */
    static final int MAX_QUOTE_CHARS = 600;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final List<String> ROLES = List.of("BUSINESS", "DEVELOPMENT", "OPERATIONS");
    private static final List<String> PHASE_LABELS = List.of("First 30 days", "Within 90 days", "Within 6 months",
            "Within 12 months");

    /**
     * The executive summary: where they stand, the decisions, the stack in one line per entry,
     * the first 30 days.
     *
     * @param stageLabel e.g. "Late phase of the second quarter (Adopting)"
     * @param stageDescription what the stage means
     * @param deliveryBand band for readers, e.g. "Low", or "Not enough answers"
     * @param deliveryClass CSS class of the band
     * @param deliveryBasis e.g. "DORA 2024 thresholds", or "" when the band is unknown
     * @param peerLine the peer comparison in one sentence, or "" when there is none
     * @param peerSource attribution of the peer figures, or ""
     * @param decisions the decisions to make, at most three
     * @param tieChoices every tie in the stack that no decision is about, as a choice to make (see
     *     {@link #tieChoices}); listed under the decisions
     * @param stack one line per stack entry
     * @param tieLegend what to choose a tie on when nothing said separates the tools (said once, under
     *     the stack), or "" when no such tie is in the stack
     * @param firstDaysLabel the first phase's label, e.g. "First 30 days"
     * @param firstDays the first phase's roadmap items
     * @param findingsLine e.g. "12 findings, 4 of them high risk,", or "no findings"
     * @param roadmapLine e.g. "9 roadmap items over twelve months", or "no roadmap items"
     */
    public record Summary(String stageLabel, String stageDescription, String deliveryBand, String deliveryClass,
            String deliveryBasis, String peerLine, String peerSource, List<DecisionView> decisions,
            List<String> tieChoices, List<StackLine> stack, String tieLegend, String firstDaysLabel,
            List<RoadmapItemView> firstDays, String findingsLine, String roadmapLine) {

        /** @return what is said before the tie choices ({@link ReportView#TIE_CHOICES_LEAD}) */
        public String tieChoicesLead() {
            return TIE_CHOICES_LEAD;
        }
    }

    /**
     * A decision leadership has to make.
     *
     * @param number 1, 2, 3
     * @param title the decision in a few words
     * @param detail why it matters and the options
     * @param concerns the stack entry it concerns, e.g. "Source control", or ""
     */
    public record DecisionView(String number, String title, String detail, String concerns) {
    }

    /**
     * One stack entry in one line: what changes and what stays.
     *
     * @param layer layer name, with the kind where the layer has several, e.g. "Test automation — load"
     * @param action e.g. "Keep Jenkins", "Add HashiCorp Vault", "Move from Bitbucket Data Center to GitLab",
     *     "GitLab CI or Jenkins — equal fit"
     * @param note what else a reader should know in a few words (other tools in use, a lifecycle
     *     date, what to choose a tie on), or ""
     * @param changeClass CSS class: change-keep, change-replace, change-add, change-none or change-tie
     * @param changeLabel "Keep", "Change", "Add", "Decide" or "Tie"
     */
    public record StackLine(String layer, String action, String note, String changeClass, String changeLabel) {

        /**
         * @return the layer as the summary's stack names it: the kind alone where the layer has several
         *     ("Contract tests", "Container registry"), which says it as well in one line, else the layer
         */
        public String summaryLayer() {
            int dash = layer.indexOf(" — ");
            if (dash < 0) {
                return layer;
            }
            String kind = layer.substring(dash + 3);
            return kind.isEmpty() ? layer : Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        }
    }

    /**
     * Where the organisation stands, in detail.
     *
     * @param stageLabel stage label
     * @param stageDescription what the stage means
     * @param stageReasons why the organisation is placed there
     * @param maturityIndex rounded index 0..100, or "–"
     * @param percentile rounded share of organisations with a lower index on the assumed curve, or "–"
     * @param curveAssumption the curve's assumption in words, said beside the percentile
     * @param deliveryBand band for readers
     * @param deliveryClass CSS class of the band
     * @param deliveryYear year of the DORA thresholds, 0 when unknown
     * @param deliveryReason why this band
     * @param metrics band per DORA metric
     * @param peers peer groups compared, may be empty
     * @param peerSource attribution of the peer figures, or ""
     */
    public record Position(String stageLabel, String stageDescription, List<String> stageReasons,
            String maturityIndex, String percentile, String curveAssumption, String deliveryBand,
            String deliveryClass, int deliveryYear, String deliveryReason, List<Metric> metrics,
            List<PeerGroupView> peers, String peerSource) {

        /** @return whether there is a peer comparison */
        public boolean hasPeers() {
            return !peers.isEmpty();
        }
    }

    /**
     * @param name DORA metric for readers
     * @param band band for readers
     * @param cssClass CSS class of the band
     */
    public record Metric(String name, String band, String cssClass) {
    }

    /**
     * A DORA peer group and the client's metrics against it.
     *
     * @param name e.g. "Financial Services respondents"
     * @param rows one per metric answered
     */
    public record PeerGroupView(String name, List<PeerRow> rows) {
    }

    /**
     * @param metric DORA's metric name
     * @param client the client's score on DORA's 0–10 scale, one decimal
     * @param peerMean the group's mean score, one decimal
     * @param words Bearing's percentile estimate in words, e.g. "better than about 70 %" (of the group)
     */
    public record PeerRow(String metric, String client, String peerMean, String words) {
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
     * @param gap gap between the roles on the 0–100 scale, or "–"
     * @param wideGap whether the gap is the widest quarter of the scale (25 or more)
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
     * @param spread spread on the 0–100 scale
     */
    public record Disagreement(String question, String capability, String business, String development,
            String operations, String spread) {
    }

    /**
     * Appendix: one stack entry's menu.
     *
     * @param anchor id for links and bookmarks
     * @param name layer name, with the kind where the layer has several
     * @param summaryLine the same line as in the executive summary
     * @param current tools used today
     * @param hasPrimary whether a tool is recommended
     * @param primary the recommended tool (blank when none)
     * @param tie "Scores the same as GitLab CI: a tie, to decide on ...", or ""
     * @param alternatives the rest of the menu, best first
     * @param excluded tools ruled out
     * @param notNeeded why the entry is not needed yet, in full (the summary gives its first sentence), or ""
     * @param alsoInUse tools in use at the layer that serve none of its kinds (pytest under test automation),
     *     on the layer's first entry only; empty elsewhere
     * @param alsoInUseFor the layer they are in use for, e.g. "test automation", or "" when there are none
     */
    public record Layer(String anchor, String name, StackLine summaryLine, List<CurrentTool> current,
            boolean hasPrimary, Tool primary, String tie, List<Tool> alternatives, List<Tool> excluded,
            String notNeeded, List<CurrentTool> alsoInUse, String alsoInUseFor) {
    }

    /**
     * A tool in use today.
     *
     * @param name product name, or the name as typed
     * @param known whether the catalog knows it (false for a name typed under "Something else")
     * @param status lifecycle status for readers when not active, or ""
     * @param statusNote lifecycle note, or ""
     * @param satisfaction e.g. "3.5 of 5 from its users", or ""
     * @param respondents e.g. "named by 2 respondents"
     */
    public record CurrentTool(String name, boolean known, String status, String statusNote, String satisfaction,
            String respondents) {
    }

    /**
     * A tool on a layer's menu (appendix only).
     *
     * @param name product name
     * @param vendor vendor
     * @param summary one sentence
     * @param points suitability points
     * @param hosting hosting models for readers
     * @param licence licence
     * @param status catalog status for readers when it is not active (e.g. "End of sale"), or ""
     * @param statusNote catalog status note, or ""
     * @param reasons reasons for it
     * @param caveats what counts against it for this client
     */
    public record Tool(String name, String vendor, String summary, int points, String hosting, String licence,
            String status, String statusNote, List<String> reasons, List<String> caveats) {
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
     * Free-text answers to one question.
     *
     * @param question question text
     * @param quotes what each respondent wrote
     */
    public record QuoteGroup(String question, List<Quote> quotes) {
    }

    /**
     * @param role the respondent's role, e.g. "Development"
     * @param text what they wrote, shortened to {@link #MAX_QUOTE_CHARS} at a word boundary
     * @param shortened whether the text was shortened (the appendix has it in full)
     */
    public record Quote(String role, String text, boolean shortened) {
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
     * @param effort effort range, e.g. "2–4 person-weeks", or "To be estimated"
     * @param owner owner role, e.g. "Head of Platform", or "To be named"
     * @param rationale why
     */
    public record RoadmapItemView(String number, String title, String capability, String tool, String dependsOn,
            String effort, String owner, String rationale) {
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
     * Appendix: the method note and the versions a report can be reproduced from.
     *
     * @param ruleSetVersion full rule set version (SHA-256)
     * @param catalogVersion stack catalog edition
     * @param questionnaire questionnaire key and version
     * @param deliveryYear DORA thresholds year, 0 when unknown
     * @param curveMean curve mean
     * @param curveSd curve standard deviation
     * @param curveSource calibration source
     * @param peerSource attribution of the peer benchmark, or ""
     */
    public record Method(String ruleSetVersion, String catalogVersion, String questionnaire, int deliveryYear,
            String curveMean, String curveSd, String curveSource, String peerSource) {
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
                    score(c.gap()), c.gap() != null && c.gap() >= 25));
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
                            String.valueOf(Math.round(g.question().spread()))));
                });

        // findings
        List<FindingView> findings = new ArrayList<>();
        // a finding about a tool or a layer (a tool's end of life, several tools for one job) has no
        // capability: it is labelled with the stack layer its subject belongs to
        Map<String, String> layerOf = new HashMap<>();
        for (LayerRecommendation l : nz(r.stack())) {
            String name = clean(l.layerName());
            layerOf.putIfAbsent(l.layer(), name);
            nz(l.current()).stream().filter(c -> c.key() != null).forEach(c -> layerOf.putIfAbsent(c.key(), name));
            java.util.stream.Stream.of(java.util.Collections.singletonList(l.primary()), nz(l.alternatives()), nz(l.excluded()))
                    .flatMap(List::stream).filter(Objects::nonNull).forEach(o -> layerOf.putIfAbsent(o.key(), name));
        }
        int fn = 0;
        for (FindingResult f : nz(r.findings())) {
            String risk = f.risk() == null ? "LOW" : f.risk();
            findings.add(new FindingView("F" + ++fn, plain(f.title()), label(risk),
                    "risk-" + risk.toLowerCase(Locale.ROOT),
                    f.capability() != null ? capabilityNames.getOrDefault(f.capability(), clean(f.capability()))
                            : f.subject() == null ? "" : layerOf.getOrDefault(f.subject(), ""),
                    plain(f.rationale())));
        }
        int highRisk = (int) nz(r.findings()).stream().filter(f -> "HIGH".equals(f.risk())).count();

        // respondents' own words, grouped by question in survey order
        Map<String, List<Quote>> quoteMap = new LinkedHashMap<>();
        for (Comment c : nz(r.comments())) {
            String text = clean(c.text()).strip();
            if (text.isBlank()) {
                continue;
            }
            String shortText = shorten(text, MAX_QUOTE_CHARS);
            String question = clean(c.question()).isBlank() ? clean(c.questionKey()) : clean(c.question());
            quoteMap.computeIfAbsent(question, k -> new ArrayList<>())
                    .add(new Quote(c.role() == null ? "" : clean(Charts.roleLabel(c.role())), shortText,
                            !shortText.equals(text)));
        }
        List<QuoteGroup> quotes = new ArrayList<>();
        quoteMap.forEach((q, list) -> quotes.add(new QuoteGroup(q, list)));

        // stack: one line per entry, and the appendix's menus
        List<StackLine> stackLines = new ArrayList<>();
        List<Layer> menus = new ArrayList<>();
        Map<String, String> layerNames = new HashMap<>();
        Map<String, String> overrideNotes = new HashMap<>();
        nz(r.review()).stream().filter(n -> "override".equals(n.kind()))
                .forEach(n -> overrideNotes.put(n.target(), oneLine(n.note())));
        // tools the roadmap moves off ("migrate.jenkins"): a stack line that keeps another tool says so
        Set<String> movedOff = nz(r.roadmap()).stream().map(RoadmapEntry::key).filter(k -> k.startsWith("migrate."))
                .map(k -> k.substring("migrate.".length())).collect(Collectors.toSet());
        for (LayerRecommendation l : nz(r.stack())) {
            String name = layerName(l);
            layerNames.put(l.key(), name);
            layerNames.putIfAbsent(l.layer(), clean(l.layerName()));
            StackLine line = stackLine(l, name, movedOff);
            if (overrideNotes.containsKey(l.key())) {
                String why = overrideNotes.get(l.key());
                line = new StackLine(line.layer(), line.action(),
                        ("Consultant's choice" + (why.isBlank() ? "." : ": " + stripStop(why) + ".") + " "
                                + line.note()).strip(), line.changeClass(), line.changeLabel());
            }
            stackLines.add(line);
            List<CurrentTool> current = nz(l.current()).stream().map(ReportView::currentTool).toList();
            List<CurrentTool> also = nz(l.alsoInUse()).stream().map(ReportView::currentTool).toList();
            menus.add(new Layer("layer-" + anchor(l.key()), name, line, current, l.primary() != null,
                    tool(l.primary()), tieNote(l), nz(l.alternatives()).stream().map(ReportView::tool).toList(),
                    nz(l.excluded()).stream().map(ReportView::tool).toList(),
                    "LATER".equals(l.change()) ? clean(l.note()) : "", also,
                    also.isEmpty() ? "" : UserText.lowerFirst(clean(l.layerName()))));
        }

        List<DecisionView> decisions = decisions(r);

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
            byPhase.get(p).add(new RoadmapItemView(numbers.get(e.key()), plain(e.title()),
                    e.capability() == null ? "" : capabilityNames.getOrDefault(e.capability(), clean(e.capability())),
                    clean(e.tool()),
                    String.join(", ", nz(e.dependsOn()).stream().map(numbers::get).filter(Objects::nonNull).toList()),
                    orElse(e.effort(), "To be estimated"), orElse(e.owner(), "To be named"), plain(e.rationale())));
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

        // appendix: answers
        List<RespondentView> answers = new ArrayList<>();
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
            sections.forEach((title, as) -> list.add(new AnswerSection(title, as)));
            answers.add(new RespondentView("respondent-" + rn, heading.toString(), list));
        }

        // where they stand
        EvaluationResult.Stage st = r.stage();
        EvaluationResult.Delivery dl = r.delivery();
        EvaluationResult.Maturity m = r.maturity();
        List<Metric> metrics = new ArrayList<>();
        if (dl != null && dl.metrics() != null) {
            dl.metrics().forEach((k, v) -> metrics.add(new Metric(metricName(k), bandLabel(v), band(v))));
        }
        PeerComparison pc = dl == null ? null : dl.peers();
        String peerSource = pc == null ? "" : clean(pc.source());
        List<PeerGroupView> peers = new ArrayList<>();
        if (pc != null) {
            for (PeerGroup g : nz(pc.groups())) {
                List<PeerRow> peerRows = nz(g.metrics()).stream().map(c -> new PeerRow(clean(c.metricName()),
                        oneDecimal(c.clientScore()), oneDecimal(c.peerMean()), "better than " + share(c.percentile())))
                        .toList();
                if (!peerRows.isEmpty()) {
                    peers.add(new PeerGroupView(groupName(g), peerRows));
                }
            }
        }
        String deliveryBand = dl == null ? bandLabel(null) : bandLabel(dl.band());
        boolean bandKnown = dl != null && dl.band() != null && !dl.band().isBlank() && !"UNKNOWN".equals(dl.band());
        String curveAssumption = m == null ? ""
                : "An assumption, not a peer benchmark: Bearing assumes DevOps maturity is spread across "
                        + "organisations as a normal curve (mean " + number(m.curveMean()) + ", standard deviation "
                        + number(m.curveStandardDeviation()) + ") cut into quartiles of organisations, 25 % each, "
                        + "until the consultancy's own assessments can calibrate it.";
        Position position = new Position(st == null ? "" : clean(st.label()), st == null ? "" : clean(st.description()),
                st == null ? List.of() : nz(st.reasons()).stream().map(ReportView::plain).map(ReportView::assumed)
                        .toList(),
                m == null ? "–" : String.valueOf(Math.round(m.index())),
                m == null ? "–" : String.valueOf(Math.round(m.percentile())), curveAssumption, deliveryBand,
                dl == null ? band(null) : band(dl.band()), dl == null ? 0 : dl.thresholdsYear(),
                dl == null ? "" : plain(dl.reason()), metrics, peers, peerSource);

        int firstPhase = 1;
        Summary summary = new Summary(position.stageLabel(), position.stageDescription(), deliveryBand,
                position.deliveryClass(),
                bandKnown && dl.thresholdsYear() > 0 ? "by the DORA " + dl.thresholdsYear() + " thresholds" : "",
                peerLine(pc), peerSource, decisions, tieChoices(r), stackLines,
                nz(r.stack()).stream().anyMatch(ReportView::tieWithoutReasons) ? TIE_LEGEND : "",
                labels.get(firstPhase - 1),
                byPhase.get(firstPhase), findingsLine(findings.size(), highRisk), roadmapLine(roadmap.size()));

        ChartSet chartSet = new ChartSet(
                new RawString(m == null ? "" : charts.bellCurve(m, st == null ? 0 : st.quarter(),
                        st == null ? "" : st.name())),
                new RawString(charts.radar(nz(r.capabilities()))),
                new RawString(charts.alignmentGaps(nz(r.capabilities()))),
                charts.timeline(roadmap, labels).stream().map(RawString::new).toList());

        Method method = new Method(clean(r.ruleSetVersion()), clean(r.catalogVersion()),
                clean(r.questionnaireKey()) + " v" + r.questionnaireVersion(), dl == null ? 0 : dl.thresholdsYear(),
                m == null ? "–" : number(m.curveMean()), m == null ? "–" : number(m.curveStandardDeviation()),
                m == null ? "" : clean(m.curveSource()), peerSource);
        ReportData.Approval approval = data.approval();
        String versionLine = approval == null ? "Draft: not approved yet"
                : "Version " + approval.version() + ", approved by " + oneLine(approval.approvedBy()) + " on "
                        + DATE.format(approval.approvedAt());
        List<ReviewNoteView> reviewNotes = nz(r.review()).stream()
                .map(n -> new ReviewNoteView(plain(n.change()), plain(n.note()), oneLine(n.by()), day(n.at())))
                .toList();
        return new ReportView("DevOps roadmap — " + orgOneLine, org, shorten(orgOneLine, FOOTER_MAX),
                data.evaluatedAt() == null ? "" : DATE.format(data.evaluatedAt()), data.assessmentId(),
                respondentsLine(r.respondents()), summary, findings, quotes, phases, position, dims, rows,
                disagreements, menus, method, answers, chartSet, approval == null, versionLine, reviewNotes);
    }

    /**
     * The decisions to make, as the PDF's summary and the assessment and review pages number them:
     * the rules' decisions, at most three, most pressing first, except a plain choice between tied
     * tools, which is listed with every other tie ({@link #tieChoices}) in the same words.
     *
     * @param r an evaluation result, with the review's edits applied where there are any
     * @return the decisions numbered from 1
     */
    public static List<DecisionView> decisions(EvaluationResult r) {
        Map<String, String> layerNames = new HashMap<>();
        for (LayerRecommendation l : nz(r.stack())) {
            layerNames.put(l.key(), layerName(l));
            layerNames.putIfAbsent(l.layer(), clean(l.layerName()));
        }
        List<DecisionView> decisions = new ArrayList<>();
        for (Decision d : numbered(r)) {
            decisions.add(new DecisionView(String.valueOf(decisions.size() + 1), plain(d.title()), plain(d.detail()),
                    d.layer() == null ? "" : layerNames.getOrDefault(d.layer(), "")));
        }
        return List.copyOf(decisions);
    }

    /**
     * What the assessment page says for leadership, in the PDF's words (built by the same methods).
     *
     * @param decisions as {@link #decisions}
     * @param tieChoices as {@link #tieChoices}
     * @param ties as {@link #tieLines}: each entry shown as a tie, by its key
     */
    public record Leadership(List<DecisionView> decisions, List<String> tieChoices, Map<String, StackLine> ties) {

        /** @return what is said before the tie choices */
        public String tieChoicesLead() {
            return TIE_CHOICES_LEAD;
        }
    }

    /**
     * @param r an evaluation result, with the review's edits applied where there are any
     * @return its decisions, tie choices and tie lines as the PDF words them
     */
    public static Leadership leadership(EvaluationResult r) {
        return new Leadership(decisions(r), tieChoices(r), tieLines(r));
    }

    /** Said once before the {@link #tieChoices}, under the numbered decisions. */
    public static final String TIE_CHOICES_LEAD = "Also to choose, between tools that fit equally well on what the survey shows:";

    /**
     * Every tie the stack shows that none of the numbered {@link #decisions} is about: a tie is the
     * client's to settle, so each one is listed under the decisions to make, in the words of
     * {@link Ties#decisionTitle} (as the rules word the ties they make a decision of).
     *
     * @param r an evaluation result, with the review's edits applied where there are any
     * @return e.g. "Load and performance tests: choose among Grafana k6, Gatling or Apache JMeter", in stack order
     */
    public static List<String> tieChoices(EvaluationResult r) {
        Set<String> decided = numbered(r).stream().map(Decision::layer).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        for (LayerRecommendation l : nz(r.stack())) {
            if (Ties.shown(l) && !decided.contains(l.key())) {
                out.add(tieChoice(l));
            }
        }
        return List.copyOf(out);
    }

    /** @return e.g. "Load and performance tests: choose among Grafana k6, Gatling or Apache JMeter" */
    private static String tieChoice(LayerRecommendation l) {
        List<String> names = Ties.names(l).stream().map(ReportView::oneLine).filter(n -> !n.isBlank()).toList();
        return Ties.decisionTitle(oneLine(l.kindName() == null ? l.layerName() : l.kindName()), names);
    }

    /**
     * @return the rules' decisions that are numbered: at most three, without those that only choose
     *     between tied tools (those are among the {@link #tieChoices}, in the same words)
     */
    private static List<Decision> numbered(EvaluationResult r) {
        Map<String, LayerRecommendation> ties = new HashMap<>();
        nz(r.stack()).stream().filter(Ties::shown).forEach(l -> ties.put(l.key(), l));
        return nz(r.decisions()).stream().limit(3)
                .filter(d -> d.layer() == null || !ties.containsKey(d.layer())
                        || !oneLine(d.title()).equals(tieChoice(ties.get(d.layer()))))
                .toList();
    }

    /**
     * @param r an evaluation result
     * @return each stack entry shown as a tie, by its key, in the words of the PDF's summary line
     *     ("Grafana k6 or Gatling — equal fit", with what to choose on)
     */
    public static Map<String, StackLine> tieLines(EvaluationResult r) {
        Set<String> movedOff = nz(r.roadmap()).stream().map(RoadmapEntry::key).filter(k -> k.startsWith("migrate."))
                .map(k -> k.substring("migrate.".length())).collect(Collectors.toSet());
        Map<String, StackLine> out = new LinkedHashMap<>();
        for (LayerRecommendation l : nz(r.stack())) {
            if (Ties.shown(l)) {
                StackLine line = stackLine(l, layerName(l), movedOff);
                out.put(l.key(), line.note().isEmpty() && tieWithoutReasons(l)
                        ? new StackLine(line.layer(), line.action(), TIE_LEGEND, line.changeClass(), line.changeLabel())
                        : line);
            }
        }
        return out;
    }

    /**
     * One stack entry in one line for leadership: "Keep Jenkins", "Keep GitHub Actions, move off
     * Jenkins", "Add HashiCorp Vault", "Move from Bitbucket Data Center to GitLab", or for a tie
     * "GitLab CI or Jenkins — equal fit" with what to choose on.
     *
     * @param movedOff keys of the tools the roadmap moves off (its migrate items)
     */
    static StackLine stackLine(LayerRecommendation l, String layer, Set<String> movedOff) {
        StackLine line = entryLine(l, layer, movedOff);
        // tools in use at the layer under none of its kinds (pytest under test automation) are seen on its first line
        List<String> also = nz(l.alsoInUse()).stream().map(c -> oneLine(c.name())).filter(s -> !s.isBlank()).distinct()
                .toList();
        if (also.isEmpty()) {
            return line;
        }
        return new StackLine(line.layer(), line.action(), (line.note() + " " + alsoInUse(l, also)).strip(),
                line.changeClass(), line.changeLabel());
    }

    /** @return "Also in use for test automation: Great Expectations and pytest." */
    private static String alsoInUse(LayerRecommendation l, List<String> names) {
        return "Also in use for " + UserText.lowerFirst(clean(l.layerName())) + ": " + and(names) + ".";
    }

    /** The line for the entry itself, without the layer's tools that serve none of its kinds. */
    private static StackLine entryLine(LayerRecommendation l, String layer, Set<String> movedOff) {
        List<CurrentToolResult> current = nz(l.current());
        List<String> inUse = current.stream().map(c -> oneLine(c.name())).filter(s -> !s.isBlank()).distinct()
                .toList();
        ToolOption p = l.primary();
        if ("LATER".equals(l.change())) {
            // the why in one sentence; the rest (when it earns its place) in the tool menus
            String why = firstSentence(clean(l.note()));
            return new StackLine(layer, "Not needed yet", why.isEmpty() ? "" : why + ".", "change-none", "Later");
        }
        if (p == null || "NONE".equals(l.change())) {
            List<String> notes = new ArrayList<>();
            if (!inUse.isEmpty()) {
                notes.add("In use today: " + and(inUse) + ".");
            }
            // a tool in use that a stated constraint rules out: the conflict, in the words of its exclusion
            for (CurrentToolResult c : current) {
                nz(l.excluded()).stream().filter(x -> c.key() != null && c.key().equals(x.key()))
                        .flatMap(x -> nz(x.reasons()).stream().limit(1)).map(ReportView::plain)
                        .filter(s -> !s.isBlank()).forEach(notes::add);
            }
            String note = String.join(" ", notes);
            return new StackLine(layer, "No catalog tool fits: decide outside the catalog", note, "change-none",
                    "Decide");
        }
        if ("KEEP_UNLISTED".equals(l.change())) {
            return new StackLine(layer, "Keep " + and(inUse), oneLine(l.unlistedNote()), "change-keep", "Keep");
        }
        String primary = oneLine(p.name());
        List<String> others = inUse.stream().filter(n -> !n.equalsIgnoreCase(primary)).toList();
        List<String> tied = nz(l.tiedWith()).stream().map(ReportView::oneLine).filter(s -> !s.isBlank()).toList();
        List<String> notes = new ArrayList<>();
        if (!tied.isEmpty()) {
            List<String> names = new ArrayList<>();
            names.add(primary);
            names.addAll(tied);
            if (!inUse.isEmpty()) {
                notes.add("In use today: " + and(inUse) + ".");
            }
            // the criteria every tie comes down to are said once under the summary's stack (TIE_LEGEND),
            // not on each tied line: on the summary's two pages a line saved is a first-30-days row kept
            String criteria = tieCriteria(l);
            if (!ANY_TIE.equals(criteria)) {
                notes.add("Choose on " + criteria + ".");
            }
            return new StackLine(layer, Ties.line(names), String.join(" ", notes), "change-tie", "Tie");
        }
        String change = l.change() == null ? (others.isEmpty() ? "ADD" : "REPLACE") : l.change();
        switch (change) {
            case "KEEP" -> {
                // the other tools in use that the roadmap moves onto the one kept, and those that stay beside it
                List<String> leaving = current.stream().filter(c -> c.key() != null && movedOff.contains(c.key())
                        && !c.key().equals(p.key())).map(c -> oneLine(c.name())).distinct().toList();
                List<String> staying = others.stream().filter(n -> !leaving.contains(n)).toList();
                if (!staying.isEmpty()) {
                    notes.add("Also in use: " + and(staying) + ".");
                }
                String action = "Keep " + primary + (leaving.isEmpty() ? "" : ", move off " + and(leaving));
                return new StackLine(layer, action, String.join(" ", notes), "change-keep", "Keep");
            }
            case "REPLACE" -> {
                // on the summary's two pages, only the reasons a leader must hear: a tool that is ending or
                // ruled out for them (its first sentence, as the assessment page words it) and one its users
                // dislike; the other caveats are on the page and in the tool menus
                for (CurrentToolResult c : current) {
                    if (c.key() != null && c.key().equals(p.key())) {
                        continue;
                    }
                    boolean ending = l.ending(c);
                    String s = ending ? firstSentence(clean(l.whyLeave(c))) : "";
                    if (s.isEmpty() && c.satisfaction() != null && c.satisfaction() <= 2.5) {
                        s = String.format(Locale.ROOT, "%s is rated %.1f of 5 by those who use it", oneLine(c.name()),
                                c.satisfaction());
                    }
                    if (!s.isEmpty()) {
                        notes.add(s + ".");
                    }
                }
                String action = others.isEmpty() ? "Adopt " + primary : "Move from " + and(others) + " to " + primary;
                return new StackLine(layer, action, String.join(" ", notes), "change-replace", "Change");
            }
            default -> {
                if (!others.isEmpty()) {
                    notes.add("In use today: " + and(others) + ".");
                }
                return new StackLine(layer, "Add " + primary, String.join(" ", notes), "change-add", "Add");
            }
        }
    }

    /**
     * What to choose a tie on: what is said for each tied tool and not for the others, else the
     * criteria every choice comes down to.
     */
    /** What every tie comes down to when nothing said separates the tied tools. */
    static final String ANY_TIE = Ties.ANY_CRITERIA;

    /** Under the summary's stack, once, for the ties that carry no reason of their own. */
    static final String TIE_LEGEND = "Equal fit: nothing in the answers separates the tools; choose on " + ANY_TIE + ".";

    /** @return whether the entry's summary line is a tie whose criteria are only {@link #ANY_TIE} (see stackLine) */
    private static boolean tieWithoutReasons(LayerRecommendation l) {
        return Ties.shown(l) && ANY_TIE.equals(tieCriteria(l));
    }

    private static String tieCriteria(LayerRecommendation l) {
        List<ToolOption> tied = new ArrayList<>();
        tied.add(l.primary());
        Set<String> tiedNames = new LinkedHashSet<>(nz(l.tiedWith()));
        nz(l.alternatives()).stream().filter(a -> tiedNames.contains(a.name())).forEach(tied::add);
        List<String> parts = new ArrayList<>();
        if (tied.size() > 1) {
            for (ToolOption t : tied) {
                // a reason said of each tool with its own name in it ("the skills Puppet needs") is shared
                Set<String> elsewhere = new LinkedHashSet<>();
                tied.stream().filter(o -> o != t)
                        .forEach(o -> nz(o.reasons()).forEach(x -> elsewhere.add(generic(x, o.name()))));
                nz(t.reasons()).stream().filter(s -> !elsewhere.contains(generic(s, t.name()))).map(ReportView::plain)
                        .filter(s -> !s.isBlank()).findFirst()
                        .ifPresent(s -> parts.add(oneLine(t.name()) + " — " + withoutOwnName(gist(s), t.name())));
            }
        }
        if (parts.size() < 2) {
            return ANY_TIE;
        }
        return "what matters more: " + String.join("; ", parts);
    }

    /** @return the reason with the tool's own name replaced, to compare reasons said of different tools */
    private static String generic(String reason, String toolName) {
        String r = oneLine(reason);
        String n = oneLine(toolName);
        return n.isEmpty() ? r : r.replace(n, "\u0000");
    }

    /** @return a reason's first clause (up to its first colon or full stop), e.g. "Your code is on GitHub" */
    private static String gist(String reason) {
        String r = oneLine(reason);
        int colon = r.indexOf(": ");
        int stop = r.indexOf(". ");
        int end = colon < 0 ? stop : stop < 0 ? colon : Math.min(colon, stop);
        return stripStop(end >= 12 ? r.substring(0, end) : r);
    }

    private static String tieNote(LayerRecommendation l) {
        List<String> tied = nz(l.tiedWith()).stream().map(ReportView::oneLine).filter(s -> !s.isBlank()).toList();
        if (tied.isEmpty() || l.primary() == null) {
            return "";
        }
        return "A tie: " + UserText.either(tied) + " " + (tied.size() == 1 ? "scores" : "score") + " the same as "
                + oneLine(l.primary().name()) + ". Listed first only because "
                + (nz(l.current()).stream().anyMatch(c -> Objects.equals(c.key(), l.primary().key()))
                        ? "it is in use today" : "of catalog order")
                + "; choose on " + tieCriteria(l) + ".";
    }

    private static String peerLine(PeerComparison pc) {
        if (pc == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (PeerGroup g : nz(pc.groups())) {
            List<MetricComparison> ms = nz(g.metrics());
            if (ms.isEmpty()) {
                continue;
            }
            double lo = ms.stream().mapToDouble(MetricComparison::percentile).min().orElse(0);
            double hi = ms.stream().mapToDouble(MetricComparison::percentile).max().orElse(0);
            String a = share(lo);
            String b = share(hi);
            String range = a.equals(b) ? a
                    : a.startsWith("about ") && b.startsWith("about ") ? a.replace(" %", "") + " to " + b.substring(6)
                    : a + " to " + b;
            parts.add(range + " of " + groupName(g));
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "Against DORA's peer data, Bearing estimates delivery better than " + String.join(", and ", parts)
                + ", depending on the metric.";
    }

    /** DORA's own rounding of a percentile to words: to 5, with the tails spelled out. */
    private static String share(double percentile) {
        return percentile >= 97.5 ? "over 95 %" : percentile < 2.5 ? "under 5 %"
                : "about " + Math.round(percentile / 5) * 5 + " %";
    }

    private static String groupName(PeerGroup g) {
        String name = clean(g.name());
        if ("all".equals(g.key()) || name.isBlank()) {
            return "all respondents";
        }
        return PeerGroup.INDUSTRY.equals(g.kind()) ? PeerGroup.industryRespondents(g.key(), name)
                : "respondents from organisations of " + UserText.lowerFirst(name);
    }

    private static String layerName(LayerRecommendation l) {
        String layer = clean(l.layerName()).isBlank() ? humanise(l.layer()) : clean(l.layerName());
        String kind = clean(l.kindName());
        return kind.isBlank() ? layer : layer + " — " + UserText.lowerFirst(kind);
    }

    private static CurrentTool currentTool(CurrentToolResult c) {
        String satisfaction = c.satisfaction() == null ? ""
                : String.format(Locale.ROOT, "%.1f of 5 from its users", c.satisfaction()).replace(".0 of", " of");
        return new CurrentTool(oneLine(c.name()), c.key() != null,
                c.status() == null || "ACTIVE".equals(c.status()) ? "" : humanise(c.status()), plain(c.statusNote()),
                satisfaction, "named by " + c.respondents() + (c.respondents() == 1 ? " respondent" : " respondents"));
    }

    private static Tool tool(ToolOption t) {
        if (t == null) {
            return new Tool("", "", "", 0, "", "", "", "", List.of(), List.of());
        }
        return new Tool(clean(t.name()), clean(t.vendor()), clean(t.summary()), t.points(),
                String.join(", ", nz(t.hosting()).stream().map(ReportView::hosting).toList()), clean(t.licenceName()),
                t.status() == null || "ACTIVE".equals(t.status()) ? "" : humanise(t.status()), clean(t.statusNote()),
                claims(t.reasons()), claims(t.caveats()));
    }

    /** @return the sentences cleaned, blanks dropped */
    private static List<String> claims(List<String> sentences) {
        return nz(sentences).stream().map(ReportView::clean).filter(s -> !s.isBlank()).toList();
    }

    /** Engine prose for leadership, cleaned. */
    static String plain(String s) {
        return clean(s);
    }

    /**
     * A sentence that places the organisation among organisations on the curve says the curve is
     * assumed, so no reader takes it for a peer benchmark.
     */
    private static String assumed(String reason) {
        if (reason.contains("% of organisations") && !reason.toLowerCase(Locale.ROOT).contains("assum")) {
            return stripStop(reason) + " (on Bearing's assumed curve, not a peer benchmark).";
        }
        return reason;
    }

    private static String findingsLine(int total, int high) {
        if (total == 0) {
            return "no findings";
        }
        String line = total + (total == 1 ? " finding" : " findings");
        if (high == 0) {
            return line;
        }
        return line + (total == 1 ? ", of high risk," : ", " + high + " of them high risk,");
    }

    private static String roadmapLine(int total) {
        return total == 0 ? "no roadmap items" : total + (total == 1 ? " roadmap item" : " roadmap items")
                + " over twelve months";
    }

    private static String metricName(String key) {
        return switch (key == null ? "" : key) {
            case "deployment_frequency" -> "Deployment frequency";
            case "lead_time" -> "Lead time for changes";
            case "recovery_time" -> "Failed deployment recovery time";
            case "change_fail_rate" -> "Change fail rate";
            case "rework_rate" -> "Rework rate";
            default -> humanise(key);
        };
    }

    private static String and(List<String> names) {
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String oneLine(String s) {
        return clean(s).replace('\n', ' ').strip();
    }

    private static String orElse(String s, String otherwise) {
        String c = oneLine(s);
        return c.isBlank() ? otherwise : c;
    }

    private static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** @return "has the largest ecosystem" from "Terraform has the largest ecosystem", else the sentence lower-cased */
    private static String withoutOwnName(String sentence, String name) {
        return sentence.startsWith(name + " ") ? sentence.substring(name.length() + 1) : UserText.lowerFirst(sentence);
    }


    private static String stripStop(String s) {
        String t = s.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    /** @return the note's first sentence without its full stop, or "" */
    private static String firstSentence(String note) {
        String n = note.replace('\n', ' ').strip();
        int end = n.indexOf(". ");
        return stripStop(end < 0 ? n : n.substring(0, end));
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

    /** @return "1 December 2026" from an ISO-8601 instant, or the text cleaned when it is not one */
    private static String day(String isoInstant) {
        try {
            return DATE.format(java.time.Instant.parse(isoInstant));
        } catch (RuntimeException e) {
            return oneLine(isoInstant);
        }
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

    /**
     * @param band a delivery band key ({@code MEDIUM}), UNKNOWN, or null
     * @return the band as the report and the review page name it ("Medium", or "Not enough answers")
     */
    public static String deliveryBandLabel(String band) {
        return bandLabel(band);
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

    /** @return the text cut to at most {@code max} code points, at a space where one is near, with "…" */
    private static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        String cut = s.substring(0, s.offsetByCodePoints(0, max - 1));
        int space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
        if (space > cut.length() - 40 && space > 0) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "…";
    }
}
