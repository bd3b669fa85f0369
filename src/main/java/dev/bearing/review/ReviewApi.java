package dev.bearing.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bearing.evaluation.EvaluationResult;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The review API's payloads. */
public final class ReviewApi {

    private ReviewApi() {
    }

    /**
     * Override a stack entry from its menu, or keep what is in use.
     *
     * @param layer stack entry key, e.g. {@code source_control} or {@code test_automation/load}
     * @param tool key of a tool on that entry's menu (the recommendation or a ranked alternative);
     *     leave out with {@code keepCurrent}
     * @param keepCurrent true to keep the tools in use today instead of the recommendation
     * @param note why; required
     * @param shown optional: the entry as the client last read it, {@code <pick>:<change>} from
     *     {@code GET .../review}'s {@code result.stack} entry ({@code primary.key}, or {@code none}
     *     when it has no pick, then {@code change}), e.g. {@code sonarqube:KEEP}. When given and the
     *     entry no longer reads so (another override or undo, a new evaluation since), the override
     *     is refused with 409 naming the entry as it is now, and nothing changes. Left out: no check
     */
    public record OverrideRequest(String layer, String tool, Boolean keepCurrent, String note,
            @Schema(description = "Optional. The entry as last read: `<primary.key or none>:<change>` from GET "
                    + ".../review's result.stack entry, e.g. `sonarqube:KEEP`. If the entry no longer reads so, 409 "
                    + "naming it as it is now, and nothing changes. Left out: no check.", example = "sonarqube:KEEP")
            String shown) {
    }

    /**
     * An edit of a finding or of the roadmap.
     *
     * @param kind finding-risk, finding-hide, finding-merge, roadmap-phase, roadmap-text or roadmap-add
     * @param target the finding key (finding-*) or roadmap item key (roadmap-phase, roadmap-text);
     *     leave out for roadmap-add. For finding-merge, the finding merged away
     * @param risk finding-risk: HIGH, MEDIUM or LOW
     * @param into finding-merge: the key of the finding that stays and takes the other in
     * @param phase roadmap-phase and roadmap-add: 1 (first 30 days), 2 (90 days), 3 (6 months) or 4 (12 months)
     * @param title roadmap-text and roadmap-add: the item's title
     * @param rationale roadmap-text and roadmap-add: why, optional
     * @param owner roadmap-add: owner role, optional
     * @param effort roadmap-add: effort range, optional
     * @param note why; required for finding-risk and finding-hide, optional otherwise
     */
    public record EditRequest(String kind, String target, String risk, String into, Integer phase, String title,
            String rationale, String owner, String effort, String note) {
    }

    /**
     * Undo an edit.
     *
     * @param note why, optional
     */
    public record UndoRequest(String note) {
    }

