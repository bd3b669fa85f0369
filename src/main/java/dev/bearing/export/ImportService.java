package dev.bearing.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.assessment.Answer;
import dev.bearing.assessment.AnswerCodec;
import dev.bearing.assessment.Assessment;
import dev.bearing.assessment.AssessmentApi.AssessmentView;
import dev.bearing.assessment.AssessmentApi.RespondentView;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.assessment.Respondent;
import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import dev.bearing.common.ProblemTypes;
import dev.bearing.common.TokenGenerator;
import dev.bearing.common.UserText;
import dev.bearing.evaluation.Evaluation;
import dev.bearing.export.AssessmentExport.AnswerPart;
import dev.bearing.export.AssessmentExport.EvaluationPart;
import dev.bearing.export.AssessmentExport.RespondentPart;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Progress;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.security.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recreates an exported assessment ({@link AssessmentExport}) on this instance: a new
 * organisation, assessment, respondents (each with a new survey link, returned once), their
 * answers and the evaluations with their results. All times are kept as exported; the ids are new.
 * Everything is checked before anything is written, in one transaction: a refused import leaves
 * nothing behind.
 */
@ApplicationScoped
public class ImportService {

    @Inject
    AssessmentService assessments;

    @Inject
    AnswerCodec codec;

    @Inject
    TokenGenerator tokens;

    @Inject
    ObjectMapper json;

    @Inject
    Audit audit;

    /**
     * The imported assessment.
     *
     * @param id the new assessment id
     * @param organisation organisation name
     * @param importedFrom the id it had on the exporting instance, or null
     * @param respondents the respondents with their new survey links (shown this once)
     * @param evaluations evaluations imported
     */
    public record Imported(long id, String organisation, Long importedFrom, List<RespondentView> respondents,
            int evaluations) {
    }

