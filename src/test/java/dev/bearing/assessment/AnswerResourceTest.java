package dev.bearing.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.questionnaire.Role;
import dev.bearing.support.Api;
import dev.bearing.support.FullSurvey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AnswerResourceTest {

    private static String newRespondent(String role) {
        return Api.addRespondent(Api.createAssessment("Answer test org"), role);
    }

    @Test
    void savesEachQuestionTypeAndReadsItBack() {
        String t = newRespondent("DEVELOPMENT");
        Api.put(t, "ci.build_trigger", Map.of("value", "on_every_push")).then().statusCode(200)
                .body("version", equalTo(0)).body("display", containsString("")).body("value", equalTo("on_every_push"));
        Api.put(t, "context.team_skills", Map.of("value", List.of("python", "java"))).then().statusCode(200)
                .body("value", equalTo(List.of("python", "java"))); // question order
        Api.put(t, "align.shared_goals", Map.of("value", 4)).then().statusCode(200).body("display", equalTo("4 of 5"));
        Api.put(t, "context.engineering_headcount", Map.of("value", 120)).then().statusCode(200).body("value", equalTo(120));
        Api.put(t, "context.biggest_obstacle", Map.of("value", "Zoë & Søn <Ltd>")).then().statusCode(200);
        Api.put(t, "cloud.container_platform", Map.of("notApplicable", true)).then().statusCode(200)
                .body("notApplicable", equalTo(true)).body("display", equalTo("Not applicable"));
        Api.answers(t).then().statusCode(200).body("$", hasSize(6))
                .body("find { it.questionKey == 'context.biggest_obstacle' }.value", equalTo("Zoë & Søn <Ltd>"));
    }

    @Test
    void badAnswersAreRefusedNamingTheQuestionAndChangeNothing() {
        String t = newRespondent("DEVELOPMENT");
        Api.put(t, "ci.build_trigger", Map.of("value", "on_every_push")).then().statusCode(200);
        Api.put(t, "ci.no_such_question", Map.of("value", "x")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("ci.no_such_question"));
        Api.put(t, "ci.build_trigger", Map.of("value", "nightly_by_magic", "version", 0)).then().statusCode(400)
                .body("errors[0].field", equalTo("ci.build_trigger"))
                .body("errors[0].message", containsString("nightly_by_magic"));
        Api.put(t, "align.shared_goals", Map.of("value", 6)).then().statusCode(400)
                .body("errors[0].field", equalTo("align.shared_goals"))
                .body("errors[0].message", containsString("between 1 and 5"));
        Api.put(t, "align.shared_goals", Map.of("value", "very")).then().statusCode(400)
                .body("errors[0].message", containsString("whole number"));
        Api.put(t, "ci.build_trigger", Map.of("value", List.of("manual"), "version", 0)).then().statusCode(400)
                .body("errors[0].message", containsString("choice key"));
        Api.put(t, "context.engineering_headcount", Map.of("value", -5)).then().statusCode(400)
                .body("errors[0].field", equalTo("context.engineering_headcount"));
        Api.put(t, "context.biggest_obstacle", Map.of("value", "x".repeat(100_000))).then().statusCode(400)
                .body("errors[0].message", containsString("100000 characters"));
        Api.put(t, "ci.build_trigger", Map.of("notApplicable", true, "version", 0)).then().statusCode(400)
                .body("errors[0].message", containsString("not applicable"));
        Api.put(t, "context.team_skills", Map.of("value", List.of("java"))).then().statusCode(200);
        Api.put(t, "context.cloud_provider", Map.of("value", List.of("aws", "none"))).then().statusCode(400)
                .body("errors[0].field", equalTo("context.cloud_provider"))
                .body("errors[0].message", containsString("cannot be combined"));
        Api.put(t, "context.team_skills", Map.of("value", List.of("java"), "version", 0)).then().statusCode(200);
        // a business-only question is not asked of development
        Api.put(t, "dora.customer_release_frequency", Map.of("value", "weekly_to_monthly")).then().statusCode(400)
                .body("errors[0].message", containsString("Development role"));
        Api.answers(t).then().body("$", hasSize(2))
                .body("find { it.questionKey == 'ci.build_trigger' }.value", equalTo("on_every_push"))
                .body("find { it.questionKey == 'ci.build_trigger' }.version", equalTo(0));
    }

    @Test
    void bulkSaveIsAllOrNothingAndListsEveryBadAnswer() {
        String t = newRespondent("OPERATIONS");
        List<Map<String, Object>> batch = List.of(
                Map.of("questionKey", "ci.build_trigger", "value", "manual"),
                Map.of("questionKey", "align.shared_goals", "value", 9),
                Map.of("questionKey", "sc.coverage", "value", "everything"),
                Map.of("questionKey", "nope.nothing", "value", "x"));
        Api.putMany(t, batch).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("align.shared_goals", "nope.nothing")));
        Api.answers(t).then().body("$", hasSize(0));
        Api.putMany(t, List.of(batch.get(0), batch.get(2))).then().statusCode(200).body("$", hasSize(2));
        Api.putMany(t, List.of()).then().statusCode(400).body("errors[0].field", equalTo("answers"));
    }

    @Test
    void staleSaveIsRefusedAndTheFirstWriterKeepsTheValue() {
        String t = newRespondent("DEVELOPMENT");
        Api.put(t, "sc.branching", Map.of("value", "several_days")).then().statusCode(200).body("version", equalTo(0));
        // both editors now hold version 0; A saves first
        Api.put(t, "sc.branching", Map.of("value", "under_one_day", "version", 0)).then().statusCode(200).body("version", equalTo(1));
        Api.put(t, "sc.branching", Map.of("value", "end_of_project", "version", 0)).then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sc.branching"));
        // a save without version over an existing answer is stale too
        Api.put(t, "sc.branching", Map.of("value", "end_of_project")).then().statusCode(409);
        Api.answers(t).then().body("[0].value", equalTo("under_one_day")).body("[0].version", equalTo(1));
    }

    @Test
    void anUnchangedSaveKeepsItsVersionAndWritesNothing() {
        String t = newRespondent("DEVELOPMENT");
        String saved = Api.put(t, "sc.branching", Map.of("value", "several_days")).then().statusCode(200)
                .body("version", equalTo(0)).extract().jsonPath().getString("updatedAt");
        // the same answer again (a retry, or a second tab re-sending it): same version, not rewritten
        Api.put(t, "sc.branching", Map.of("value", "several_days", "version", 0)).then().statusCode(200)
                .body("version", equalTo(0)).body("updatedAt", equalTo(saved));
        Api.put(t, "sc.branching", Map.of("value", "several_days")).then().statusCode(200).body("version", equalTo(0));
        Api.putMany(t, List.of(Map.of("questionKey", "sc.branching", "value", "several_days", "version", 0)))
                .then().statusCode(200).body("[0].version", equalTo(0));
        // so the other tab, still holding version 0, can change it without a false conflict
        Api.put(t, "sc.branching", Map.of("value", "under_one_day", "version", 0)).then().statusCode(200)
                .body("version", equalTo(1));
        Api.answers(t).then().body("[0].value", equalTo("under_one_day")).body("[0].version", equalTo(1));
    }

    @Test
    void aFollowUpHiddenByItsParentsNewAnswerIsRemovedWithIt() {
        String t = newRespondent("DEVELOPMENT");
        Api.put(t, "ci.build_trigger", Map.of("value", "on_every_push")).then().statusCode(200)
                .body("clearedFollowUps", hasSize(0));
        Api.put(t, "ci.feedback_time", Map.of("value", "under_ten_minutes")).then().statusCode(200);
        // no shared build hides the follow-up: its stored answer goes in the same transaction
        Api.put(t, "ci.build_trigger", Map.of("value", "no_shared_build", "version", 0)).then().statusCode(200)
                .body("clearedFollowUps", hasItems("ci.feedback_time"));
        Api.answers(t).then().body("questionKey", org.hamcrest.Matchers.not(hasItems("ci.feedback_time")));
        // shown again, it is unanswered and can be answered from scratch
        Api.put(t, "ci.build_trigger", Map.of("value", "on_every_push", "version", 1)).then().statusCode(200);
        Api.put(t, "ci.feedback_time", Map.of("value", "ten_to_thirty_minutes")).then().statusCode(200)
                .body("version", equalTo(0));
        // clearing the parent clears its follow-ups too, and the answer says which
        given().accept("application/json").delete("/api/v1/respondents/" + t + "/answers/ci.build_trigger?version=2")
                .then().statusCode(200).body("questionKey", equalTo("ci.build_trigger"))
                .body("clearedFollowUps", hasItems("ci.feedback_time"));
        Api.answers(t).then().body("$", hasSize(0));
        // a refused save clears nothing
        Api.put(t, "ci.build_trigger", Map.of("value", "on_every_push")).then().statusCode(200);
        Api.put(t, "ci.feedback_time", Map.of("value", "under_ten_minutes")).then().statusCode(200);
        Api.putMany(t, List.of(Map.of("questionKey", "ci.build_trigger", "value", "no_shared_build", "version", 0),
                Map.of("questionKey", "sc.branching", "value", "no_such_choice"))).then().statusCode(400);
        Api.answers(t).then().body("questionKey", hasItems("ci.build_trigger", "ci.feedback_time"));
    }

    @Test
    void progressCarriesThePercentAndTheWordsThePagesShow() {
        String t = newRespondent("DEVELOPMENT");
        Api.put(t, "ci.build_trigger", Map.of("value", "on_every_push")).then().statusCode(200);
        JsonPath p = given().get("/api/v1/respondents/" + t + "/progress").then().statusCode(200).extract().jsonPath();
        int answered = p.getInt("requiredAnswered");
        int total = p.getInt("requiredTotal");
        assertEquals(Math.round(100f * answered / total), p.getInt("percent"));
        assertEquals(answered + " of " + total, p.getString("countText"));
        int followUps = p.getInt("requiredFollowUps");
        assertTrue(followUps > 0, "on every push reveals required follow-ups");
        assertEquals(" (+" + followUps + " follow-up question" + (followUps == 1 ? "" : "s") + ")", p.getString("followUpsText"));
        assertEquals(p.getInt("sections.find { it.key == 'continuous_integration' }.requiredAnswered") + "/"
                + p.getInt("sections.find { it.key == 'continuous_integration' }.requiredTotal"),
                p.getString("sections.find { it.key == 'continuous_integration' }.countText"));
        // the page shows the same words the API gives
        String page = given().get("/survey/" + t + "/s/continuous_integration").asString();
        assertTrue(page.contains(p.getString("countText") + "</span> required"), "overall count on the page");
        assertTrue(page.contains(p.getString("followUpsText").strip()), "follow-up words on the page");
    }

    @Test
    void submitListsEveryMissingRequiredAnswerThenRecordsOneSubmission() {
        long id = Api.createAssessment("Submit test org");
        String t = Api.addRespondent(id, "BUSINESS");
        JsonPath missing = Api.submit(t).then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();
        List<String> fields = missing.getList("errors.field");
        int required = Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().extract().jsonPath()
                .getInt("[0].requiredVisible");
        assertEquals(required, fields.size(), "every missing required question is listed");
        assertTrue(fields.containsAll(List.of("align.priorities", "align.sponsor")), fields.toString());

        Api.putMany(t, FullSurvey.answers(Role.BUSINESS, 2, Map.of())).then().statusCode(200);
        String first = Api.submit(t).then().statusCode(200).body("alreadySubmitted", equalTo(false))
                .extract().jsonPath().getString("submittedAt");
        Api.submit(t).then().statusCode(200).body("alreadySubmitted", equalTo(true)).body("submittedAt", equalTo(first));
        Api.put(t, "align.sponsor", Map.of("value", "none", "version", 0)).then().statusCode(409)
                .body("detail", containsString("submitted"));
        Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then()
                .body("[0].submittedAt", equalTo(first)).body("[0].requiredAnswered", equalTo(required));
    }

    @Test
    void twoSubmitsAtOnceRecordOneSubmissionWithOneTimestamp() throws Exception {
        long id = Api.createAssessment("Race org");
        String t = Api.addRespondent(id, "OPERATIONS");
        Api.putMany(t, FullSurvey.answers(Role.OPERATIONS, 3, Map.of())).then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> Api.submit(t).then().statusCode(200).extract().jsonPath().getString("submittedAt"));
        }
        List<String> times = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(calls)) {
            times.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, times.stream().distinct().count(), times.toString());
    }

    @Test
    void clearingAnAnswerNeedsItsVersionAndProgressFollows() {
        String t = newRespondent("DEVELOPMENT");
        int before = given().get("/api/v1/respondents/" + t + "/progress").then().statusCode(200)
                .body("role", equalTo("Development")).extract().jsonPath().getInt("requiredAnswered");
        Api.put(t, "sc.coverage", Map.of("value", "everything")).then().statusCode(200);
        given().get("/api/v1/respondents/" + t + "/progress").then()
                .body("requiredAnswered", equalTo(before + 1))
                .body("sections.find { it.key == 'source_control' }.requiredAnswered", equalTo(1));
        given().delete("/api/v1/respondents/" + t + "/answers/sc.coverage").then().statusCode(400)
                .body("errors[0].field", equalTo("version"))
                .body("errors[0].message", startsWith("is required to clear an answer"));
        for (String notAVersion : List.of("abc", "-1", "1.0", "2147483648")) {
            given().delete("/api/v1/respondents/" + t + "/answers/sc.coverage?version=" + notAVersion).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("version"))
                    .body("errors[0].message", startsWith("must be the stored answer's version"));
        }
        Api.answers(t).then().body("$", hasSize(1));
        given().delete("/api/v1/respondents/" + t + "/answers/sc.coverage?version=7").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sc.coverage"));
        given().delete("/api/v1/respondents/" + t + "/answers/sc.coverage?version=0").then().statusCode(200)
                .body("clearedFollowUps", hasSize(0));
        Api.answers(t).then().body("$", hasSize(0));
        given().get("/api/v1/respondents/" + t + "/progress").then().body("requiredAnswered", equalTo(before));
    }

    @Test
    void unknownTokenIs404AndRevealsNothing() {
        String fake = "A".repeat(43);
        Api.answers(fake).then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Survey link does not exist."));
        Api.put(fake, "ci.build_trigger", Map.of("value", "manual")).then().statusCode(404);
        Api.submit(fake).then().statusCode(404);
    }

    @Test
    void hiddenQuestionsDoNotCountAsMissing() {
        String t = newRespondent("DEVELOPMENT");
        Map<String, Object> sheet = new HashMap<>();
        List<Map<String, Object>> all = FullSurvey.answers(Role.DEVELOPMENT, 0, Map.of());
        // a level-0 CI answer ("no shared build") hides the follow-up CI questions
        List<String> keys = all.stream().map(m -> (String) m.get("questionKey")).toList();
        Api.putMany(t, all).then().statusCode(200);
        Api.submit(t).then().statusCode(200);
        assertTrue(!keys.contains("ci.feedback_time"), "follow-up hidden by branching was not required: " + keys);
        sheet.clear();
    }
}
