package dev.bearing.report;

import dev.bearing.support.Api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.questionnaire.Role;
import dev.bearing.support.DatabaseTestResource;
import dev.bearing.support.FullSurvey;
import dev.bearing.support.PackagedServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A large assessment (150 respondents, about 55 answers each, two of them 1,500-character texts)
 * exported eight times at once by a
 * server with a 512 MB heap: every request gets its PDF or a 503 with Retry-After, and the
 * server never runs out of memory. Two renders run at once; the others wait for a slot and then
 * find the report in the cache (the same data renders once).
 */
class ReportLoadIT {

    static final int PORT = 8094;
    final DatabaseTestResource database = new DatabaseTestResource();
    Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
        database.stop();
    }

    @Test
    void eightLargeExportsAtOnceFinishOrAreToldToRetry() throws Exception {
        Path log = Path.of("target/report-load-it.log");
        Files.deleteIfExists(log);
        server = PackagedServer.start(PORT, database.start(), log.toString(), "-Xmx512m");
        RestAssured.port = PORT;
        long id = Api.consultant().contentType(ContentType.JSON).body(Map.of("organisation", "Large export check"))
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath().getLong("id");
        Role[] roles = Role.values();
        List<List<Map<String, Object>>> sheets = new ArrayList<>();
        var text = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        String longAnswer = "Release approvals wait for the weekly change board; hotfixes need a director's sign-off. ".repeat(17);
        for (Role role : roles) {
            for (int level = 0; level <= 4; level++) {
                // both free-text questions answered at length: heavier in the PDF than many short choices
                sheets.add(FullSurvey.answers(role, Math.max(level, 2), Map.of(
                        "context.biggest_obstacle", text.textNode(longAnswer),
                        "context.one_change", text.textNode(longAnswer))));
            }
        }
        int answers = 0;
        for (int i = 0; i < 150; i++) {
            Role role = roles[i % 3];
            String token = Api.consultant().contentType(ContentType.JSON).body(Map.of("role", role.name(), "name", "Respondent " + i))
                    .post("/api/v1/assessments/" + id + "/respondents").then().statusCode(201).extract().jsonPath()
                    .getString("token");
            List<Map<String, Object>> sheet = sheets.get((i % 3) * 5 + (i / 3) % 5);
            answers += sheet.size();
            given().contentType(ContentType.JSON).body(Map.of("answers", sheet))
                    .put("/api/v1/respondents/" + token + "/answers").then().statusCode(200);
            given().contentType(ContentType.JSON).post("/api/v1/respondents/" + token + "/submit").then().statusCode(200);
        }
        assertTrue(answers > 150 * 50, "a large assessment: " + answers + " answers");
        Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/" + id + "/evaluation").then().statusCode(201)
                .body("result.respondents.BUSINESS", org.hamcrest.Matchers.equalTo(50));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Response>> exports = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            exports.add(() -> Api.consultant().get("/api/v1/assessments/" + id + "/report.pdf"));
        }
        int pdfs = 0;
        for (Future<Response> f : pool.invokeAll(exports)) {
            Response r = f.get();
            if (r.statusCode() == 200) {
                assertEquals("application/pdf", r.contentType());
                assertTrue(r.asByteArray().length > 100_000, "a full report");
                pdfs++;
            } else {
                assertEquals(503, r.statusCode(), r.asString());
                assertNotNull(r.header("Retry-After"), "a busy answer says when to retry");
            }
        }
        pool.shutdown();
        assertTrue(pdfs >= 2, "the render slots produce their reports: " + pdfs);
        assertTrue(server.isAlive(), "the server is still running");
        given().get("/q/health/live").then().statusCode(200);
        assertFalse(Files.readString(log).contains("OutOfMemoryError"), "no OutOfMemoryError in " + log);
    }
}
