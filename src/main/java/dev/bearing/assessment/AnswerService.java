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
import dev.bearing.questionnaire.QuestionnaireRegistry;
import dev.bearing.questionnaire.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

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
    QuestionnaireRegistry questionnaires;

    @Inject
    DataSource db;

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
    @io.micrometer.core.annotation.Timed(value = "bearing.answer.saves", description = "Answer saves (autosave), each request")
    public List<AnswerView> save(String token, List<BulkAnswer> answers) {
        // plain JDBC in a transaction of its own on one pooled connection: the autosave is a few
        // statements, and Hibernate's query and entity machinery, and a JTA transaction, around
        // them cost several times the statements themselves (bench/parts/20-autosave). Called
        // inside a caller's transaction, it takes part in that one on the transaction's connection.
        try (Connection c = db.getConnection()) {
            if (QuarkusTransaction.isActive()) {
                return save(c, token, answers);
            }
            c.setAutoCommit(false);
            try {
                List<AnswerView> saved = save(c, token, answers);
                c.commit();
                return saved;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new PersistenceException("Saving answers failed: " + e.getMessage(), e);
        }
    }

    private List<AnswerView> save(Connection c, String token, List<BulkAnswer> answers) throws SQLException {
        Locked r = locked(c, token);
        if (r.submittedAt() != null) {
            throw submitted(r.submittedAt());
        }
        Questionnaire q = questionnaires.get(r.questionnaireKey(), r.questionnaireVersion());
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
            if (!qu.roles().contains(r.role())) {
                invalid.add(new Problem.FieldError(b.questionKey(), "is not asked of the " + r.role().label() + " role"));
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
        // refused, not kept aside: an answer the respondent cannot see would count without being
        // read; and stored follow-ups this change hides are removed. Visibility depends only on a
        // question's parent answer, so the stored answers are read only when this change saves a
        // follow-up or the parent of one.
        Set<String> saving = new java.util.HashSet<>(questions.stream().map(Question::key).toList());
        boolean touchesVisibility = q.questions().stream().anyMatch(qu -> qu.visibleWhen() != null
                && (saving.contains(qu.key()) || saving.contains(qu.visibleWhen().question())));
        Map<String, AnswerValue> stored = Map.of();
        Set<String> visible = null;
        if (touchesVisibility) {
            stored = codec.read(storedJson(c, r.id()), q);
            Map<String, AnswerValue> after = new java.util.HashMap<>(stored);
            for (int i = 0; i < questions.size(); i++) {
                after.put(questions.get(i).key(), values.get(i));
            }
            visible = Progress.of(q, r.role(), after).visible();
            Set<String> shown = visible;
            List<Problem.FieldError> hidden = questions.stream().filter(qu -> !shown.contains(qu.key()))
                    .map(qu -> new Problem.FieldError(qu.key(), "is not shown with the current answers"
                            + (qu.visibleWhen() == null ? "" : " (it follows up " + qu.visibleWhen().question() + ")")
                            + ", so it cannot be answered"))
                    .toList();
            if (!hidden.isEmpty()) {
                throw new ProblemException(400, "Question not shown", describe(hidden), hidden, ProblemTypes.NOT_VISIBLE);
            }
        }
        Instant now = clock.instant();
        List<Saved> saves = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            BulkAnswer b = answers.get(i);
            String json = codec.write(values.get(i));
            Saved saved = upsert(c, r.id(), b.questionKey(), json, now, b.version());
            if (saved == null) {
                // not written: the stored answer is at another version, or is this very value
                Saved current = stored(c, r.id(), b.questionKey(), json);
                if (current != null && current.unchanged()) {
                    saves.add(current); // nothing to change and nothing to conflict with
                    continue;
                }
                stale.add(new Problem.FieldError(b.questionKey(), b.version() == null
                        ? "was already answered (version " + current.version() + "); send that version to change it"
                        : current == null ? "has no stored answer at version " + b.version() + "; it was removed or never saved"
                        : "was changed meanwhile (you sent version " + b.version() + ", the stored one is "
                                + current.version() + "); reload it before saving"));
            } else if (saved.inserted() && b.version() != null && b.version() != 0) {
                // inserted although the request changes an existing version: it was removed meanwhile
                stale.add(new Problem.FieldError(b.questionKey(), "has no stored answer at version " + b.version()
                        + "; it was removed or never saved"));
            }
            saves.add(saved);
        }
        if (!stale.isEmpty()) {
            // the transaction rolls back: none of the answers is saved
            throw new ProblemException(409, "Conflict", describe(stale), stale, ProblemTypes.STALE_VERSION);
        }
        if (r.startedAt() == null) {
            started(c, r.id(), now);
        }
        Map<String, List<String>> cleared = Map.of();
        if (visible != null) {
            cleared = hiddenFollowUps(q, stored.keySet(), visible, questions.stream().map(Question::key).toList());
            remove(c, r.id(), cleared.values().stream().flatMap(List::stream).toList());
        }
        List<AnswerView> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Question qu = questions.get(i);
            AnswerValue v = values.get(i);
            Saved saved = saves.get(i);
            out.add(new AnswerView(qu.key(), v.toJsonValue(qu), v.isNotApplicable(), v.display(qu), saved.version(),
                    saved.updatedAt(),
                    cleared.getOrDefault(qu.key(), List.of())));
        }
        return out;
    }

    /**
     * The respondent a save is for and the questionnaire its assessment is pinned to.
     *
     * @param startedAt first answer saved, or null
     * @param submittedAt submission time, or null
     */
    private record Locked(long id, Role role, Instant startedAt, Instant submittedAt, String questionnaireKey,
            int questionnaireVersion) {
    }

    /**
     * Reads the respondent with this token and its assessment's questionnaire in one statement,
     * locking the respondent's row until the transaction ends (as {@link #lockedRespondent} does
     * for submit and delete), so the saves and the submit of one respondent take turns.
     *
     * @throws ProblemException 404 when the token is unknown
     */
    private static Locked locked(Connection c, String token) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCK)) {
            s.setString(1, dev.bearing.common.TokenGenerator.hash(token));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("Survey link");
                }
                return new Locked(rs.getLong(1), Role.valueOf(rs.getString(2)), instant(rs, 3), instant(rs, 4),
                        rs.getString(5), rs.getInt(6));
            }
        }
    }

    /** The lock of a save; FOR NO KEY UPDATE, as Hibernate's pessimistic write lock on PostgreSQL. */
    static final String LOCK = """
            select r.id, r.role, r.started_at, r.submitted_at, a.questionnaire_key, a.questionnaire_version
            from respondent r join assessment a on a.id = r.assessment_id
            where r.token_hash = ?
            for no key update of r""";

    /** Marks the respondent started by its first save (the row is locked by this transaction). */
    private static void started(Connection c, long respondentId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update respondent set started_at = ?, version = version + 1 where id = ? and started_at is null")) {
            s.setObject(1, now.atOffset(ZoneOffset.UTC));
            s.setLong(2, respondentId);
            s.executeUpdate();
        }
    }

    /**
     * Saves one answer in one statement, the whole write of an autosave besides the respondent's
     * lock (bench/parts/20-autosave measures it against pgbench running this statement): inserted
     * at version 0 when the respondent has none for the question, else replaced and its version
     * raised by one, but only when the stored version is the one the request names and the value
     * differs (re-sending the stored value writes nothing: see {@link #stored}).
     *
     * @param expected the version the request changes; null for a first answer (never replaces)
     * @return the stored version and time after the save and whether the row is new, or null when
     *     nothing was written (a stored answer at another version or with this very value, or one
     *     stored when the request expected none)
     */
    private static Saved upsert(Connection c, long respondentId, String questionKey, String json, Instant now,
            Integer expected) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setLong(1, respondentId);
            s.setString(2, questionKey);
            s.setString(3, json);
            s.setObject(4, now.atOffset(ZoneOffset.UTC));
            s.setInt(5, expected == null ? -1 : expected);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Saved(rs.getInt(1), instant(rs, 2), rs.getBoolean(3), false) : null;
            }
        }
    }

    /**
     * The stored answer when the autosave statement wrote nothing: its version and time, and
     * whether it already holds {@code json} (then the save is no change, whatever version the
     * request named, so a second tab's unchanged save is not refused as stale); null when none is stored.
     */
    private static Saved stored(Connection c, long respondentId, String questionKey, String json) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select version, updated_at, value_json = ? from answer"
                + " where respondent_id = ? and question_key = ?")) {
            s.setString(1, json);
            s.setLong(2, respondentId);
            s.setString(3, questionKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Saved(rs.getInt(1), instant(rs, 2), false, rs.getBoolean(3)) : null;
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * An answer as stored after a save.
     *
     * @param version its version
     * @param updatedAt when its value last changed
     * @param inserted the save inserted it
     * @param unchanged the save sent the stored value, so nothing was written
     */
    private record Saved(int version, Instant updatedAt, boolean inserted, boolean unchanged) {
    }

    /** The autosave statement; Answer's sequence gives the id (a new id per insert, as Hibernate does). */
    static final String UPSERT = """
            insert into answer (id, respondent_id, question_key, value_json, updated_at, version)
            values (nextval('answer_seq'), ?, ?, ?, ?, 0)
            on conflict (respondent_id, question_key) do update
                set value_json = excluded.value_json, updated_at = excluded.updated_at, version = answer.version + 1
                where answer.version = ? and answer.value_json <> excluded.value_json
            returning version, updated_at, (xmax = 0) as inserted""";

    /** The respondent's stored answers as JSON by question key, read on the save's connection. */
    private static Map<String, String> storedJson(Connection c, long respondentId) throws SQLException {
        Map<String, String> out = new java.util.HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select question_key, value_json from answer where respondent_id = ?")) {
            s.setLong(1, respondentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Removes these stored answers of the respondent, on the save's connection. */
    private static void remove(Connection c, long respondentId, List<String> questionKeys) throws SQLException {
        if (questionKeys.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("delete from answer where respondent_id = ? and question_key = any (?)")) {
            s.setLong(1, respondentId);
            s.setArray(2, c.createArrayOf("varchar", questionKeys.toArray()));
            s.executeUpdate();
        }
    }

    /**
     * The stored answers of follow-ups that are hidden now (their parent's answer no longer
     * shows them): the caller removes them in its transaction, so no answer the respondent
     * cannot see stays stored.
     *
     * @param storedKeys keys answered before this change
     * @param visible keys visible after it
     * @param changed keys this change saved or removed, in request order
     * @return the keys to remove by the changed key whose answer hid them (following a chain of
     *     follow-ups up to it; a removal no changed key explains goes to the first)
     */
    private static Map<String, List<String>> hiddenFollowUps(Questionnaire q, Set<String> storedKeys, Set<String> visible,
            List<String> changed) {
        Map<String, List<String>> byParent = new java.util.LinkedHashMap<>();
        for (Question qu : q.questions()) {
            if (!storedKeys.contains(qu.key()) || visible.contains(qu.key()) || changed.contains(qu.key())) {
                continue;
            }
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
     * @throws ProblemException 400 naming {@code version} when an answer is stored and no version
     *     was given; 404 unknown token; 409 when submitted or the version is stale
     */
    @Transactional
    public List<String> delete(String token, String questionKey, Integer version) {
        Respondent r = lockedRespondent(token);
        if (r.submittedAt != null) {
            throw submitted(r.submittedAt);
        }
        Answer existing = Answer.of(r.id, questionKey).orElse(null);
        if (existing == null) {
            return List.of();
        }
        if (version == null) {
            throw ProblemException.badField("version", "is required to clear an answer: the stored answer's version ("
                    + existing.version + " now; GET …/answers lists it), so that a change made meanwhile is not lost");
        }
        if (version != existing.version) {
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
        List<String> hidden = hiddenFollowUps(q, stored.keySet(), visible, List.of(questionKey))
                .getOrDefault(questionKey, List.of());
        hidden.forEach(key -> Answer.delete("respondent.id = ?1 and questionKey = ?2", r.id, key));
        return hidden;
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
            throw new ProblemException(422, "Required answers missing", dev.bearing.common.UserText.count(missing.size(),
                    "required question") + (missing.size() == 1 ? " is" : " are") + " not answered: " + String.join(", ",
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

    private static ProblemException submitted(Instant submittedAt) {
        return new ProblemException(409, "Conflict", "The survey was submitted on " + submittedAt
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
