package dev.bearing.assessment;

import dev.bearing.assessment.AssessmentApi.AnswerView;
import dev.bearing.assessment.AssessmentApi.BulkAnswer;
import dev.bearing.assessment.AssessmentApi.SubmitResult;
import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import dev.bearing.common.ProblemTypes;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.Progress;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A respondent's answers: save one or many (with optimistic locking), read them, submit.
 * Every write locks the respondent's row, so answers and the submit of one respondent are
 * applied one at a time.
 */
@ApplicationScoped
public class AnswerService {

    @Inject
    AssessmentService assessments;

    @Inject
    AnswerCodec codec;

    @Inject
    Clock clock;

    /**
     * @return the respondent with this token
     * @throws ProblemException 404 when the token is unknown (nothing else is revealed)
     */
    public static Respondent respondent(String token) {
        return Respondent.byToken(token).orElseThrow(() -> ProblemException.notFound("Survey link"));
    }

    /**
     * Saves answers atomically: all of them or, when any is invalid or stale, none.
     *
     * @param token respondent token
     * @param answers answers to save
     * @return the saved answers with their versions; an answer equal to the stored one is not
     *     written and keeps its version (whatever version was sent), so re-sending it never makes
     *     another tab's copy stale. Each carries the keys of the follow-up answers removed in the
     *     same transaction because its change hid them ({@code clearedFollowUps})
     * @throws ProblemException 404 unknown token; 400 listing every invalid answer; 409 when
     *     the survey is submitted or an answer's version is stale (listing the stale keys)
     */
    @Transactional
    public List<AnswerView> save(String token, List<BulkAnswer> answers) {
        Respondent r = lockedRespondent(token);
        if (r.submittedAt != null) {
            throw submitted(r);
        }
        Questionnaire q = assessments.questionnaire(r.assessment);
        List<Problem.FieldError> invalid = new ArrayList<>();
        List<Problem.FieldError> stale = new ArrayList<>();
        List<AnswerValue> values = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (BulkAnswer b : answers) {
            if (!seen.add(b.questionKey())) {
                invalid.add(new Problem.FieldError(b.questionKey(), "is answered twice in one request"));
                continue;
            }
            Question qu = q.question(b.questionKey()).orElse(null);
            if (qu == null) {
                invalid.add(new Problem.FieldError(b.questionKey(), "is not a question of " + q.key() + " v" + q.version()));
                continue;
            }
            if (!qu.roles().contains(r.role)) {
                invalid.add(new Problem.FieldError(b.questionKey(), "is not asked of the " + r.role.label() + " role"));
                continue;
            }
            try {
                values.add(AnswerValue.parse(qu, b.value(), Boolean.TRUE.equals(b.notApplicable())));
                questions.add(qu);
            } catch (ProblemException e) {
                invalid.addAll(e.errors());
            }
        }
        if (!invalid.isEmpty()) {
            throw new ProblemException(400, "Invalid answers", describe(invalid), invalid, ProblemTypes.INVALID_VALUE);
        }
        // follow-ups hidden by visibleWhen (given the stored answers and this request's) are
        // refused, not kept aside: an answer the respondent cannot see would count without being read
        Map<String, AnswerValue> stored = codec.answersOf(r, q);
        Map<String, AnswerValue> after = new java.util.HashMap<>(stored);
        for (int i = 0; i < questions.size(); i++) {
            after.put(questions.get(i).key(), values.get(i));
        }
        Set<String> visible = Progress.of(q, r.role, after).visible();
        List<Problem.FieldError> hidden = questions.stream().filter(qu -> !visible.contains(qu.key()))
                .map(qu -> new Problem.FieldError(qu.key(), "is not shown with the current answers"
                        + (qu.visibleWhen() == null ? "" : " (it follows up " + qu.visibleWhen().question() + ")")
                        + ", so it cannot be answered"))
                .toList();
        if (!hidden.isEmpty()) {
            throw new ProblemException(400, "Question not shown", describe(hidden), hidden, ProblemTypes.NOT_VISIBLE);
        }
        List<Answer> rows = new ArrayList<>();
        List<Boolean> unchanged = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            BulkAnswer b = answers.get(i);
            Answer existing = Answer.of(r.id, b.questionKey()).orElse(null);
            boolean same = existing != null && existing.valueJson.equals(codec.write(values.get(i)));
            unchanged.add(same);
            if (same) {
                // nothing to change and nothing to conflict with: the stored answer is the one sent
            } else if (existing != null && (b.version() == null || b.version() != existing.version)) {
                stale.add(new Problem.FieldError(b.questionKey(), b.version() == null
                        ? "was already answered (version " + existing.version + "); send that version to change it"
                        : "was changed meanwhile (you sent version " + b.version() + ", the stored one is "
                                + existing.version + "); reload it before saving"));
            } else if (existing == null && b.version() != null && b.version() != 0) {
                stale.add(new Problem.FieldError(b.questionKey(), "has no stored answer at version " + b.version()
                        + "; it was removed or never saved"));
            }
            rows.add(existing);
        }
        if (!stale.isEmpty()) {
            throw new ProblemException(409, "Conflict", describe(stale), stale, ProblemTypes.STALE_VERSION);
        }
        Instant now = clock.instant();
        List<Answer> saved = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer a = rows.get(i);
            if (unchanged.get(i)) {
                saved.add(a);
                continue;
            }
            if (a == null) {
                a = new Answer();
                a.respondent = r;
                a.questionKey = questions.get(i).key();
            }
            a.valueJson = codec.write(values.get(i));
            a.updatedAt = now;
            a.persist();
            saved.add(a);
        }
        if (r.startedAt == null) {
            r.startedAt = now;
        }
        Map<String, List<String>> cleared = clearHiddenFollowUps(r, q, stored.keySet(), visible,
                questions.stream().map(Question::key).toList());
        Answer.getEntityManager().flush();
        List<AnswerView> out = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            out.add(view(saved.get(i), questions.get(i), cleared.getOrDefault(questions.get(i).key(), List.of())));
        }
        return out;
    }

    /**
     * Removes the stored answers of follow-ups that are hidden now (their parent's answer no
     * longer shows them), in the caller's transaction, so no answer the respondent cannot see
     * stays stored.
     *
     * @param storedKeys keys answered before this change
     * @param visible keys visible after it
     * @param changed keys this change saved or removed, in request order
     * @return the removed keys by the changed key whose answer hid them (following a chain of
     *     follow-ups up to it; a removal no changed key explains goes to the first)
     */
    private static Map<String, List<String>> clearHiddenFollowUps(Respondent r, Questionnaire q,
            Set<String> storedKeys, Set<String> visible, List<String> changed) {
        Map<String, List<String>> byParent = new java.util.LinkedHashMap<>();
        for (Question qu : q.questions()) {
            if (!storedKeys.contains(qu.key()) || visible.contains(qu.key()) || changed.contains(qu.key())) {
                continue;
            }
            Answer.delete("respondent.id = ?1 and questionKey = ?2", r.id, qu.key());
            String parent = qu.key();
            for (int guard = 0; guard < 20 && !changed.contains(parent); guard++) {
                Question p = q.question(parent).orElse(null);
                if (p == null || p.visibleWhen() == null) {
                    break;
                }
                parent = p.visibleWhen().question();
            }
            byParent.computeIfAbsent(changed.contains(parent) ? parent : changed.get(0), k -> new ArrayList<>())
                    .add(qu.key());
        }
        return byParent;
    }

    /**
     * Removes an answer (the respondent cleared the field).
     *
     * @param token respondent token
     * @param questionKey question key
     * @param version the version the removal is based on
     * @return the keys of the follow-up answers removed with it because its removal hid them
     * @throws ProblemException 404 unknown token; 409 when submitted or the version is stale
     */
    @Transactional
    public List<String> delete(String token, String questionKey, Integer version) {
        Respondent r = lockedRespondent(token);
        if (r.submittedAt != null) {
            throw submitted(r);
        }
        Answer existing = Answer.of(r.id, questionKey).orElse(null);
        if (existing == null) {
            return List.of();
        }
        if (version == null || version != existing.version) {
            throw new ProblemException(409, "Conflict", questionKey + " was changed meanwhile; reload it before clearing it",
                    List.of(new Problem.FieldError(questionKey, "was changed meanwhile (stored version "
                            + existing.version + "); reload it before clearing it")), ProblemTypes.STALE_VERSION);
        }
        existing.delete();
        Questionnaire q = assessments.questionnaire(r.assessment);
        Map<String, AnswerValue> stored = codec.answersOf(r, q);
        Map<String, AnswerValue> after = new java.util.HashMap<>(stored);
        after.remove(questionKey);
        Set<String> visible = Progress.of(q, r.role, after).visible();
        return clearHiddenFollowUps(r, q, stored.keySet(), visible, List.of(questionKey))
                .getOrDefault(questionKey, List.of());
    }

    /**
     * @return the respondent's answers in survey order
     * @throws ProblemException 404 unknown token
     */
    @Transactional
    public List<AnswerView> answers(String token) {
        Respondent r = respondent(token);
        Questionnaire q = assessments.questionnaire(r.assessment);
        Map<String, Answer> stored = new java.util.HashMap<>();
        Answer.ofRespondent(r.id).forEach(a -> stored.put(a.questionKey, a));
        List<AnswerView> out = new ArrayList<>();
        for (Question qu : q.questions()) {
            Answer a = stored.get(qu.key());
            if (a != null) {
                out.add(view(a, qu, List.of()));
            }
        }
        return out;
    }

    /**
     * Submits the survey. A repeated submit changes nothing and reports the first time.
     *
     * @param token respondent token
     * @return the submission time
     * @throws ProblemException 404 unknown token; 422 listing every visible required question
     *     still unanswered
     */
    @Transactional
    public SubmitResult submit(String token) {
        Respondent r = lockedRespondent(token);
        if (r.submittedAt != null) {
            return new SubmitResult(r.submittedAt, true);
        }
        Questionnaire q = assessments.questionnaire(r.assessment);
        List<Problem.FieldError> missing = missingRequired(r, q);
        if (!missing.isEmpty()) {
            throw new ProblemException(422, "Required answers missing", missing.size()
                    + " required question(s) are not answered: " + String.join(", ",
                            missing.stream().map(Problem.FieldError::field).toList()), missing, ProblemTypes.INCOMPLETE);
        }
        r.submittedAt = clock.instant();
        return new SubmitResult(r.submittedAt, false);
    }

    /** @return one error per visible required question the respondent has not answered */
    public List<Problem.FieldError> missingRequired(Respondent r, Questionnaire q) {
        return Progress.of(q, r.role, codec.answersOf(r, q)).missingRequired().stream()
                .map(qu -> new Problem.FieldError(qu.key(), "is required: " + qu.text()))
                .toList();
    }

    private static ProblemException submitted(Respondent r) {
        return new ProblemException(409, "Conflict", "The survey was submitted on " + r.submittedAt
                + "; answers can no longer change.", List.of(), ProblemTypes.SUBMITTED);
    }

    private static Respondent lockedRespondent(String token) {
        Respondent r = Respondent.find("tokenHash = :hash", Parameters.with("hash", dev.bearing.common.TokenGenerator.hash(token)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (r == null) {
            throw ProblemException.notFound("Survey link");
        }
        return r;
    }

    private AnswerView view(Answer a, Question q, List<String> clearedFollowUps) {
        AnswerValue v = codec.read(a.valueJson);
        return new AnswerView(a.questionKey, v.toJsonValue(q), v.isNotApplicable(), v.display(q), a.version,
                a.updatedAt, clearedFollowUps);
    }

    private static String describe(List<Problem.FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
    }
}
