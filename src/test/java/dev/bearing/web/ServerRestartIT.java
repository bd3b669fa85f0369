package dev.bearing.web;

import dev.bearing.support.Api;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Browser;
import dev.bearing.support.DatabaseTestResource;
import dev.bearing.support.PackagedServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The packaged server is killed in the middle of a survey and started again: every answer that
 * showed "Saved" is still there, and the answer given while the server was down is kept by the
 * page, reported as not saved yet, and saved once the server is back.
 */
class ServerRestartIT {

    static final int PORT = 8093;
    final DatabaseTestResource database = new DatabaseTestResource();
    Process server;
    ChromeDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.destroyForcibly();
        }
        database.stop();
    }

    @Test
    void answersThatShowedSavedSurviveAKilledServer() throws Exception {
        Map<String, String> db = database.start();
        java.nio.file.Files.deleteIfExists(java.nio.file.Path.of("target", "server-restart-it.log"));
        server = startServer(db);
        RestAssured.port = PORT;
        long id = Api.consultant().contentType(ContentType.JSON).body(Map.of("organisation", "Restart check"))
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath().getLong("id");
        String token = Api.consultant().contentType(ContentType.JSON).body(Map.of("role", "DEVELOPMENT"))
                .post("/api/v1/assessments/" + id + "/respondents").then().statusCode(201).extract().jsonPath()
                .getString("token");
        String page = "http://localhost:" + PORT + "/survey/" + token + "/s/source_control";

        driver = Browser.start();
        driver.get(page);
        choose("sc.coverage", "everything");
        waitFor(() -> status("sc.coverage").equals("Saved"), 10);

        server.destroyForcibly().waitFor();
        choose("sc.branching", "one_to_two_days");
        waitFor(() -> status("sc.branching").contains("no connection"), 10);

        server = startServer(db);
        waitFor(() -> status("sc.branching").equals("Saved"), 30);
        driver.navigate().refresh();
        assertTrue(checked("sc.coverage", "everything"));
        assertTrue(checked("sc.branching", "one_to_two_days"));
        List<String> keys = given().get("/api/v1/respondents/" + token + "/answers").then().statusCode(200)
                .extract().jsonPath().getList("questionKey");
        assertEquals(List.of("sc.coverage", "sc.branching"), keys);
        // the packaged app made its own session key (none was passed) and never printed it
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target", "server-restart-it.log"));
        assertTrue(log.contains("Listening on"), "the server's log");
        assertTrue(!log.contains("Encryption key was not specified") && !log.contains("temporary key"),
                "no session key in the log");
    }

    private Process startServer(Map<String, String> db) throws IOException, InterruptedException {
        return PackagedServer.start(PORT, db, "target/server-restart-it.log");
    }

    private void choose(String key, String value) {
        Browser.choose(driver, key, value);
    }

    private boolean checked(String key, String value) {
        return Browser.checked(driver, key, value);
    }

    private String status(String key) {
        return Browser.status(driver, key);
    }

    private void waitFor(java.util.function.BooleanSupplier condition, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> condition.getAsBoolean());
    }
}
