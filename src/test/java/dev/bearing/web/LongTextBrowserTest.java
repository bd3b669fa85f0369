package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bearing.questionnaire.Role;
import dev.bearing.support.Api;
import dev.bearing.support.Browser;
import dev.bearing.support.FullSurvey;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Long strings without a space (a pasted URL as an organisation name, an answer, a note) wrap
 * inside the page on a desktop window instead of widening it (hostile-inputs.md: "inside the
 * margins, nothing lost").
 */
@QuarkusTest
class LongTextBrowserTest {

    /** 200 characters (the longest organisation name) and 400 characters, no space. */
    static final String URL200 = "https://example.org/" + "a1b2c3d4e5".repeat(18);
    static final String URL400 = "https://example.org/" + "f6g7h8i9j0".repeat(38);

    @TestHTTPResource("/")
    URL base;

    ChromeDriver driver;

    @RegisterExtension
    final Browser.Session browser = new Browser.Session();

    @Test
    void longUnbrokenStringsWrapInsideADesktopWindow() {
        long id = Api.createAssessment(URL200);
        var created = Api.consultant().contentType(ContentType.JSON).body(Map.of("role", "DEVELOPMENT", "name", URL200))
                .post("/api/v1/assessments/" + id + "/respondents").then().statusCode(201).extract().jsonPath();
        long rid = created.getLong("id");
        String token = created.getString("token");
        Map<String, JsonNode> keep = new LinkedHashMap<>();
        var f = JsonNodeFactory.instance;
        keep.put("current.source_control", f.arrayNode().add("other"));
        keep.put("current.source_control_other", f.textNode(URL400));
        Api.putMany(token, FullSurvey.answers(Role.DEVELOPMENT, 2, keep)).then().statusCode(200);
        Api.submit(token).then().statusCode(200);
        String respondent = "/api/v1/assessments/" + id + "/respondents/" + rid;
        // a reopen note goes into the audit log; then submitted again and evaluated
        Api.consultant().contentType(ContentType.JSON).body(Map.of("note", URL400)).post(respondent + "/reopen")
                .then().statusCode(200);
        Api.submit(token).then().statusCode(200);
        Api.consultant().contentType(ContentType.JSON).body("{}").post("/api/v1/assessments/" + id + "/evaluation")
                .then().statusCode(201);
        Api.consultant().contentType(ContentType.JSON).body(Map.of("kind", "roadmap-add", "title", URL200, "phase", 2,
                "owner", "Head of Operations", "effort", "2 days", "note", URL400))
                .post("/api/v1/assessments/" + id + "/review/edits").then().statusCode(201);

        driver = browser.start();
        Browser.login(driver, base, Api.CONSULTANT, Api.CONSULTANT_PASSWORD);
        Map<String, Long> tooWide = new LinkedHashMap<>();
        for (String page : List.of("assessments/" + id, "assessments/" + id + "/review",
                "assessments/" + id + "/respondents/" + rid)) {
            check(page, tooWide);
        }
        driver.quit();
        driver = browser.start();
        Browser.login(driver, base, Api.ADMIN, Api.ADMIN_PASSWORD);
        check("admin/audit", tooWide);
        assertEquals(Map.of(), tooWide, "pages wider than the 1280 px window (px of sideways scrolling)");
    }

    private void check(String page, Map<String, Long> tooWide) {
        driver.get(base + page);
        Browser.screenshot(driver, "long-text-" + page.replaceAll("[^a-z]+", "-"));
        long overflow = ((Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
        if (overflow > 0) {
            tooWide.put(page.replaceAll("\\d+", "{id}"), overflow);
        }
        String text = driver.findElement(By.tagName("main")).getText().replaceAll("\\s", "");
        assertTrue(text.contains(URL200), page + ": the long name is shown whole");
    }
}
