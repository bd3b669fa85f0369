package dev.bearing.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.bearing.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input that is not exactly what the API takes is refused with a problem naming the field; nothing is stored. */
@QuarkusTest
class StrictInputTest {

    private static long assessments() {
        return Api.consultant().get("/api/v1/assessments").then().extract().jsonPath().getLong("totalItems");
    }

    private static void refusedCreate(String body, String field) {
        long before = assessments();
        Api.consultant().contentType("application/json").body(body).post("/api/v1/assessments").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field))
                .body("type", equalTo(dev.bearing.common.ProblemTypes.INVALID_VALUE));
        org.junit.jupiter.api.Assertions.assertEquals(before, assessments(), body + " stored nothing");
    }

    @Test
    void wrongJsonTypesDuplicateKeysAndTrailingGarbageAreRefused() {
        refusedCreate("{\"organisation\": 42}", "organisation");
        refusedCreate("{\"organisation\": true}", "organisation");
        refusedCreate("{\"organisation\": \"Acme\", \"questionnaireVersion\": 0.9}", "questionnaireVersion");
        refusedCreate("{\"organisation\": \"Acme\", \"questionnaireVersion\": \"1\"}", "questionnaireVersion");
        refusedCreate("{\"organisation\": \"Acme\", \"organisation\": \"Evil\"}", "organisation");
        refusedCreate("{\"organization\": \"Acme\"}", "organization");
        refusedCreate("{\"organisation\": \"Acme\"} trailing", "body");
        refusedCreate("{\"organisation\": \"Acme\"}{\"organisation\": \"Again\"}", "body");

        long id = Api.createAssessment("Strict org");
        Api.consultant().contentType("application/json").body("{\"role\": 1}").post("/api/v1/assessments/" + id + "/respondents")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("role"));
        Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().body("$", hasSize(0));
        // the messages say what is wrong with the field, not only where
        Api.consultant().contentType("application/json").body("{\"organisation\": \"Acme\", \"organisation\": \"Evil\"}")
                .post("/api/v1/assessments").then().statusCode(400)
                .body("detail", equalTo("organisation is given twice; give each field once"));
        Api.consultant().contentType("application/json").body("{\"organization\": \"Acme\"}")
                .post("/api/v1/assessments").then().statusCode(400)
                .body("detail", containsString("organization is not a field of this request; its fields are "))
                .body("detail", containsString("organisation"));
    }

    @Test
    void answerVersionMustBeAWholeNumberAndKeysUnique() {
        String t = Api.addRespondent(Api.createAssessment("Strict answers"), "DEVELOPMENT");
        Api.put(t, "sc.coverage", "{\"value\": \"everything\", \"version\": 0.9}").then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        Api.put(t, "sc.coverage", "{\"value\": \"everything\", \"value\": \"nothing\"}").then().statusCode(400);
        Api.put(t, "sc.coverage", "{\"value\": \"everything\"} x").then().statusCode(400);
        Api.put(t, "sc.coverage", "{\"value\": \"everything\", \"notApplicable\": 0}").then().statusCode(400)
                .body("errors[0].field", equalTo("notApplicable"));
        Api.answers(t).then().body("$", hasSize(0));
    }

    @Test
    void scaleValuesOutsideTheIntegerRangeAreRefusedNotWrapped() {
        String t = Api.addRespondent(Api.createAssessment("Overflow org"), "DEVELOPMENT");
        for (String v : new String[] {"4294967297", "18446744073709551620", "-4294967295", "3.0", "1e0"}) {
            Api.put(t, "align.shared_goals", "{\"value\": " + v + "}").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("align.shared_goals"));
        }
        Api.answers(t).then().body("$", hasSize(0));
        Api.put(t, "align.shared_goals", Map.of("value", 4)).then().statusCode(200);
    }

    @Test
    void aCountOfPeopleIsAWholeNumber() {
        String t = Api.addRespondent(Api.createAssessment("Half a person org"), "DEVELOPMENT");
        Api.put(t, "context.engineering_headcount", Map.of("value", 2.5)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("context.engineering_headcount"))
                .body("errors[0].message", equalTo("must be a whole number of people, was 2.5"));
        Api.answers(t).then().body("$", hasSize(0));
        Api.put(t, "context.engineering_headcount", Map.of("value", 40)).then().statusCode(200);
        Api.put(t, "context.engineering_headcount", Map.of("value", 40.0, "version", 1)).then().statusCode(200);
    }

    @Test
    void answersToHiddenFollowUpsAreRefused() {
        String t = Api.addRespondent(Api.createAssessment("Hidden follow-up org"), "DEVELOPMENT");
        // ci.feedback_time follows up ci.build_trigger and is hidden when there is no shared build
        Api.put(t, "ci.build_trigger", Map.of("value", "no_shared_build")).then().statusCode(200);
        Api.put(t, "ci.feedback_time", Map.of("value", "under_ten_minutes")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(dev.bearing.common.ProblemTypes.NOT_VISIBLE))
                .body("errors[0].field", equalTo("ci.feedback_time"))
                .body("errors[0].message", containsString("not shown"));
        Api.answers(t).then().body("$", hasSize(1));
        // in one request with the answer that reveals it, it is accepted
        Api.putMany(t, java.util.List.of(Map.of("questionKey", "ci.build_trigger", "value", "on_every_push", "version", 0),
                Map.of("questionKey", "ci.feedback_time", "value", "under_ten_minutes"))).then().statusCode(200);
    }

    /**
     * PostgreSQL stores no NUL character (U+0000) in text. A NUL in any text field, a form's or the
     * API's, is answered with a 400 that says so, never a 500, and stores nothing; a login or a
     * share naming a user with one is an unknown user.
     */
    @Test
    void aNulCharacterInTextIsRefusedCalmlyAndStoresNothing() {
        // the API: an account's display name
        Api.admin().contentType("application/json")
                .body(Map.of("username", "nul-person", "displayName", "Nul\u0000Person", "role", "CONSULTANT"))
                .post("/api/v1/admin/accounts").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(dev.bearing.common.ProblemTypes.INVALID_VALUE))
                .body("detail", containsString("NUL character (U+0000)"))
                .body("errors[0].field", equalTo("displayName"));
        Api.admin().get("/api/v1/admin/accounts").then().statusCode(200)
                .body("findAll { it.username == 'nul-person' }", hasSize(0));
        // sharing with a username that has one: no such account, named by its field
        long id = Api.createAssessment("Nul share org");
        Api.consultant().contentType("application/json").put("/api/v1/assessments/" + id + "/shares/a%00b").then()
                .statusCode(400).body("errors[0].field", equalTo("username"));
        // a page form: a personal API token's name
        io.restassured.filter.cookie.CookieFilter cookies = new io.restassured.filter.cookie.CookieFilter();
        io.restassured.response.Response loggedIn = given().filter(cookies).redirects().follow(false)
                .contentType(io.restassured.http.ContentType.URLENC).formParam("j_username", Api.CONSULTANT)
                .formParam("j_password", Api.CONSULTANT_PASSWORD).post("/j_security_check");
        org.junit.jupiter.api.Assertions.assertEquals(302, loggedIn.statusCode());
        String account = given().filter(cookies).get("/account").then().statusCode(200).extract().asString();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(account);
        org.junit.jupiter.api.Assertions.assertTrue(csrf.find(), "the account page has its anti-forgery token");
        given().filter(cookies).redirects().follow(false).header("Sec-Fetch-Site", "same-origin")
                .contentType(io.restassured.http.ContentType.URLENC).formParam("csrf-token", csrf.group(1))
                .formParam("name", "nulcheck\u0000export").post("/account/tokens").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("NUL character (U+0000)"))
                .body(containsString("New token named")).body(containsString("nothing was saved"));
        org.junit.jupiter.api.Assertions.assertFalse(given().filter(cookies).get("/account").asString().contains("nulcheck"),
                "no token was created");
        // the login form: a username with a NUL is a failed login, not an error
        String failed = given().redirects().follow(false).contentType(io.restassured.http.ContentType.URLENC)
                .formParam("j_username", "ca\u0000sey").formParam("j_password", "whatever-it-is")
                .post("/j_security_check").then().statusCode(org.hamcrest.Matchers.oneOf(302, 303)).extract().header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(failed.endsWith("/login/failed"), failed);
        // the audit log keeps both attempts as made, the NUL and a right-to-left override written out,
        // so a username tried as U+202E + "nimda" cannot pass for a failed login of "admin"
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("j_username", "\u202Enimda").formParam("j_password", "whatever-it-is")
                .post("/j_security_check").then().statusCode(org.hamcrest.Matchers.oneOf(302, 303));
        String audit = Api.admin().get("/admin/audit").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(audit.contains("ca\\u0000sey"), "the NUL login attempt is in the log");
        org.junit.jupiter.api.Assertions.assertTrue(audit.contains("\\u202Enimda"), "the override is shown, not applied");
        org.junit.jupiter.api.Assertions.assertFalse(audit.contains("\u202E"), "no bidirectional override reaches the page");
    }
}