    /**
     * An edit's values as stored.
     *
     * @param tool override: tool key, or null when keeping the current tools
     * @param toolName override: the tool's name when chosen
     * @param keepCurrent override: keep the tools in use
     * @param risk finding-risk: new risk
     * @param into finding-merge: the finding that stays
     * @param phase roadmap-phase, roadmap-add: the phase
     * @param title roadmap-text, roadmap-add: title
     * @param rationale roadmap-text, roadmap-add: explanation
     * @param owner roadmap-add: owner
     * @param effort roadmap-add: effort
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EditValues(String tool, String toolName, Boolean keepCurrent, String risk, String into,
            Integer phase, String title, String rationale, String owner, String effort) {
    }

    /**
     * One edit, as listed.
     *
     * @param id edit id
     * @param kind override, finding-risk, ..., or undo
     * @param target stack entry, finding or roadmap item key, or the undone edit's id
     * @param change what it changes, in plain words
     * @param note the note
     * @param by who
     * @param at when
     * @param evaluationId the evaluation on screen when it was made
     * @param status applied, undone, superseded (a later override of the same entry replaces it),
     *     not-applicable (the latest evaluation no longer has what it changes) or recorded (an undo)
     * @param statusDetail why not applicable, or who undid it, or ""
     * @param undoes for an undo, the edit it undoes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EditView(long id, String kind, String target, String change, String note, String by, Instant at,
            long evaluationId, String status, String statusDetail, Long undoes) {

        /** @return whether the edit can still be undone */
        public boolean undoable() {
            return !"undo".equals(kind) && !"undone".equals(status);
        }
    }

    /**
     * The review of an assessment: its latest evaluation with the edits applied.
     *
     * @param assessmentId assessment id
     * @param evaluationId latest evaluation id
     * @param evaluatedAt when it ran
     * @param result the result with the edits that apply applied
     * @param edits every edit and undo, oldest first, with whether it applies
     * @param moved what moved since the previous evaluation, or null when this is the first (or when
     *     not asked for: {@code ReviewService#reviewed})
     * @param latestVersion the newest approved version number, or null
     * @param approvedAsIs whether the newest version holds exactly this result (approving again adds nothing)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewState(long assessmentId, long evaluationId, Instant evaluatedAt, EvaluationResult result,
            List<EditView> edits, Movement moved, Integer latestVersion, boolean approvedAsIs) {
    }

    /**
     * What moved between the previous evaluation and the latest, as the rules produced them. The
     * previous one is the latest earlier evaluation whose result differs, so that running Evaluate
     * again with nothing changed does not hide what moved before.
     *
     * @param previousEvaluationId the previous evaluation
     * @param previousEvaluatedAt when it ran
     * @param sameResultBetween evaluations run after the previous one that gave the latest's very result
     * @param stage stage label before and now
     * @param band delivery band before and now
     * @param maturityIndex maturity index before and now
     * @param capabilities combined scores that changed, in report order
     * @param picks stack entries whose recommendation changed
     */
    public record Movement(long previousEvaluationId, Instant previousEvaluatedAt, int sameResultBetween, Change stage,
            Change band,
            Change maturityIndex, List<ScoreChange> capabilities, List<Change> picks) {

        /** @return stage, band and maturity index, those that moved */
        public List<Change> headline() {
            return java.util.stream.Stream.of(stage, band, maturityIndex).filter(Change::moved).toList();
        }

        /** @return whether nothing moved */
        public boolean none() {
            return !stage.moved() && !band.moved() && !maturityIndex.moved() && capabilities.isEmpty() && picks.isEmpty();
        }
    }

    /**
     * @param what what it is, e.g. "Source control"
     * @param from before
     * @param to now
     */
    public record Change(String what, String from, String to) {

        /** @return whether it changed */
        public boolean moved() {
            return !java.util.Objects.equals(from, to);
        }
    }

    /**
     * @param key capability key
     * @param name capability name
     * @param from combined score before, or null
     * @param to combined score now, or null
     * @param delta rounded difference in points, or null when one side has no score
     */
    public record ScoreChange(String key, String name, Double from, Double to, Long delta) {
    }

    /**
     * An approved version.
     *
     * @param assessmentId assessment id
     * @param number version number, 1, 2, ...
     * @param evaluationId the evaluation approved
     * @param approvedBy approver's username
     * @param approverName the approver's name as reports show it (kept at approval; the username
     *     for versions approved before names were kept)
     * @param approvedAt when
     * @param ruleSetVersion rule set the evaluation ran on
     * @param questionnaireKey questionnaire key
     * @param questionnaireVersion questionnaire version
     * @param contentHash SHA-256 (hex) of the result JSON
     * @param result the frozen result with the review applied, or null in lists
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VersionView(long assessmentId, int number, long evaluationId, String approvedBy, String approverName,
            Instant approvedAt,
            String ruleSetVersion, String questionnaireKey, int questionnaireVersion, String contentHash,
            EvaluationResult result) {
    }

    /**
     * An evaluation in the history.
     *
     * @param id evaluation id
     * @param assessmentId assessment id
     * @param evaluatedAt when it ran
     * @param ruleSetVersion rule set version
     * @param stage stage label
     * @param band delivery band
     * @param maturityIndex maturity index
     * @param respondents respondents included
     * @param versions numbers of the versions approved from it
     * @param result the result as the rules produced it, or null in lists
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EvaluationView(long id, long assessmentId, Instant evaluatedAt, String ruleSetVersion, String stage,
            String band, double maturityIndex, int respondents, List<Integer> versions, EvaluationResult result) {
    }
}
