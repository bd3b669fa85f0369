package dev.bearing.milestone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.assessment.Assessment;
import dev.bearing.evaluation.Evaluation;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.milestone.MilestoneComparison.Side;
import dev.bearing.review.AssessmentVersion;
import dev.bearing.assessment.AccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Milestones: an organisation's assessments over time, each linked to the one before
 * ({@code assessment.previous_assessment_id}). The previous milestone is the previous assessment's
 * latest approved version, or its latest evaluation when none was approved; it is compared with
 * this assessment's latest evaluation (or, for the PDF, with the result the PDF shows).
 */
@ApplicationScoped
public class MilestoneService {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    AccessControl access;

    @Inject
    ObjectMapper json;

    /**
     * @param assessmentId assessment id
     * @return the change since the previous milestone, against this assessment's latest evaluation
     * @throws dev.bearing.common.ProblemException 404 when the assessment does not exist or the
     *     caller may not see it
     */
    @Transactional
    public MilestoneComparison compare(long assessmentId) {
        Assessment a = access.assessment(assessmentId);
        Side current = Evaluation.latestOf(a.id)
                .map(e -> Side.of(a.id, null, e.createdAt, read(e.resultJson),
                        "the evaluation of " + DATE.format(e.createdAt)))
                .orElse(null);
        return compare(a, current);
    }

    /**
     * @param assessmentId assessment id
     * @param shown the result shown (e.g. in the PDF) and when it was evaluated or approved
     * @param at when the shown result was evaluated or approved
     * @return the change since the previous milestone, against the result shown
     * @throws dev.bearing.common.ProblemException 404 when the assessment does not exist or the
     *     caller may not see it
     */
    @Transactional
    public MilestoneComparison compare(long assessmentId, EvaluationResult shown, Instant at) {
        Assessment a = access.assessment(assessmentId);
        return compare(a, Side.of(a.id, null, at, shown, "this evaluation"));
    }

    private MilestoneComparison compare(Assessment a, Side current) {
        Assessment previous = a.previousAssessmentId == null ? null : Assessment.findById(a.previousAssessmentId);
        if (previous == null || !access.maySee(previous)) {
            return MilestoneComparison.of(a.id, null, null, current);
        }
        return MilestoneComparison.of(a.id, previous.id, milestone(previous), current);
    }

    /** @return the assessment's latest approved version, else its latest evaluation, else null */
    Side milestone(Assessment p) {
        var version = AssessmentVersion.latestOf(p.id);
        if (version.isPresent()) {
            AssessmentVersion v = version.get();
            return Side.of(p.id, v.number, v.approvedAt, read(v.resultJson), "assessment No. " + p.id
                    + ", approved version " + v.number + " of " + DATE.format(v.approvedAt));
        }
        return Evaluation.latestOf(p.id).map(e -> Side.of(p.id, null, e.createdAt, read(e.resultJson),
                "assessment No. " + p.id + ", evaluated " + DATE.format(e.createdAt) + " (not approved)"))
                .orElse(null);
    }

    private EvaluationResult read(String s) {
        try {
            return json.readValue(s, EvaluationResult.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("A stored result cannot be read", ex);
        }
    }
}
