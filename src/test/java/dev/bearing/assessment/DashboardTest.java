package dev.bearing.assessment;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.questionnaire.Role;
import dev.bearing.security.AuditEvent;
import dev.bearing.support.Api;
import dev.bearing.support.FullSurvey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** The dashboard list (API and page), its parameters, archive, delete and its SQL cost per page. */
@QuarkusTest
class DashboardTest {

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessions;

    @Inject
    Scheduler scheduler;

    /** A name part no other test uses, so each test filters to its own assessments. */
    private static String unique() {
        return "Dash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static JsonPath list(String query) {
        return Api.consultant().get("/api/v1/assessments" + query).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    private long count(String sql, long id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("id", id).getSingleResult()).longValue());
    }

    private void submitFull(String token, Role role) {
        Api.putMany(token, FullSurvey.answers(role, 3, Map.of())).then().statusCode(200);
        Api.submit(token).then().statusCode(200);
    }

    /** Stores an evaluation at a given stage straight into the table, as the evaluation service would. */
    private void evaluationAt(long assessmentId, int quarter, String phase) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into evaluation (id, assessment_id, created_at, rule_set_version, stage_quarter, stage_phase,
                    delivery_band, maturity_index, respondents_included, result_json)
                values (nextval('evaluation_seq') + 100000, :a, now(), 'test', :q, :p, 'LOW', 50, 1, '{}')""")
                .setParameter("a", assessmentId).setParameter("q", quarter).setParameter("p", phase).executeUpdate());
    }

    @Test
    void statusFollowsTheRespondentsFromInvitingToEvaluatedAndApproved() {
        String org = unique();
        long inviting = Api.createAssessment(org + " Inviting");
        Api.addRespondent(inviting, "BUSINESS");
        long progress = Api.createAssessment(org + " Progress");
        String b = Api.addRespondent(progress, "BUSINESS");
        Api.addRespondent(progress, "BUSINESS");
        Api.addRespondent(progress, "OPERATIONS");
        submitFull(b, Role.BUSINESS);
        long submitted = Api.createAssessment(org + " Submitted");
        submitFull(Api.addRespondent(submitted, "DEVELOPMENT"), Role.DEVELOPMENT);
        long evaluated = Api.createAssessment(org + " Evaluated");
        submitFull(Api.addRespondent(evaluated, "OPERATIONS"), Role.OPERATIONS);
        Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/" + evaluated + "/evaluation")
                .then().statusCode(201);
        long approved = Api.createAssessment(org + " Approved");
        submitFull(Api.addRespondent(approved, "BUSINESS"), Role.BUSINESS);
        Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/" + approved + "/evaluation")
                .then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into assessment_version (id, assessment_id, number, evaluation_id, approved_by, approved_at,
                    rule_set_version, questionnaire_key, questionnaire_version, result_json, content_hash,
                    stage_quarter, stage_phase, delivery_band, maturity_index)
                select nextval('assessment_version_seq'), e.assessment_id, 1, e.id, 'tester', now() + interval '1 second',
                    e.rule_set_version, 'devops-maturity', 2, e.result_json, repeat('0', 64), e.stage_quarter,
                    e.stage_phase, e.delivery_band, e.maturity_index
                from evaluation e where e.assessment_id = :a""").setParameter("a", approved).executeUpdate());

        JsonPath all = list("?organisation=" + org + "&sort=organisation");
        assertEquals(List.of(org + " Approved", org + " Evaluated", org + " Inviting", org + " Progress",
                org + " Submitted"), all.getList("items.organisation"));
        assertEquals(List.of("APPROVED", "EVALUATED", "INVITING", "IN_PROGRESS", "SUBMITTED"), all.getList("items.status"));
        // progress by role: business 1 of 2 submitted, operations 0 of 1
        assertEquals("BUSINESS", all.getString("items[3].progress[0].role"));
        assertEquals(2, all.getInt("items[3].progress[0].respondents"));
        assertEquals(1, all.getInt("items[3].progress[0].submitted"));
        assertEquals("OPERATIONS", all.getString("items[3].progress[1].role"));
        assertEquals(0, all.getInt("items[3].progress[1].submitted"));
        assertEquals(1, all.getList("items[1].progress").size());
        String page = Api.consultant().get("/?organisation=" + org + "&status=in-progress").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Business 1/2 submitted<br>Operations 0/1 submitted"), page);
        assertTrue(all.getString("items[1].stage.label").contains("phase (Q"), all.getString("items[1].stage.label"));

        assertEquals(List.of(org + " Progress"), list("?organisation=" + org + "&status=in-progress").getList("items.organisation"));
        assertEquals(List.of(org + " Submitted"), list("?organisation=" + org + "&status=SUBMITTED").getList("items.organisation"));
        assertEquals(List.of(org + " Approved"), list("?organisation=" + org + "&status=approved").getList("items.organisation"));
        assertEquals(List.of(org + " Inviting"), list("?organisation=" + org + "&status=inviting").getList("items.organisation"));
        assertEquals(List.of(), list("?organisation=" + org + "&status=in-review").getList("items"));

        // a review edit after the evaluation puts it in review (the review table comes with V4)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into review_edit (id, assessment_id, evaluation_id, kind, target, payload_json, note, created_by, created_at)
                select nextval('review_edit_seq'), e.assessment_id, e.id, 'finding-hide', 'x', '{}', 'test', 'tester',
                    e.created_at + interval '1 minute'
                from evaluation e where e.assessment_id = :a""").setParameter("a", evaluated).executeUpdate());
        assertEquals(List.of(org + " Evaluated"), list("?organisation=" + org + "&status=in-review").getList("items.organisation"));
    }

    @Test
    void organisationFilterIsASubstringInAnyCaseWithWildcardsTakenLiterally() {
        String org = unique();
        long pure = Api.createAssessment("100% " + org + "_Pure");
        Api.createAssessment("1000 " + org + "XPure");
        JsonPath p = list("?organisation=" + org.toLowerCase() + "_pure");
        assertEquals(List.of(pure), p.getList("items.id", Long.class));
        assertEquals(1, p.getInt("totalItems"));
        assertEquals(List.of(pure), Api.consultant().queryParam("organisation", "100% " + org).get("/api/v1/assessments")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class));
        assertEquals(2, list("?organisation=" + org.toUpperCase()).getInt("totalItems"));
    }

    @Test
    void sortsByOrganisationCreatedActivityAndStage() {
        String org = unique();
        long c = Api.createAssessment(org + " c");
        long a = Api.createAssessment(org + " A");
        long b = Api.createAssessment(org + " b");
        assertEquals(List.of(a, b, c), list("?organisation=" + org + "&sort=organisation").getList("items.id", Long.class));
        assertEquals(List.of(c, b, a), list("?organisation=" + org + "&sort=-organisation").getList("items.id", Long.class));
        assertEquals(List.of(c, a, b), list("?organisation=" + org + "&sort=created").getList("items.id", Long.class));
        assertEquals(List.of(b, a, c), list("?organisation=" + org + "&sort=-created").getList("items.id", Long.class));
        // an answer saved on the oldest makes it the most recently active
        String t = Api.addRespondent(c, "BUSINESS");
        Api.putMany(t, FullSurvey.answers(Role.BUSINESS, 2, Map.of()).subList(0, 1)).then().statusCode(200);
        JsonPath byActivity = list("?organisation=" + org);
        assertEquals("-activity", byActivity.getString("sort"));
        assertEquals(List.of(c, b, a), byActivity.getList("items.id", Long.class));
        assertEquals(List.of(a, b, c), list("?organisation=" + org + "&sort=activity").getList("items.id", Long.class));
        assertEquals("IN_PROGRESS", byActivity.getString("items[0].status"));
        // stage: quarter 3 late above quarter 3 early; not evaluated last either way
        evaluationAt(a, 3, "EARLY");
        evaluationAt(b, 3, "LATE");
        assertEquals(List.of(b, a, c), list("?organisation=" + org + "&sort=-stage").getList("items.id", Long.class));
        assertEquals(List.of(a, b, c), list("?organisation=" + org + "&sort=stage").getList("items.id", Long.class));
        assertEquals("Aligning, late phase (Q3)", list("?organisation=" + org + "&sort=-stage").getString("items[0].stage.label"));
    }

    @Test
    void pagesDoNotOverlapAndCarryTheirMetadata() {
        String org = unique();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            created.add(Api.createAssessment(org + " " + i));
        }
        List<Long> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonPath p = list("?organisation=" + org + "&sort=created&size=10&page=" + page);
            assertEquals(page, p.getInt("page"));
            assertEquals(10, p.getInt("size"));
            assertEquals(25, p.getInt("totalItems"));
            assertEquals(3, p.getInt("totalPages"));
            assertEquals(page < 3 ? 10 : 5, p.getList("items").size());
            seen.addAll(p.getList("items.id", Long.class));
        }
        assertEquals(created, seen);
        JsonPath beyond = list("?organisation=" + org + "&size=10&page=4");
        assertEquals(0, beyond.getList("items").size());
        assertEquals(25, beyond.getInt("totalItems"));
        assertEquals(20, list("?organisation=" + org).getList("items").size());
    }

    @Inject
    DashboardService dashboard;

    @Test
    void aConsultantSeesTheAssessmentsTheyOwnOrAreSharedOnAndAnAdminSeesAll() {
        String org = unique();
        long owned = Api.createAssessment(org + " owned");
        long shared = Api.createAssessment(org + " shared");
        long other = Api.createAssessment(org + " other");
        long me = 7_000_000L + (System.nanoTime() % 1_000_000);
        QuarkusTransaction.requiringNew().run(() -> {
            for (long id : new long[] {me, me + 1}) {
                em.createNativeQuery("""
                        insert into account (id, username, display_name, password_hash, role, created_at, password_changed_at)
                        values (:id, :name, :name, 'not-a-hash', 'CONSULTANT', now(), now())""")
                        .setParameter("id", id).setParameter("name", "dash-" + id).executeUpdate();
            }
            em.createNativeQuery("update assessment set owner_id = :me where id = :a").setParameter("me", me)
                    .setParameter("a", owned).executeUpdate();
            em.createNativeQuery("update assessment set owner_id = :o where id in (:a, :b)").setParameter("o", me + 1)
                    .setParameter("a", shared).setParameter("b", other).executeUpdate();
            em.createNativeQuery("insert into assessment_share (assessment_id, account_id) values (:a, :me)")
                    .setParameter("a", shared).setParameter("me", me).executeUpdate();
        });
        DashboardQuery q = DashboardQuery.parse(Map.of("organisation", List.of(org), "sort", List.of("organisation")), true);
        assertEquals(List.of(owned, shared), dashboard.page(q, me, false).items().stream().map(r -> r.id()).toList());
        assertEquals(2, dashboard.page(q, me, false).totalItems());
        assertEquals(List.of(other, shared), dashboard.page(q, me + 1, false).items().stream().map(r -> r.id()).toList());
        assertEquals(List.of(other, owned, shared), dashboard.page(q, me, true).items().stream().map(r -> r.id()).toList());
    }

    @Test
    void unknownParametersAndBadValuesAreRefusedNamingTheParameter() {
        Map<String, String> cases = Map.of(
                "?colour=blue", "colour",
                "?status=done", "status",
                "?sort=name", "sort",
                "?page=0", "page",
                "?page=two", "page",
                "?size=101", "size",
                "?page=\uFF12", "page", // a full-width 2, which Integer.parseInt reads as 2
                "?size=+5", "size",
                "?status=approved&status=inviting", "status",
                "?organisation=" + "x".repeat(201), "organisation");
        cases.forEach((query, field) -> Api.consultant().get("/api/v1/assessments" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(dev.bearing.common.ProblemTypes.INVALID_VALUE))
                .body("errors[0].field", equalTo(field))
                .body("detail", containsString(field)));
        Api.consultant().get("/api/v1/assessments?status=dunno").then()
                .body("detail", containsString("inviting, in-progress, submitted, evaluated, in-review, approved, archived"));
        // the page says it in words and shows the default list
        Api.consultant().get("/?sort=name").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("sort must be one of"))
                .body(not(containsString("Exception")));
    }

    @Test
    void archiveHidesFromTheDashboardUntilUnarchivedAndBothAreAudited() {
        String org = unique();
        long id = Api.createAssessment(org);
        Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/" + id + "/archive").then().statusCode(200)
                .body("archivedAt", not(equalTo(null)));
        assertEquals(0, list("?organisation=" + org).getInt("totalItems"));
        JsonPath archived = list("?organisation=" + org + "&status=archived");
        assertEquals(List.of(id), archived.getList("items.id", Long.class));
        assertEquals("archived", archived.getString("status"));
        Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/" + id + "/unarchive").then().statusCode(200)
                .body("archivedAt", equalTo(null));
        assertEquals(List.of(id), list("?organisation=" + org).getList("items.id", Long.class));
        assertEquals(0, list("?organisation=" + org + "&status=archived").getInt("totalItems"));
        List<String> actions = QuarkusTransaction.requiringNew().call(() -> AuditEvent.ofAssessment(id).stream()
                .filter(e -> e.action.endsWith("archived")).map(e -> e.action + ": " + e.detail).toList());
        assertEquals(List.of("assessment.unarchived: Returned the assessment of " + org + " from the archive.",
                "assessment.archived: Archived the assessment of " + org + "."), actions);
        Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/987654321/archive").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void deletingFromSeveralTabsAtOnceDeletesOnceAndAuditsOnce() throws Exception {
        String org = unique();
        long id = Api.createAssessment(org);
        Api.addRespondent(id, "BUSINESS");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<java.util.concurrent.Future<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clicks.add(pool.submit(() -> Api.consultant().delete("/api/v1/assessments/" + id).statusCode()));
            }
            for (var click : clicks) {
                statuses.add(click.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 204).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 404).count(), statuses.toString());
        List<String> audit = QuarkusTransaction.requiringNew().call(() -> AuditEvent.ofAssessment(id).stream()
                .filter(e -> e.action.equals("assessment.deleted")).map(e -> e.detail).toList());
        assertEquals(1, audit.size(), "one deletion, one record: " + audit);
    }

    @Test
    void deleteThroughTheApiRemovesEveryAnswerForGood() {
        String org = unique();
        long id = Api.createAssessment(org);
        submitFull(Api.addRespondent(id, "BUSINESS"), Role.BUSINESS);
        Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/" + id + "/evaluation").then().statusCode(201);
        String answers = "select count(*) from answer an join respondent r on r.id = an.respondent_id where r.assessment_id = :id";
        long before = count(answers, id);
        assertTrue(before > 20, "answers stored: " + before);
        List<Long> respondentIds = QuarkusTransaction.requiringNew().call(() -> ((List<?>) em.createNativeQuery(
                "select id from respondent where assessment_id = :id").setParameter("id", id).getResultList())
                .stream().map(o -> ((Number) o).longValue()).toList());

        Api.consultant().delete("/api/v1/assessments/" + id).then().statusCode(204);

        assertEquals(0, count(answers, id));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from answer where respondent_id in (:ids)").setParameter("ids", respondentIds)
                .getSingleResult()).longValue()));
        assertEquals(0, count("select count(*) from respondent where assessment_id = :id", id));
        assertEquals(0, count("select count(*) from evaluation where assessment_id = :id", id));
        assertEquals(0, count("select count(*) from assessment where id = :id", id));
        Api.consultant().get("/api/v1/assessments/" + id).then().statusCode(404);
        Api.consultant().delete("/api/v1/assessments/" + id).then().statusCode(404);
        List<String> audit = QuarkusTransaction.requiringNew().call(() -> AuditEvent.ofAssessment(id).stream()
                .filter(e -> e.action.equals("assessment.deleted")).map(e -> e.action + ": " + e.detail).toList());
        assertEquals(List.of("assessment.deleted: Deleted the assessment of " + org + " for good, with 1 respondent, "
                + before + " answers, 1 evaluation and 0 approved versions."), audit);
    }

    @Test
    void deleteOnThePageNeedsTheOrganisationsNameTyped() {
        // two spaces, which the page shows as one
        String org = unique() + "  Ltd";
        long id = Api.createAssessment(org);
        String token = Api.addRespondent(id, "OPERATIONS");
        Api.putMany(token, FullSurvey.answers(Role.OPERATIONS, 1, Map.of()).subList(0, 3)).then().statusCode(200);
        String path = "/assessments/" + id + "/delete";
        Response confirm = Api.consultant().get(path);
        confirm.then().statusCode(200).body(containsString("Delete the assessment of " + org + "?"))
                .body(containsString("1 respondent, 3 answers, 0 evaluations and 0 approved versions"));
        Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(confirm.asString());
        assertTrue(m.find());
        String cookie = confirm.getCookie("csrf-token");
        String csrf = m.group(1);

        form(path, cookie, csrf, "Another Org").then().statusCode(422)
                .body(containsString("That is not the organisation&#39;s name: nothing was deleted."));
        assertEquals(1, count("select count(*) from assessment where id = :id", id));
        assertEquals(3, count("select count(*) from answer an join respondent r on r.id = an.respondent_id where r.assessment_id = :id", id));

        form(path, cookie, csrf, "  " + org.replace("  ", " ").toUpperCase() + " ").then().statusCode(303).header("Location", "/?notice=deleted");
        assertEquals(0, count("select count(*) from assessment where id = :id", id));
        assertEquals(0, count("select count(*) from respondent where assessment_id = :id", id));
        Api.consultant().get("/?notice=deleted").then().statusCode(200)
                .body(containsString("The assessment was deleted for good"));
    }

    @Test
    void aConsultantItIsSharedWithIsNotOfferedADeletionTheyMayNotMake() {
        String org = unique() + " Shared";
        long id = Api.createAssessment(org);
        Api.otherConsultant(); // the second consultant's account exists from its first use
        Api.consultant().contentType(ContentType.JSON).put("/api/v1/assessments/" + id + "/shares/" + Api.OTHER_CONSULTANT)
                .then().statusCode(200);
        // the owner is offered it; the consultant it is shared with works on it but is not
        Api.consultant().get("/assessments/" + id).then().statusCode(200)
                .body(containsString("href=\"/assessments/" + id + "/delete\""));
        Api.otherConsultant().get("/assessments/" + id).then().statusCode(200)
                .body(not(containsString("/assessments/" + id + "/delete")))
                .body(containsString("Only its owner or an admin can delete it for good."));
        // nor shown the form that would only end in a refusal
        Api.otherConsultant().get("/assessments/" + id + "/delete").then().statusCode(403)
                .body(not(containsString("name=\"confirm\"")))
                .body(containsString("Only the assessment&#39;s owner or an admin can delete it"));
        Api.otherConsultant().delete("/api/v1/assessments/" + id).then().statusCode(403);
        assertEquals(1, count("select count(*) from assessment where id = :id", id));
    }

    private static Response form(String path, String cookie, String csrf, String confirm) {
        return Api.consultant().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("csrf-token", cookie).formParam("csrf-token", csrf).formParam("confirm", confirm).post(path);
    }

    @Test
    void thePageFiltersSortsAndLinksItsPages() {
        String org = unique();
        for (int i = 0; i < 12; i++) {
            Api.createAssessment(org + " " + (char) ('a' + i));
        }
        String html = Api.consultant().get("/?organisation=" + org + "&sort=organisation&size=5&page=2").then()
                .statusCode(200).extract().asString();
        assertTrue(html.contains("12 assessments, page 2 of 3."), html);
        assertTrue(html.contains("data-label=\"Respondents\"><span class=\"muted\">none added yet</span>"), "empty progress");
        assertTrue(html.contains(">" + org + " f</a>") && html.contains(">" + org + " j</a>"));
        assertTrue(!html.contains(">" + org + " e</a>") && !html.contains(">" + org + " k</a>"));
        assertTrue(html.contains("href=\"/?organisation=" + org + "&amp;sort=organisation&amp;page=3&amp;size=5\""), "next page link");
        assertTrue(html.contains("<option value=\"organisation\" selected>"), "the sort chosen stays selected");
        Api.consultant().get("/?organisation=" + org + "zzz").then().statusCode(200)
                .body(containsString("No assessment matches these filters."));
    }

    @Test
    void aPageCostsTheSameFewStatementsWhateverItsSize() {
        String org = unique();
        for (int i = 0; i < 100; i++) {
            long id = Api.createAssessment(org + " " + i);
            if (i % 10 == 0) {
                Api.addRespondent(id, "BUSINESS");
            }
        }
        // Hibernate's statistics count every thread's statements: the provisioning follower's tick
        // (every 200 ms in tests) would be counted as the page's, so no scheduled job runs meanwhile
        scheduler.pause();
        try {
            countStatements(org);
        } finally {
            scheduler.resume();
        }
    }

    private void countStatements(String org) {
        var stats = sessions.getStatistics();
        stats.setStatisticsEnabled(true);
        pauseForTickUnderWay();
        long[] api = new long[2];
        long[] page = new long[2];
        int[] sizes = {10, 100};
        for (int i = 0; i < 2; i++) {
            int size = sizes[i];
            // the fewer of two tries: the login's periodic bookkeeping (a few statements at most once
            // in a while) may fall on either request, and is not the page's cost
            api[i] = Math.min(statements(stats, () -> assertEquals(size,
                    list("?organisation=" + org + "&size=" + size).getList("items").size())),
                    statements(stats, () -> list("?organisation=" + org + "&size=" + size)));
            page[i] = Math.min(statements(stats, () -> Api.consultant().get("/?organisation=" + org + "&size=" + size)
                    .then().statusCode(200)), statements(stats, () -> Api.consultant()
                    .get("/?organisation=" + org + "&size=" + size).then().statusCode(200)));
        }
        // what logging in costs per request (the account looked up), measured on a request refused
        // before the dashboard runs
        long login = Math.min(statements(stats, () -> Api.consultant().get("/api/v1/assessments?size=0").then().statusCode(400)),
                statements(stats, () -> Api.consultant().get("/api/v1/assessments?size=0").then().statusCode(400)));
        assertEquals(api[0], api[1], "API statements at size 10 and 100");
        assertEquals(page[0], page[1], "page statements at size 10 and 100");
        assertEquals(2, api[0] - login, "the page and its count (besides " + login + " for the login)");
        assertEquals(2, page[0] - login, "the page and its count (besides " + login + " for the login)");
    }

    /** A tick that began before the pause finishes its few statements well within this. */
    private static void pauseForTickUnderWay() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long statements(org.hibernate.stat.Statistics stats, Runnable request) {
        stats.clear();
        request.run();
        return stats.getPrepareStatementCount();
    }

    @Test
    void beyondTenThousandTheListSaysMoreThanAndStillLinksTheNextPage() {
        String org = unique();
        list("?size=1"); // the test consultant's account exists from its first request on
        // 10,001 assessments of one organisation owned by the consultant, straight into the tables
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                with o as (insert into organisation (id, name, created_at)
                           values (nextval('organisation_seq') + 500000, :org, now()) returning id)
                insert into assessment (id, organisation_id, questionnaire_key, questionnaire_version, created_at, version, owner_id)
                select 900000000 + g, o.id, 'devops-maturity', 2, now() - g * interval '1 second', 0,
                       (select id from account where username = :owner)
                from o, generate_series(1, 10001) g""").setParameter("org", org).setParameter("owner", Api.CONSULTANT)
                .executeUpdate());
        try {
            JsonPath first = list("?organisation=" + org);
            assertEquals(10_000, first.getLong("totalItems"), "counted up to the cap");
            assertEquals(false, first.getBoolean("totalExact"));
            assertEquals(20, first.getList("items").size());
            // the last page is not known: page 501 holds the 10,001st, and says a later page does not exist
            JsonPath last = list("?organisation=" + org + "&page=501");
            assertEquals(List.of(900_010_001L), last.getList("items.id", Long.class));
            assertEquals(501, last.getInt("totalPages"));
            JsonPath deep = list("?organisation=" + org + "&page=400");
            assertEquals(500, deep.getInt("totalPages"), "the pages of the first 10,000 are known to exist");
            assertEquals(0, list("?organisation=" + org + "&page=502").getList("items").size());
            String html = Api.consultant().get("/?organisation=" + org + "&page=3").then().statusCode(200).extract().asString();
            assertTrue(html.contains("More than 10,000 assessments, page 3."), html);
            assertTrue(html.contains("rel=\"next\" href=\"/?organisation=" + org + "&amp;page=4\""), "next page link");
            assertTrue(!html.contains("&amp;page=500\""), "no link to a last page that is not known");
            // an exact count below the cap is unchanged
            Api.createAssessment(org + "-only");
            JsonPath one = list("?organisation=" + org + "-only");
            assertEquals(1, one.getLong("totalItems"));
            assertEquals(true, one.getBoolean("totalExact"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from assessment where id between 900000001 and 900010001").executeUpdate());
        }
    }
}
