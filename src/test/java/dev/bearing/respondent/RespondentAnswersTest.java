package dev.bearing.respondent;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.questionnaire.Role;
import dev.bearing.security.AuditEvent;
import dev.bearing.support.Api;
import dev.bearing.support.FullSurvey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The consultant reads answers, reopens a survey, and chooses whom an evaluation includes. */
@QuarkusTest
class RespondentAnswersTest {

    record Created(long id, String token) {
    }

    static Created respondent(long assessmentId, String role, String name) {
        var r = Api.consultant().contentType(ContentType.JSON).body(Map.of("role", role, "name", name))
                .post("/api/v1/assessments/" + assessmentId + "/respondents").then().statusCode(201).extract().jsonPath();
        return new Created(r.getLong("id"), r.getString("token"));
    }

    static Created submitted(long assessmentId, Role role, int level, String name) {
        Created c = respondent(assessmentId, role.name(), name);
        Api.putMany(c.token(), FullSurvey.answers(role, level, Map.of())).then().statusCode(200);
        Api.submit(c.token()).then().statusCode(200);
        return c;
    }

    @Test
    void theAnswersPageShowsUnsubmittedAnswersWithFreeTextHighlightedAndEscaped() {
        long id = Api.createAssessment("Answers page org");
        Created c = respondent(id, "OPERATIONS", "Night shift lead");
        Api.put(c.token(), "ci.build_trigger", Map.of("value", "on_every_push")).then().statusCode(200);
        Api.put(c.token(), "context.biggest_obstacle", Map.of("value", "Change board <b>every</b> Tuesday")).then()
                .statusCode(200);

        Api.consultant().get("/api/v1/assessments/" + id + "/respondents/" + c.id() + "/answers").then().statusCode(200)
                .body("respondent.submittedAt", nullValue())
                .body("sections.questions.flatten().find { it.questionKey == 'context.biggest_obstacle' }.freeText", equalTo(true))
                .body("sections.questions.flatten().find { it.questionKey == 'context.biggest_obstacle' }.answer",
                        equalTo("Change board <b>every</b> Tuesday"))
                .body("sections.questions.flatten().find { it.questionKey == 'ci.build_trigger' }.answer", not(nullValue()));

        String html = Api.consultant().get("/assessments/" + id + "/respondents/" + c.id()).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("Not submitted yet: these are the answers saved so far."), html);
        assertTrue(html.contains("<dd class=\"free-text\"><span class=\"free-text-label\">In their words:</span> "
                + "Change board &lt;b&gt;every&lt;/b&gt; Tuesday</dd>"), html);
        assertTrue(html.contains("Not answered"));
        assertTrue(!html.contains("Reopen the survey"), "nothing to reopen before submit");
        // a respondent of another assessment is not found through this one
        long other = Api.createAssessment("Other answers org");
        Api.consultant().get("/assessments/" + other + "/respondents/" + c.id()).then().statusCode(404)
                .contentType(containsString("text/html"));
        Api.consultant().get("/api/v1/assessments/" + other + "/respondents/" + c.id() + "/answers").then().statusCode(404);
    }

    @Test
    void reopeningASubmittedSurveyNeedsANoteIsAuditedAndLetsTheRespondentSubmitAgain() {
        long id = Api.createAssessment("Reopen org");
        Created c = submitted(id, Role.DEVELOPMENT, 2, "Backend lead");
        String reopen = "/api/v1/assessments/" + id + "/respondents/" + c.id() + "/reopen";
        Api.consultant().contentType(ContentType.JSON).body(Map.of("note", " ")).post(reopen).then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        Api.put(c.token(), "ci.build_trigger", Map.of("value", "on_every_push", "version", 0)).then().statusCode(409);

        Api.consultant().contentType(ContentType.JSON).body(Map.of("note", "Answered for the wrong team; asked to correct CI answers"))
                .post(reopen).then().statusCode(200).body("submittedAt", nullValue()).body("reopenedAt", not(nullValue()));
        Api.consultant().contentType(ContentType.JSON).body(Map.of("note", "again")).post(reopen).then().statusCode(409);
        assertTrue(audit(id).stream().anyMatch(e -> e.action.equals("respondent.reopened")
                && e.detail.contains("Note: Answered for the wrong team; asked to correct CI answers")));
        // the submission time reads as on the pages ("2 December 2026 at 10:41 UTC"), not as ISO 8601
        String reopened = audit(id).stream().filter(e -> e.action.equals("respondent.reopened")).findFirst().orElseThrow().detail;
        assertTrue(reopened.matches(".*, submitted \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2} UTC\\. Note: .*"), reopened);

        // the respondent's welcome page says so, and that the earlier answers are kept
        String welcome = io.restassured.RestAssured.given().get("/survey/" + c.token()).then().statusCode(200).extract().asString();
        assertTrue(welcome.contains("Your survey was reopened</strong> on <time"), welcome);
        assertTrue(welcome.contains("Your earlier answers are kept</strong>"), welcome);
        assertTrue(java.util.regex.Pattern.compile("(\\d+) of\\s+\\1 required questions are answered").matcher(welcome).find(),
                "all required answers still there: " + welcome);
        assertTrue(!welcome.contains("Welcome back."), "not the ordinary welcome back");
        String started = Api.addRespondent(id, "DEVELOPMENT");
        Api.put(started, "ci.build_trigger", Map.of("value", "on_every_push")).then().statusCode(200);
        String ordinary = io.restassured.RestAssured.given().get("/survey/" + started).then().statusCode(200).extract().asString();
        assertTrue(ordinary.contains("Welcome back.") && !ordinary.contains("reopened"), "a survey never reopened: " + ordinary);

        // the respondent changes an answer with the same link and submits again
        int version = Api.answers(c.token()).then().statusCode(200).extract()
                .path("find { it.questionKey == 'ci.build_trigger' }.version");
        Api.put(c.token(), "ci.build_trigger", Map.of("value", "on_every_push", "version", version)).then().statusCode(200);
        Api.submit(c.token()).then().statusCode(200).body("alreadySubmitted", equalTo(false));
        Api.consultant().get("/api/v1/assessments/" + id + "/respondents/" + c.id() + "/answers").then()
                .body("respondent.submittedAt", not(nullValue()));
    }

    @Test
    void reopeningFromThePageRequiresANoteOnThePage() {
        long id = Api.createAssessment("Reopen page org");
        Created c = submitted(id, Role.BUSINESS, 3, "CFO");
        String path = "/assessments/" + id + "/respondents/" + c.id();
        Pages.Form f = Pages.csrf(path);
        Pages.post(path + "/reopen", f, "note", "").then().statusCode(422)
                .body(containsString("Write a short note saying why the survey is reopened"));
        Pages.post(path + "/reopen", f, "note", "Business answers predate the reorganisation").then().statusCode(303)
                .header("Location", path);
        Api.consultant().get(path).then().body(containsString("Not submitted yet")).body(not(containsString("Reopen the survey")));
    }

    @Test
    void anEvaluationIncludesOnlyTheChosenSubmittedRespondents() {
        long id = Api.createAssessment("Subset org");
        Created business = submitted(id, Role.BUSINESS, 4, "COO");
        Created dev = submitted(id, Role.DEVELOPMENT, 1, "Dev lead");
        Created ops = submitted(id, Role.OPERATIONS, 1, "Ops lead");
        Created unfinished = respondent(id, "OPERATIONS", "Late ops");
        String evaluate = "/api/v1/assessments/" + id + "/evaluation";

        Api.consultant().contentType(ContentType.JSON).post(evaluate).then().statusCode(201)
                .body("respondentsIncluded", equalTo(3)).body("result.respondents.OPERATIONS", equalTo(1));
        Api.consultant().contentType(ContentType.JSON).body(Map.of("respondents", List.of(business.id(), dev.id())))
                .post(evaluate).then().statusCode(201)
                .body("respondentsIncluded", equalTo(2))
                .body("result.respondents.BUSINESS", equalTo(1))
                .body("result.respondents.OPERATIONS", nullValue());
        Api.consultant().get(evaluate).then().body("respondentsIncluded", equalTo(2));
        Api.consultant().contentType(ContentType.JSON).body(Map.of("respondents", List.of(unfinished.id())))
                .post(evaluate).then().statusCode(400).body("errors[0].field", equalTo("respondents"))
                .body("errors[0].message", containsString("has not submitted"));
        Api.consultant().contentType(ContentType.JSON).body(Map.of("respondents", List.of()))
                .post(evaluate).then().statusCode(400).body("errors[0].field", equalTo("respondents"));
        Api.consultant().get(evaluate).then().body("respondentsIncluded", equalTo(2));

        // the page: one checkbox per submitted respondent, ticked; posting one includes one
        String page = "/assessments/" + id;
        String html = Api.consultant().get(page).then().statusCode(200).extract().asString();
        for (Created c : List.of(business, dev, ops)) {
            assertTrue(html.contains("name=\"respondent\" value=\"" + c.id() + "\" checked"), "checkbox for " + c.id());
        }
        assertTrue(!html.contains("name=\"respondent\" value=\"" + unfinished.id() + "\""), "no checkbox for the unfinished");
        Pages.Form f = Pages.csrf(page);
        Pages.post(page + "/evaluate", f).then().statusCode(422)
                .body(containsString("Tick at least one submitted respondent"));
        Pages.post(page + "/evaluate", f, "respondent", String.valueOf(ops.id())).then().statusCode(303);
        Api.consultant().get(evaluate).then().body("respondentsIncluded", equalTo(1))
                .body("result.respondents.OPERATIONS", equalTo(1)).body("result.respondents.BUSINESS", nullValue());
    }

    @Transactional
    List<AuditEvent> audit(long assessmentId) {
        return AuditEvent.ofAssessment(assessmentId);
    }

    /** Page form helpers: the CSRF token from a page, then a form post. */
    static final class Pages {
        record Form(String cookie, String token) {
        }

        static Form csrf(String path) {
            Response page = Api.consultant().redirects().follow(false).get(path);
            Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
            assertTrue(m.find(), "the page " + path + " carries a CSRF token");
            return new Form(page.getCookie("csrf-token"), m.group(1));
        }

        static Response post(String path, Form f, Object... fields) {
            var spec = Api.consultant().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .cookie("csrf-token", f.cookie()).formParam("csrf-token", f.token());
            for (int i = 0; i < fields.length; i += 2) {
                spec = spec.formParam((String) fields[i], fields[i + 1]);
            }
            return spec.post(path);
        }
    }
}