    /**
     * @param doc the export (validated for shape by the caller)
     * @return the new assessment
     * @throws ProblemException 400 naming the field when the format, the questionnaire, a
     *     question key, an answer value or an evaluation does not fit, or when an answer is to a
     *     question not asked of the respondent's role or hidden by the respondent's other answers
     *     (type not-visible, as the survey refuses it); nothing is written
     */
    @Transactional
    public Imported importAssessment(AssessmentExport doc) {
        if (!AssessmentExport.FORMAT.equals(doc.format())) {
            throw ProblemException.badField("format", "must be " + AssessmentExport.FORMAT + ", was " + doc.format());
        }
        AssessmentView created;
        try {
            // an import is a copy, not a re-assessment: it links to no earlier milestone
            created = assessments.create(doc.assessment().organisation(), doc.assessment().questionnaireKey(),
                    doc.assessment().questionnaireVersion(), null, false);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw ProblemException.badField("assessment.questionnaireVersion", "questionnaire "
                        + doc.assessment().questionnaireKey() + " version " + doc.assessment().questionnaireVersion()
                        + " is not known to this Bearing");
            }
            throw e;
        }
        Assessment a = Assessment.findById(created.id());
        a.createdAt = doc.assessment().createdAt();
        Questionnaire q = assessments.questionnaire(a);
        List<RespondentView> views = new ArrayList<>();
        for (int i = 0; i < doc.respondents().size(); i++) {
            RespondentPart p = doc.respondents().get(i);
            String field = "respondents[" + i + "]";
            if (p.submittedAt() != null && p.startedAt() == null) {
                throw ProblemException.badField(field + ".startedAt", "is required when submittedAt is given");
            }
            Respondent r = new Respondent();
            r.assessment = a;
            r.role = p.role();
            r.displayName = p.name() == null || p.name().isBlank() ? null : p.name().strip();
            r.email = p.email() == null || p.email().isBlank() ? null : p.email().strip();
            r.createdAt = p.createdAt();
            r.startedAt = p.startedAt();
            r.submittedAt = p.submittedAt();
            r.reopenedAt = p.reopenedAt();
            String token = tokens.newToken();
            r.tokenHash = TokenGenerator.hash(token);
            r.persist();
            Set<String> seen = new HashSet<>();
            Map<String, AnswerValue> given = new LinkedHashMap<>();
            Map<String, Integer> at = new HashMap<>();
            for (int j = 0; j < p.answers().size(); j++) {
                AnswerPart ap = p.answers().get(j);
                String af = field + ".answers[" + j + "]";
                Question qu = q.question(ap.questionKey()).orElseThrow(() -> ProblemException.badField(af + ".questionKey",
                        "\"" + ap.questionKey() + "\" is not a question of " + q.key() + " v" + q.version()));
                if (!seen.add(qu.key())) {
                    throw ProblemException.badField(af + ".questionKey", "answers " + qu.key() + " a second time");
                }
                if (!qu.roles().contains(p.role())) {
                    // as the survey refuses it: the question is not asked of this role
                    throw ProblemException.badField(af + ".questionKey", qu.key() + " is not asked of the "
                            + p.role().label() + " role");
                }
                AnswerValue v;
                try {
                    v = AnswerValue.parse(qu, ap.value(), ap.notApplicable());
                } catch (ProblemException e) {
                    throw ProblemException.badField(af + ".value",
                            e.fieldMessage());
                }
                Answer an = new Answer();
                an.respondent = r;
                an.questionKey = qu.key();
                an.valueJson = codec.write(v);
                an.updatedAt = ap.updatedAt();
                an.persist();
                given.put(qu.key(), v);
                at.put(qu.key(), j);
            }
            refuseHidden(q, p, field, given, at);
            views.add(new RespondentView(0, r.role, null, token, null, 0, 0, 0, null, null, null, null, null));
        }
        for (int i = 0; i < doc.evaluations().size(); i++) {
            EvaluationPart p = doc.evaluations().get(i);
            if (p.result().stage() == null || p.result().maturity() == null) {
                throw ProblemException.badField("evaluations[" + i + "].result", "is not a complete evaluation result");
            }
            Evaluation e = new Evaluation();
            e.assessment = a;
            e.createdAt = p.evaluatedAt();
            e.ruleSetVersion = p.ruleSetVersion();
            e.stageQuarter = p.result().stage().quarter();
            e.stagePhase = p.result().stage().phase();
            e.deliveryBand = p.result().delivery() == null ? null : p.result().delivery().band();
            e.maturityIndex = BigDecimal.valueOf(p.result().maturity().index());
            e.respondentsIncluded = p.respondentsIncluded();
            e.resultJson = write(p.result());
            e.persist();
        }
        // views with progress, now that the answers are in
        List<Respondent> stored = Respondent.ofAssessment(a.id);
        List<RespondentView> out = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            out.add(assessments.respondentView(stored.get(i), q, views.get(i).token()));
        }
        audit.record("assessment.imported", a.id, "Imported from an export of assessment "
                + (doc.assessment().id() == null ? "(id not given)" : doc.assessment().id()) + ": "
                + UserText.count(out.size(), "respondent") + " with new links, "
                + UserText.count(doc.evaluations().size(), "evaluation") + ".");
        return new Imported(a.id, a.organisation.name, doc.assessment().id(), out, doc.evaluations().size());
    }

    /**
     * Refuses answers to follow-up questions that the respondent's other answers hide
     * ({@code visibleWhen}), as the survey refuses them ({@link ProblemTypes#NOT_VISIBLE}): the
     * respondent could not have given them, and scoring would ignore them without a word.
     *
     * @param given the respondent's answers by question key
     * @param at each answer's index in the document
     * @throws ProblemException 400 of type not-visible, one field per hidden answer
     *     ({@code respondents[i].answers[j].questionKey}), each naming the question, the answer
     *     it follows up and the value there that hides it
     */
    private static void refuseHidden(Questionnaire q, RespondentPart p, String field, Map<String, AnswerValue> given,
            Map<String, Integer> at) {
        Set<String> visible = Progress.of(q, p.role(), given).visible();
        List<Problem.FieldError> hidden = new ArrayList<>();
        for (Map.Entry<String, AnswerValue> e : given.entrySet()) {
            if (visible.contains(e.getKey())) {
                continue;
            }
            Question qu = q.question(e.getKey()).orElseThrow();
            hidden.add(new Problem.FieldError(field + ".answers[" + at.get(e.getKey()) + "].questionKey",
                    qu.key() + " is not shown with this respondent's answers, so it cannot be imported: "
                            + whyHidden(q, qu, given, visible) + "; remove this answer or correct that one"));
        }
        if (!hidden.isEmpty()) {
            throw new ProblemException(400, "Question not shown", hidden.size() == 1 ? hidden.get(0).field() + ": "
                    + hidden.get(0).message() : hidden.size() + " answers are to questions this respondent's answers hide: "
                    + String.join(", ", hidden.stream().map(Problem.FieldError::field).toList()), hidden,
                    ProblemTypes.NOT_VISIBLE);
        }
    }

    /** @return why a follow-up is hidden, naming its parent question and the parent's answer as the document gives it */
    private static String whyHidden(Questionnaire q, Question qu, Map<String, AnswerValue> given, Set<String> visible) {
        Question.VisibleWhen w = qu.visibleWhen();
        String parent = w.question();
        String condition = (w.anyOf() == null || w.anyOf().isEmpty() ? "" : "it is asked when " + parent + " is "
                + oneOf(w.anyOf()))
                + (w.noneOf() == null || w.noneOf().isEmpty() ? "" : (w.anyOf() == null || w.anyOf().isEmpty()
                        ? "it is asked unless " : " and not ") + parent + " is " + oneOf(w.noneOf()));
        AnswerValue a = given.get(parent);
        String answered;
        if (!visible.contains(parent)) {
            answered = parent + " is itself not shown" + (a == null ? "" : " (its answer is refused too)");
        } else if (a == null) {
            answered = parent + " is not answered";
        } else if (a.isNotApplicable()) {
            answered = parent + " is answered \"not applicable\"";
        } else {
            answered = parent + " is answered " + a.toJsonValue(q.question(parent).orElseThrow());
        }
        return "it follows up " + parent + ", and " + answered + (condition.isEmpty() ? "" : " (" + condition + ")");
    }

    private static String oneOf(Set<String> keys) {
        List<String> sorted = keys.stream().sorted().map(k -> "\"" + k + "\"").toList();
        return sorted.size() == 1 ? sorted.get(0) : "one of " + String.join(", ", sorted);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Evaluation result cannot be written", e);
        }
    }
}
