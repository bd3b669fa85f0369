package dev.bearing.assessment;

import dev.bearing.common.TokenGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Forms that create something (a new assessment, a new respondent) create it once, however often
 * they are sent: a double click, a resent form, the back button and Send again. Each such form
 * carries a random token of its own ({@code once}, {@link #fresh()}); the transaction that creates
 * the record first records the token ({@link #claim}), and records what it made
 * ({@link #created}). A second send of the same form waits for the first's transaction (the token
 * is the table's key) and then finds the record it made: {@link Resent}. A refused form records
 * nothing, so the same form can be sent again once corrected. A form without a token (the API, a
 * page opened before the token existed) is not checked.
 */
@ApplicationScoped
@Named("onceForms")
public class OnceForms {

    /** How long a token is kept: the CSRF cookie's life, after which the form cannot be sent. */
    static final Duration KEPT = Duration.ofHours(24);

    @Inject
    EntityManager em;

    @Inject
    TokenGenerator tokens;

    @Inject
    AccessControl access;

    @Inject
    Clock clock;

    /**
     * A form sent again: the record its first send created.
     */
    public static final class Resent extends RuntimeException {

        private final long recordId;

        Resent(long recordId) {
            super("form sent again; its first send created " + recordId, null, false, false);
            this.recordId = recordId;
        }

        /** @return the id of the record the first send created */
        public long recordId() {
            return recordId;
        }
    }

    /** @return a new token for a form that creates something, e.g. in a template {@code inject:onceForms.fresh} */
    public String fresh() {
        return tokens.newToken();
    }

    /**
     * Records the form's token in the caller's transaction, before it creates the record.
     *
     * @param token the form's {@code once}; null, blank or not a token as {@link #fresh()} makes: no check
     * @param kind what the form creates, e.g. "assessment"
     * @throws Resent when the same form (by the same account, for the same kind) already created its
     *     record; a token recorded by another account or for another kind is not reused either
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(String token, String kind) {
        if (!usable(token)) {
            return;
        }
        em.createNativeQuery("delete from form_submission where created_at < ?1")
                .setParameter(1, clock.instant().minus(KEPT)).executeUpdate();
        // waits for a send of the same form still in its transaction; then inserts nothing if that committed
        int inserted = em.createNativeQuery("insert into form_submission (token, kind, actor, created_at) "
                + "values (?1, ?2, ?3, ?4) on conflict (token) do nothing").setParameter(1, token)
                .setParameter(2, kind).setParameter(3, access.actor()).setParameter(4, clock.instant()).executeUpdate();
        if (inserted == 1) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, actor, record_id from form_submission where token = ?1")
                .setParameter(1, token).getResultList();
        if (rows.isEmpty() || !kind.equals(rows.get(0)[0]) || !access.actor().equals(rows.get(0)[1])
                || rows.get(0)[2] == null) {
            throw dev.bearing.common.ProblemException.conflict("This form was already sent; open the page again "
                    + "and send the new form.", List.of());
        }
        throw new Resent(((Number) rows.get(0)[2]).longValue());
    }

    /**
     * Records what the form created, in the transaction that claimed its token.
     *
     * @param token the form's {@code once} as given to {@link #claim}
     * @param recordId the id of the record created
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(String token, long recordId) {
        if (!usable(token)) {
            return;
        }
        em.createNativeQuery("update form_submission set record_id = ?2 where token = ?1").setParameter(1, token)
                .setParameter(2, recordId).executeUpdate();
    }

    private static boolean usable(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
