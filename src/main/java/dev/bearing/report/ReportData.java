package dev.bearing.report;

import dev.bearing.evaluation.EvaluationResult;
import java.time.Instant;
import java.util.List;

/**
 * Everything the PDF roadmap shows. Text that respondents or consultants typed
 * ({@code organisation}, respondent names, answers) is raw here; the renderer cleans it
 * ({@link dev.bearing.common.UserText}) and the templates escape it.
 *
 * @param organisation organisation name as typed
 * @param assessmentId assessment id
 * @param evaluatedAt when the evaluation ran (UTC)
 * @param result the evaluation
 * @param respondents the submitted respondents and their answers, for the appendix
 * @param milestones the change since the organisation's previous assessment, or null (section left out)
 * @param benchmark where the organisation sits among the consultancy's approved assessments, or
 *     null (section left out)
 * @param approval the approved version this report shows, or null for a draft (every page then
 *     carries a DRAFT marking)
 */
public record ReportData(String organisation, long assessmentId, Instant evaluatedAt, EvaluationResult result,
        List<RespondentAnswers> respondents, dev.bearing.milestone.MilestoneComparison milestones,
        dev.bearing.benchmark.Benchmark benchmark, Approval approval) {

    /** A draft report without the milestone and benchmark sections. */
    public ReportData(String organisation, long assessmentId, Instant evaluatedAt, EvaluationResult result,
            List<RespondentAnswers> respondents) {
        this(organisation, assessmentId, evaluatedAt, result, respondents, null, null, null);
    }

    /** A draft report. */
    public ReportData(String organisation, long assessmentId, Instant evaluatedAt, EvaluationResult result,
            List<RespondentAnswers> respondents, dev.bearing.milestone.MilestoneComparison milestones,
            dev.bearing.benchmark.Benchmark benchmark) {
        this(organisation, assessmentId, evaluatedAt, result, respondents, milestones, benchmark, null);
    }

    /**
     * The approved version a report shows.
     *
     * @param version version number, 1, 2, ...
     * @param approvedBy the approver as the report names them: their name kept at approval, or the
     *     username for versions approved before names were kept
     * @param approvedAt when it was approved (UTC); also the PDF's creation date
     * @param contentHash SHA-256 (hex) of the version's result JSON; the PDF's document ID derives from it
     */
    public record Approval(int version, String approvedBy, Instant approvedAt, String contentHash) {
    }

    /**
     * One respondent's answers for the appendix.
     *
     * @param role role label, e.g. Development
     * @param name name or job title, may be null
     * @param answers answers in survey order
     */
    public record RespondentAnswers(String role, String name, List<AnsweredQuestion> answers) {
    }

    /**
     * One answered (or unanswered visible) question.
     *
     * @param section section title
     * @param questionKey question key
     * @param question question text
     * @param answer the answer as a reader sees it (choice labels, "3 of 5", typed text), or
     *     null when a visible optional question was not answered
     */
    public record AnsweredQuestion(String section, String questionKey, String question, String answer) {
    }
}
