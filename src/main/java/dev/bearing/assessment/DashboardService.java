package dev.bearing.assessment;

import dev.bearing.assessment.DashboardApi.DashboardPage;
import dev.bearing.assessment.DashboardApi.DashboardRow;
import dev.bearing.assessment.DashboardApi.RoleProgress;
import dev.bearing.assessment.DashboardApi.Stage;
import dev.bearing.common.ProblemException;
import dev.bearing.evaluation.AdoptionCurve;
import dev.bearing.evaluation.RuleEngine;
import dev.bearing.questionnaire.Role;
import dev.bearing.security.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * The consultant's dashboard: every assessment the caller may see, one page at a time, and the
 * archive, unarchive and delete actions on it.
 *
 * <p>A page costs two SQL statements whatever its size: the page itself and the count of
 * matching assessments. Status, stage, last activity and the organisation's name are columns of
 * {@code assessment} that triggers keep (schema V5), so filtering and sorting 100,000 assessments
 * reads one table and its indexes (V9 adds the status-and-order, owner and trigram indexes);
 * respondents' progress by role is read for the page's rows only. Pagination is by offset,
 * because the page offers numbered page links ("page 7 of 40") and the API takes {@code page};
 * the offset runs over ids only (the inner query) and details are joined for the page's rows, so
 * a deep page stays cheap. The count stops at {@value #COUNT_CAP}: beyond that the list says
 * "more than 10,000" (counting 100,000 index entries on every page view cost more than the page
 * itself), and the page query reads one row past the page to know whether a next page exists.
 * Figures: bench/README.md.
 */
@ApplicationScoped
public class DashboardService {

    @Inject
    EntityManager em;

    @Inject
    AccessControl access;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    RuleEngine rules;

    /** Matching assessments counted exactly up to this many; beyond, the list says "more than". */
    public static final int COUNT_CAP = 10_000;

    private static final String COLUMNS = "a.id, o.name, a.status, a.created_at, a.last_activity_at, a.archived_at,"
            + " a.stage_quarter, a.stage_phase, p.b_total, p.b_started, p.b_submitted, p.d_total, p.d_started,"
            + " p.d_submitted, p.o_total, p.o_started, p.o_submitted";

    private static final String PROGRESS = " " + """
             left join lateral (select
                count(*) filter (where r.role = 'BUSINESS') as b_total,
                count(*) filter (where r.role = 'BUSINESS' and (r.started_at is not null or r.submitted_at is not null)) as b_started,
                count(*) filter (where r.role = 'BUSINESS' and r.submitted_at is not null) as b_submitted,
                count(*) filter (where r.role = 'DEVELOPMENT') as d_total,
                count(*) filter (where r.role = 'DEVELOPMENT' and (r.started_at is not null or r.submitted_at is not null)) as d_started,
                count(*) filter (where r.role = 'DEVELOPMENT' and r.submitted_at is not null) as d_submitted,
                count(*) filter (where r.role = 'OPERATIONS') as o_total,
                count(*) filter (where r.role = 'OPERATIONS' and (r.started_at is not null or r.submitted_at is not null)) as o_started,
                count(*) filter (where r.role = 'OPERATIONS' and r.submitted_at is not null) as o_submitted
              from respondent r where r.assessment_id = a.id) p on true""";

    /**
     * One page of the dashboard, in two SQL statements (the page and the count).
     *
     * @param q filter, order and page
     * @param accountId the caller's account id (ignored for admins)
     * @param admin whether the caller is an admin (sees every assessment)
     * @return the page with its metadata; empty items past the last page. When more than
     *     {@link #COUNT_CAP} assessments match, totalItems is {@link #COUNT_CAP}, totalExact is
     *     false and totalPages counts the pages known to exist (at least up to the next one)
     */
    @Transactional
    public DashboardPage page(DashboardQuery q, long accountId, boolean admin) {
        customPlans(q);
        PageSql sql = sql(q, admin);
        // one row past the page: whether a next page exists when the count stopped at the cap
        Query rows = page(bind(em.createNativeQuery(sql.rows()), q, accountId, admin), q, admin);
        Query count = sql.cap(bind(em.createNativeQuery(sql.count()), q, accountId, admin));
        List<DashboardRow> items = rows(rows);
        boolean more = items.size() > q.size();
        if (more) {
            items = items.subList(0, q.size());
        }
        long counted = Math.min(((Number) count.getSingleResult()).longValue(), COUNT_CAP + 1);
        boolean exact = counted <= COUNT_CAP;
        long total = exact ? counted : COUNT_CAP;
        int pages = (int) ((total + q.size() - 1) / q.size());
        if (!exact) {
            pages = Math.max(pages, q.page() + (more ? 1 : 0));
        }
        return new DashboardPage(items, q.page(), q.size(), total, exact, pages, q.statusParam(), q.organisation(),
                q.sort().param());
    }

    /**
     * The PostgreSQL plans, as run, of the two statements behind a page (EXPLAIN ANALYZE):
     * for the benchmark's output and for diagnosing a slow page.
     *
     * @return the plan of the page's query, then that of its count, each as PostgreSQL prints it
     */
    @Transactional
    public List<String> explain(DashboardQuery q, long accountId, boolean admin) {
        customPlans(q);
        PageSql sql = sql(q, admin);
        Query rows = page(bind(em.createNativeQuery("explain (analyze, buffers) " + sql.rows()), q, accountId, admin), q,
                admin);
        Query count = sql.cap(bind(em.createNativeQuery("explain (analyze, buffers) " + sql.count()), q, accountId,
                admin));
        List<String> plans = new ArrayList<>();
        for (Query plan : List.of(rows, count)) {
            plans.add(String.join("\n", ((List<?>) plan.getResultList()).stream().map(String::valueOf).toList()));
        }
        return plans;
    }

    /**
     * Plans this transaction's statements for their actual parameters. The JDBC driver prepares a
     * statement on the server from its fifth execution on, and PostgreSQL may then switch to a
     * generic plan, one for every filter value: an organisation matching 11 assessments then walked
     * the whole last-activity index (about 1 s through HTTP, against a few ms planned for the value).
     * For an organisation filter PostgreSQL is also kept from walking a btree index with the LIKE
     * as a filter (it assumes index-only reads, but every save clears the page's visibility bit:
     * 94,000 buffers against 1,250 through the trigram index). Issued through JDBC, for this
     * transaction only ({@code set local}); not a query Hibernate counts.
     */
    private void customPlans(DashboardQuery q) {
        String settings = "set local plan_cache_mode = force_custom_plan; set local jit = off";
        if (trigrams(q)) {
            settings += "; set local enable_indexonlyscan = off; set local enable_seqscan = off";
        }
        String sql = settings;
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        });
    }

    /** Whether the organisation filter has three characters or more: what the trigram index can serve. */
    private static boolean trigrams(DashboardQuery q) {
        return q.organisation() != null && q.organisation().strip().length() >= 3;
    }

    /** The page's query (ids by offset, then details for those rows) and its count, capped or not. */
    private record PageSql(String rows, String count, boolean capped) {

        Query cap(Query count) {
            return capped ? count.setParameter("cap", COUNT_CAP + 1) : count;
        }
    }

    /** The columns every order reads, selected by each part of a consultant's view. */
    private static final String ORDER_COLUMNS = "a.id, a.last_activity_at, a.created_at, a.organisation_sort, a.stage_rank";

    private static PageSql sql(DashboardQuery q, boolean admin) {
        StringBuilder where = new StringBuilder(q.archived() ? " where a.archived_at is not null" : " where a.archived_at is null");
        if (q.status() != null) {
            where.append(" and a.status = :status");
        }
        if (q.organisation() != null) {
            // the lower-case copy of the name on the assessment (trigram index, V9); lower() on
            // both sides so PostgreSQL's case rules apply to both
            where.append(" and a.organisation_sort like lower(:organisation) escape '\\'");
        }
        String order = " order by " + q.sort().orderBy();
        String ids;
        String count;
        boolean capped = true;
        if (admin) {
            ids = "select a.id from assessment a" + where + order + " limit :limit offset :offset";
            count = "select count(*) from (select 1 from assessment a" + where + " limit :cap) matching";
            if (trigrams(q)) {
                // counted in full, from the trigram index: with a LIMIT PostgreSQL walked a whole
                // btree index testing the LIKE on each entry (678 ms against 6 ms); capped in Java
                count = "select count(*) from assessment a" + where;
                capped = false;
            }
        } else {
            // a consultant sees what they own and what is shared with them: each part read in the
            // page's order up to the page's end (owned ones from the owner index, V9), then merged
            String owned = "select " + ORDER_COLUMNS + " from assessment a" + where + " and a.owner_id = :account";
            // shared ones: the caller's shares (a few thousand at most) each looked up by key; as a
            // join PostgreSQL hashed every assessment's index entry instead (95,500 for 2,000 shares)
            String shared = "select a.* from assessment_share s cross join lateral (select " + ORDER_COLUMNS
                    + " from assessment a" + where + " and a.id = s.assessment_id and a.owner_id is distinct from :account"
                    + " limit 1) a where s.account_id = :account";
            ids = "select a.id from ((" + owned + order + " limit :reach) union all (" + shared + order
                    + " limit :reach)) a" + order + " limit :limit offset :offset";
            count = "select count(*) from ((" + owned + " limit :cap) union all (" + shared + " limit :cap)) matching";
        }
        String rows = "select " + COLUMNS + " from (" + ids + ") page join assessment a on a.id = page.id"
                + " join organisation o on o.id = a.organisation_id" + PROGRESS + order;
        return new PageSql(rows, count, capped);
    }

    /**
     * Archives an assessment: it leaves the dashboard's default view (the {@code archived} filter
     * shows it) and nothing else changes. Audited; archiving an archived assessment changes nothing.
     *
     * @param id assessment id
     * @return the assessment as the dashboard shows it
     * @throws ProblemException 404 when it does not exist or the caller may not see it
     */
    @Transactional
    public DashboardRow archive(long id) {
        Assessment a = access.assessment(id);
        if (a.archivedAt == null) {
            a.archivedAt = clock.instant();
            audit.record("assessment.archived", a.id, "Archived the assessment of " + a.organisation.name + ".");
        }
        em.flush();
        return row(id);
    }

    /**
     * Brings an archived assessment back to the dashboard. Audited; a no-op when not archived.
     *
     * @param id assessment id
     * @return the assessment as the dashboard shows it
     * @throws ProblemException 404 when it does not exist or the caller may not see it
     */
    @Transactional
    public DashboardRow unarchive(long id) {
        Assessment a = access.assessment(id);
        if (a.archivedAt != null) {
            a.archivedAt = null;
            audit.record("assessment.unarchived", a.id, "Returned the assessment of " + a.organisation.name
                    + " from the archive.");
        }
        em.flush();
        return row(id);
    }

    /**
     * @param id assessment id
     * @return when it was archived, or null
     * @throws ProblemException 404 when it does not exist or the caller may not see it
     */
    @Transactional
    public Instant archivedAt(long id) {
        return access.assessment(id).archivedAt;
    }

    private void requireMayDelete(Assessment a) {
        if (!access.ownsOrAdmin(a)) {
            throw new ProblemException(403, "Forbidden", "Only the assessment's owner or an admin can delete it; it is "
                    + "shared with you to work on.", java.util.List.of());
        }
    }

    /**
     * What deleting an assessment would remove, for the confirmation step.
     *
     * @param id assessment id
     * @return the organisation's name and the rows that would go
     * @throws ProblemException 404 when it does not exist or the caller may not see it; 403 when
     *     the caller may not delete it (neither its owner nor an admin), before the form is shown
     */
    @Transactional
    public DeletionScope scope(long id) {
        Assessment a = access.assessment(id);
        requireMayDelete(a);
        Object[] c = (Object[]) em.createNativeQuery("""
                select (select count(*) from respondent where assessment_id = :id),
                       (select count(*) from answer an join respondent r on r.id = an.respondent_id where r.assessment_id = :id),
                       (select count(*) from evaluation where assessment_id = :id),
                       (select count(*) from assessment_version where assessment_id = :id)""")
                .setParameter("id", id).getSingleResult();
        return new DeletionScope(a.id, a.organisation.name, ((Number) c[0]).longValue(), ((Number) c[1]).longValue(),
                ((Number) c[2]).longValue(), ((Number) c[3]).longValue());
    }

    /**
     * Deletes an assessment for good: its respondents and their answers, evaluations, approved
     * versions, review edits and shares (one DELETE; the foreign keys cascade, schema V5), and the
     * organisation when no other assessment names it. The audit log keeps a record naming the
     * organisation and what was removed.
     *
     * @param id assessment id
     * @return what was removed
     * @throws ProblemException 404 when it does not exist or the caller may not see it; 403 when
     *     the caller is neither its owner nor an admin
     */
    @Transactional
    public DeletionScope delete(long id) {
        // a second deletion at the same moment (a double click, two tabs) waits here, then finds nothing
        if (em.find(Assessment.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new ProblemException(404, "Not found", "Assessment " + id + " does not exist.", java.util.List.of());
        }
        DeletionScope scope = scope(id);
        Assessment a = access.assessment(id);
        long organisationId = a.organisation.id;
        em.detach(a);
        em.createNativeQuery("delete from assessment where id = :id").setParameter("id", id).executeUpdate();
        em.createNativeQuery("delete from organisation o where o.id = :org"
                + " and not exists (select 1 from assessment x where x.organisation_id = o.id)")
                .setParameter("org", organisationId).executeUpdate();
        audit.record("assessment.deleted", id, "Deleted the assessment of " + scope.organisation() + " for good, with "
                + scope.words() + ".");
        return scope;
    }

    /**
     * What an assessment's deletion removes.
     *
     * @param id assessment id
     * @param organisation organisation name
     * @param respondents respondents
     * @param answers their answers
     * @param evaluations evaluations
     * @param versions approved versions
     */
    public record DeletionScope(long id, String organisation, long respondents, long answers, long evaluations,
            long versions) {

        /** @return e.g. "3 respondents, 120 answers, 1 evaluation and 0 approved versions" */
        public String words() {
            return plural(respondents, "respondent") + ", " + plural(answers, "answer") + ", "
                    + plural(evaluations, "evaluation") + " and " + plural(versions, "approved version");
        }

        private static String plural(long n, String noun) {
            return dev.bearing.common.UserText.count(n, noun);
        }
    }

    private DashboardRow row(long id) {
        Query q = em.createNativeQuery("select " + COLUMNS + " from assessment a join organisation o on o.id = a.organisation_id"
                + PROGRESS + " where a.id = :id").setParameter("id", id);
        return rows(q).get(0);
    }

    /** Binds the page's window: its offset, its size and one row more (whether a next page exists). */
    private static Query page(Query query, DashboardQuery q, boolean admin) {
        long offset = (long) (q.page() - 1) * q.size();
        query.setParameter("limit", q.size() + 1).setParameter("offset", offset);
        if (!admin) {
            query.setParameter("reach", offset + q.size() + 1);
        }
        return query;
    }

    private static Query bind(Query query, DashboardQuery q, long accountId, boolean admin) {
        query.unwrap(NativeQuery.class).setHibernateFlushMode(FlushMode.MANUAL);
        if (q.status() != null) {
            query.setParameter("status", q.status().name());
        }
        if (q.organisation() != null) {
            query.setParameter("organisation", "%" + q.organisation().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (!admin) {
            query.setParameter("account", accountId);
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private List<DashboardRow> rows(Query query) {
        AdoptionCurve curve = rules.ruleBase().curve();
        List<DashboardRow> out = new ArrayList<>();
        for (Object[] c : (List<Object[]>) query.getResultList()) {
            Map<Role, int[]> byRole = new LinkedHashMap<>();
            byRole.put(Role.BUSINESS, new int[] {num(c[8]), num(c[9]), num(c[10])});
            byRole.put(Role.DEVELOPMENT, new int[] {num(c[11]), num(c[12]), num(c[13])});
            byRole.put(Role.OPERATIONS, new int[] {num(c[14]), num(c[15]), num(c[16])});
            List<RoleProgress> progress = new ArrayList<>();
            byRole.forEach((role, n) -> {
                if (n[0] > 0) {
                    progress.add(new RoleProgress(role, n[0], n[1], n[2]));
                }
            });
            Stage stage = null;
            if (c[6] != null) {
                int quarter = num(c[6]);
                String phase = (String) c[7];
                String name = curve.stage(quarter).name();
                stage = new Stage(quarter, phase, name, name + ", " + ("LATE".equals(phase) ? "late" : "early")
                        + " phase (Q" + quarter + ")");
            }
            DashboardStatus status = DashboardStatus.valueOf((String) c[2]);
            out.add(new DashboardRow(((Number) c[0]).longValue(), (String) c[1], status, status.label(), progress, stage,
                    instant(c[3]), instant(c[4]), instant(c[5])));
        }
        return out;
    }

    private static int num(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + o.getClass());
    }
}
