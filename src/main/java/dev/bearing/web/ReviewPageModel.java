package dev.bearing.web;

import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.CurrentToolResult;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.evaluation.EvaluationResult.RoadmapEntry;
import dev.bearing.evaluation.EvaluationResult.ToolOption;
import dev.bearing.report.ReportView;
import dev.bearing.review.ReviewApi.EditView;
import dev.bearing.review.ReviewApi.Movement;
import dev.bearing.review.ReviewApi.ReviewState;
import dev.bearing.review.ReviewService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the review page shows: the PDF's analysis ({@link ReportView}, built by the same code as
 * the PDF) beside the keys the page's forms post (stack entries, tools, findings, roadmap items).
 *
 * @param assessmentId assessment id
 * @param heading e.g. "Review", "Version 2", "Evaluation 14"
 * @param statusLine what the reader is looking at, in one sentence
 * @param editable whether the forms are shown (the latest evaluation's review, not a version or an old evaluation)
 * @param pdfUrl the PDF of what is shown
 * @param report the analysis, as in the PDF
 * @param findings findings with their keys, in the report's order
 * @param layers stack entries with their menus
 * @param phases roadmap items with their keys, by phase
 * @param allItems every roadmap item (for the forms' choices)
 * @param edits the edits and undos, oldest first (empty when not editable)
 * @param stale edits that no longer apply to the latest evaluation
 * @param moved what moved since the previous evaluation, or null
 * @param latestVersion newest approved version number, or null
 * @param approvedAsIs whether the newest version already holds exactly this
 * @param error a message about the last form, or null
 */
public record ReviewPageModel(long assessmentId, String heading, String statusLine, boolean editable, String pdfUrl,
        ReportView report, List<FindingRow> findings, List<LayerRow> layers, List<PhaseRows> phases,
        List<ItemRow> allItems, List<EditView> edits, List<EditView> stale, Movement moved, Integer latestVersion,
        boolean approvedAsIs, String error, String shown) {

    /**
     * @param ref the key edits name it by
     * @param view the finding as in the PDF
     */
    public record FindingRow(String ref, ReportView.FindingView view) {
    }

    /**
     * @param key stack entry key
     * @param line the entry's one line as in the PDF
     * @param menu the entry's menu as in the PDF's appendix
     * @param current the tools in use, e.g. "Jenkins and GitHub Actions", or ""
     * @param options the tools on the menu, pick first, with their keys
     * @param canKeep whether something is in use to keep
     * @param shown the entry as the page shows it ({@link ReviewService#shown(LayerRecommendation)}), sent back by
     *     its override form so that a form from a page opened before another change to the entry
     *     (another tab, a colleague) is refused instead of replacing that change unseen
     */
    public record LayerRow(String key, ReportView.StackLine line, ReportView.Layer menu, String current,
            List<Option> options, boolean canKeep, String shown) {
    }

    /**
     * @param key tool key
     * @param name tool name
     * @param pick whether it is the entry's pick now
     */
    public record Option(String key, String name, boolean pick) {
    }

    /**
     * @param label phase label
     * @param items its items
     */
    public record PhaseRows(String label, List<ItemRow> items) {
    }

    /**
     * @param key roadmap item key
     * @param phase 1..4
     * @param view the item as in the PDF
     */
    public record ItemRow(String key, int phase, ReportView.RoadmapItemView view) {
    }

    /**
     * @param assessmentId assessment id
     * @param heading page heading
     * @param statusLine one sentence on what is shown
     * @param pdfUrl the PDF
     * @param report the analysis, built from the same data as the PDF
     * @param result the result shown (review applied where there is one)
     * @param state the review when editable, else null
     * @param error message, or null
     * @return the page model
     */
    static ReviewPageModel of(long assessmentId, String heading, String statusLine, String pdfUrl, ReportView report,
            EvaluationResult result, ReviewState state, String error) {
        List<FindingRow> findings = new ArrayList<>();
        for (int i = 0; i < report.findings().size() && i < result.findings().size(); i++) {
            var f = result.findings().get(i);
            String ref = f.subject() == null || f.subject().isBlank() ? f.key() : f.key() + "@" + f.subject();
            findings.add(new FindingRow(ref, report.findings().get(i)));
        }
        List<LayerRow> layers = new ArrayList<>();
        for (int i = 0; i < result.stack().size() && i < report.menus().size(); i++) {
            LayerRecommendation l = result.stack().get(i);
            List<Option> options = new ArrayList<>();
            if (l.primary() != null) {
                options.add(new Option(l.primary().key(), l.primary().name(), true));
            }
            for (ToolOption t : l.alternatives() == null ? List.<ToolOption>of() : l.alternatives()) {
                options.add(new Option(t.key(), t.name(), false));
            }
            List<CurrentToolResult> current = l.current() == null ? List.of() : l.current();
            String names = String.join(", ", current.stream().map(CurrentToolResult::name).filter(Objects::nonNull)
                    .distinct().toList());
            layers.add(new LayerRow(l.key(), report.menus().get(i).summaryLine(), report.menus().get(i), names,
                    options, !current.isEmpty(), ReviewService.shown(l)));
        }
        // the report numbers roadmap items in the result's order; its phases keep that order
        List<ItemRow> all = new ArrayList<>();
        List<RoadmapEntry> roadmap = result.roadmap();
        List<PhaseRows> phases = new ArrayList<>();
        for (ReportView.Phase p : report.phases()) {
            List<ItemRow> items = new ArrayList<>();
            for (ReportView.RoadmapItemView v : p.items()) {
                RoadmapEntry e = roadmap.get(Integer.parseInt(v.number().substring(1)) - 1);
                ItemRow row = new ItemRow(e.key(), e.phase(), v);
                items.add(row);
                all.add(row);
            }
            phases.add(new PhaseRows(p.label(), items));
        }
        List<EditView> edits = state == null ? List.of() : state.edits();
        List<EditView> stale = edits.stream().filter(e -> "not-applicable".equals(e.status())).toList();
        return new ReviewPageModel(assessmentId, heading, statusLine, state != null, pdfUrl, report, findings, layers,
                phases, all, edits, stale, state == null ? null : state.moved(),
                state == null ? null : state.latestVersion(), state != null && state.approvedAsIs(), error,
                state == null ? null : dev.bearing.review.ReviewService.shown(state));
    }
}
