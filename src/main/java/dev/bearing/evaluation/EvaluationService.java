package dev.bearing.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.assessment.AnswerCodec;
import dev.bearing.assessment.Assessment;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.assessment.Respondent;
import dev.bearing.common.ProblemException;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Questionnaire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Evaluates assessments with the rule engine and stores the results. */
@ApplicationScoped
public class EvaluationService {

    @Inject
    dev.bearing.security.Audit audit;

    @Inject
    RuleEngine engine;

    @Inject
    AssessmentService assessments;

    @Inject
    AnswerCodec codec;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * A stored evaluation.
     *
     * @param id evaluation id
     * @param assessmentId assessment id
     * @param organisation organisation name
     * @param evaluatedAt when it ran (UTC)
     * @param respondentsIncluded how many submitted respondents it included
     * @param result the result
     * @param resultJson the result as stored (JSON), when this evaluation has just been stored; null
     *     otherwise. Not part of the API's answer (which carries {@code result})
     */
    public record StoredEvaluation(long id, long assessmentId, String organisation, Instant evaluatedAt,
            int respondentsIncluded, EvaluationResult result,
            @com.fasterxml.jackson.annotation.JsonIgnore String resultJson) {
    }

    /**
     * Evaluates the answers of the assessment's submitted respondents and stores the result.
     *
     * @param assessmentId assessment id
     * @return the stored evaluation
     * @throws ProblemException 404 unknown assessment; 409 when no respondent has submitted
     */
    @Transactional
    public StoredEvaluation evaluate(long assessmentId) {
        return evaluate(assessmentId, null);
    }

    /**
     * Evaluates the answers of the chosen submitted respondents and stores the result.
     *
     * @param assessmentId assessment id
     * @param respondentIds the submitted respondents to include, or null for all submitted
     * @return the stored evaluation ({@code respondentsIncluded} counts the ones included)
     * @throws ProblemException 404 unknown assessment; 400 (field {@code respondents}) when the list
     *     is empty or names a respondent who is not part of the assessment or has not submitted;
     *     409 when no respondent has submitted
     */
    @Transactional
    @io.micrometer.core.annotation.Timed(value = "bearing.evaluations", description = "Evaluations run and stored")
    public StoredEvaluation evaluate(long assessmentId, java.util.Collection<Long> respondentIds) {
        Assessment a = AssessmentService.find(assessmentId);
        Questionnaire q = assessments.questionnaire(a);
        List<Respondent> all = Respondent.ofAssessment(a.id);
        if (respondentIds != null) {
            if (respondentIds.isEmpty()) {
                throw ProblemException.badField("respondents", "choose at least one submitted respondent, or leave "
                        + "the list out to include all who submitted");
            }
            for (Long id : respondentIds) {
                Respondent r = all.stream().filter(x -> x.id.equals(id)).findFirst().orElse(null);
                if (r == null) {
                    throw ProblemException.badField("respondents", "respondent " + id + " is not part of assessment "
                            + assessmentId);
                }
                if (r.submittedAt == null) {
                    throw ProblemException.badField("respondents", "respondent " + id
                            + " has not submitted; only submitted surveys can be evaluated");
                }
            }
        }
        List<Respondent> chosen = all.stream()
                .filter(r -> r.submittedAt != null)
                .filter(r -> respondentIds == null || respondentIds.contains(r.id))
                .toList();
        Map<Long, Map<String, AnswerValue>> answers = codec.answersOf(chosen.stream().map(r -> r.id).toList(), q);
        List<EvaluationInput.RespondentAnswers> included = chosen.stream()
                .map(r -> new EvaluationInput.RespondentAnswers(r.id, r.role, answers.get(r.id)))
                .toList();
        if (included.isEmpty()) {
            throw ProblemException.conflict("Assessment " + assessmentId
                    + " has no submitted respondent yet; evaluation needs at least one submitted survey.", List.of());
        }
        EvaluationResult result = engine.evaluate(new EvaluationInput(q, included));
        Evaluation e = new Evaluation();
        e.assessment = a;
        e.createdAt = clock.instant();
        e.ruleSetVersion = result.ruleSetVersion();
        e.stageQuarter = result.stage().quarter();
        e.stagePhase = result.stage().phase();
        e.deliveryBand = result.delivery().band();
        e.maturityIndex = BigDecimal.valueOf(result.maturity().index());
        e.respondentsIncluded = included.size();
        e.resultJson = write(result);
        e.persist();
        audit.record("evaluation.run", a.id, "evaluation " + e.id + " (" + dev.bearing.common.UserText.count(included.size(), "submitted survey") + "): "
                + result.stage().label());
        return new StoredEvaluation(e.id, a.id, a.organisation.name, e.createdAt, e.respondentsIncluded, result,
                e.resultJson);
    }

    /**
     * @return the assessment's latest evaluation
     * @throws ProblemException 404 when the assessment is unknown or not evaluated yet
     */
    @Transactional
    public StoredEvaluation latest(long assessmentId) {
        Assessment a = AssessmentService.find(assessmentId);
        Evaluation e = Evaluation.latestOf(a.id).orElseThrow(() -> new ProblemException(404, "Not evaluated",
                "Assessment " + assessmentId + " has not been evaluated yet; POST /api/v1/assessments/" + assessmentId
                        + "/evaluation once respondents have submitted.", List.of()));
        return new StoredEvaluation(e.id, a.id, a.organisation.name, e.createdAt, e.respondentsIncluded,
                read(e.resultJson), null);
    }

    private String write(EvaluationResult r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Evaluation result cannot be serialised", ex);
        }
    }

    private EvaluationResult read(String s) {
        try {
            return json.readValue(s, EvaluationResult.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Stored evaluation cannot be read", ex);
        }
    }
}
