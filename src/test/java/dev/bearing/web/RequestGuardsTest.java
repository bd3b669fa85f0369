package dev.bearing.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.questionnaire.Role;
import dev.bearing.support.Api;
import dev.bearing.support.FullSurvey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** CSRF by content type, security headers, caching, Host allow-list, redirects. */
@QuarkusTest
class RequestGuardsTest {

    /** POST with no Content-Type header at all (REST Assured always adds one); returns the status. */
    static int rawPost(String path) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(dev.bearing.support.Server.url() + path))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String submittedAssessmentToken(long id) {
        String t = Api.addRespondent(id, "OPERATIONS");
        Api.putMany(t, FullSurvey.answers(Role.OPERATIONS, 3, Map.of())).then().statusCode(200);
        return t;
    }

    @Test
    void postsWithoutAContentTypeChangeNothing() throws Exception {
        long id = Api.createAssessment("No content type org");
        String t = submittedAssessmentToken(id);
        Api.submit(t).then().statusCode(200);
        // a page form post without Content-Type skipped the CSRF check and evaluated
        org.junit.jupiter.api.Assertions.assertEquals(415, rawPost("/assessments/" + id + "/evaluate"));
        Api.consultant().redirects().follow(false).contentType("text/plain").body("x").post("/assessments/" + id + "/evaluate")
                .then().statusCode(415);
        Api.consultant().redirects().follow(false).multiPart("organisation", "Posted as multipart")
                .post("/assessments").then().statusCode(415);
        Api.consultant().get("/api/v1/assessments/" + id).then().statusCode(200).body("latestEvaluationAt", nullValue());
        // the JSON API takes application/json only; a caller without credentials hears 401 first
        org.junit.jupiter.api.Assertions.assertEquals(401, rawPost("/api/v1/assessments/" + id + "/evaluation"));
        Api.consultant().post("/api/v1/assessments/" + id + "/evaluation").then().statusCode(415)
                .contentType("application/problem+json");
        Api.consultant().contentType("application/x-www-form-urlencoded").post("/api/v1/assessments/" + id + "/evaluation")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
        Api.consultant().contentType("text/plain").body("{\"organisation\":\"x\"}").post("/api/v1/assessments").then().statusCode(415);
        Api.consultant().get("/api/v1/assessments/" + id).then().body("latestEvaluationAt", nullValue());
    }

    @Test
    void anOversizedBodyIsRefusedWithAProblemNamingTheLimitAndChangesNothing() {
        String name = "Oversized body org " + "x".repeat(11 * 1024 * 1024);
        Api.consultant().contentType("application/json").body("{\"organisation\":\"" + name + "\"}")
                .post("/api/v1/assessments")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("errors[0].field", equalTo("body"))
                .body("detail", equalTo("body: the request body is 11.0 MB; at most 10.0 MB is accepted"));
        // a page form gets a page, not JSON
        Api.consultant().redirects().follow(false).formParam("organisation", name).post("/assessments")
                .then().statusCode(413).contentType(containsString("text/html"))
                .body(containsString("This form is too large"));
        Api.consultant().get("/api/v1/assessments?organisation=Oversized body org").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void surveySubmitWithoutContentTypeDoesNotSubmit() throws Exception {
        long id = Api.createAssessment("Submit bypass org");
        String t = submittedAssessmentToken(id);
        org.junit.jupiter.api.Assertions.assertEquals(415, rawPost("/survey/" + t + "/submit"));
        given().contentType("text/plain").post("/api/v1/respondents/" + t + "/submit").then().statusCode(415);
        org.junit.jupiter.api.Assertions.assertEquals(415, rawPost("/api/v1/respondents/" + t + "/submit"));
        Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().body("[0].submittedAt", nullValue());
    }

    @Test
    void everyPageCarriesSecurityHeadersAndIsNeverCached() {
        long id = Api.createAssessment("Headers org");
        String t = Api.addRespondent(id, "BUSINESS");
        String full = submittedAssessmentToken(id);
        Api.submit(full).then().statusCode(200);
        for (String path : new String[] {"/", "/assessments/" + id, "/survey/" + t, "/survey/" + t + "/s/alignment",
                "/survey/" + t + "/review", "/survey/" + full + "/thanks", "/api/v1/respondents/" + t + "/answers", "/login",
                "/account", "/admin/accounts", "/admin/audit"}) {
            boolean consultant = path.equals("/") || path.startsWith("/assessments") || path.startsWith("/account")
                    || path.startsWith("/admin");
            Response r = (consultant ? Api.admin() : given()).redirects().follow(false).get(path);
            r.then().statusCode(200)
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("Cache-Control", equalTo("no-store"))
                    .header("Strict-Transport-Security", nullValue());
            org.junit.jupiter.api.Assertions.assertEquals(1, r.headers().getList("Cache-Control").size(),
                    path + ": Cache-Control sent once");
            String html = r.asString();
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), path + ": inline script");
            assertFalse(html.contains("<style") || Pattern.compile("\\sstyle=").matcher(html).find(), path + ": inline style");
            assertFalse(Pattern.compile("<[^>]*\\son[a-z]+=").matcher(html).find(), path + ": inline handler");
        }
    }

    @Test
    void hstsOnlyWhenServedOverHttps() {
        var plain = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
        RequestGuards.addHeaders(plain, "/survey/x", false);
        assertFalse(plain.contains("Strict-Transport-Security"));
        var tls = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
        RequestGuards.addHeaders(tls, "/survey/x", true);
        assertTrue(tls.get("Strict-Transport-Security").startsWith("max-age=31536000"));
        var asset = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
        RequestGuards.addHeaders(asset, "/assets/survey.js", false);
        assertFalse(asset.contains("Cache-Control"), "static files may be cached");
        var devUi = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
        RequestGuards.addHeaders(devUi, "/q/dev-ui/extensions", false);
        assertTrue(devUi.get("Content-Security-Policy").contains("'unsafe-inline'"), "Dev UI keeps working in dev mode");
        assertTrue(devUi.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }

    @Test
    void unknownHostsAreRefused() {
        Api.consultant().header("Host", "attacker.example").get("/api/v1/assessments").then().statusCode(421)
                .contentType("application/problem+json").body("status", equalTo(421))
                .body(not(containsString("token")));
        given().header("Host", "attacker.example:" + dev.bearing.support.Server.port()).get("/survey/x").then().statusCode(421);
        Api.consultant().header("Host", "localhost:" + dev.bearing.support.Server.port()).get("/api/v1/assessments").then().statusCode(200);
        Api.consultant().header("Host", "127.0.0.1:" + dev.bearing.support.Server.port()).get("/api/v1/assessments").then().statusCode(200);
        Set<String> allowed = RequestGuards.allowedHosts("https://bearing.example.com", Optional.of(Set.of("Intra.Local")));
        assertTrue(RequestGuards.hostAllowed("bearing.example.com", allowed));
        assertTrue(RequestGuards.hostAllowed("BEARING.example.com.:443", allowed));
        assertTrue(RequestGuards.hostAllowed("intra.local", allowed));
        assertTrue(RequestGuards.hostAllowed("[::1]:8080", allowed));
        assertFalse(RequestGuards.hostAllowed("bearing.example.com.attacker.example", allowed));
        assertFalse(RequestGuards.hostAllowed(null, allowed));
    }

    @Test
    void redirectsComeFromThePublicUrlNotTheHostHeader() {
        String t = Api.addRespondent(Api.createAssessment("Redirect org"), "BUSINESS");
        given().redirects().follow(false).header("Host", "127.0.0.1:" + dev.bearing.support.Server.port()).get("/survey/" + t + "/thanks")
                .then().statusCode(303).header("Location", equalTo(dev.bearing.support.Server.url() + "/survey/" + t + "/review"));
        Api.consultant().header("Host", "127.0.0.1:" + dev.bearing.support.Server.port()).contentType("application/json").body(Map.of("organisation", "Loc"))
                .post("/api/v1/assessments").then().statusCode(201).header("Location", startsWith(dev.bearing.support.Server.url() + "/api/v1/assessments/"));
    }

    @Test
    void unknownPagesAndWrongMethodsGetAnHtmlPageAndTheApiProblemJson() {
        String t = Api.addRespondent(Api.createAssessment("Unknown paths org"), "BUSINESS");
        for (String path : new String[] {"/survey/" + t + "/nowhere", "/assessments/1/nowhere"}) {
            given().accept("text/html").get(path).then().statusCode(404).contentType(containsString("text/html"))
                    .body(containsString("There is no page at this address"))
                    .body(not(containsString("Exception")));
        }
        given().accept("text/html").get("/survey/" + t + "/submit").then().statusCode(405)
                .contentType(containsString("text/html"));
        given().get("/api/v1/respondents/" + t + "/nowhere").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
