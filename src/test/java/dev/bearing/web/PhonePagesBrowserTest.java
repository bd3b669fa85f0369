package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.assessment.DemoAssessment;
import dev.bearing.questionnaire.Role;
import dev.bearing.support.Api;
import dev.bearing.support.Axe;
import dev.bearing.support.Browser;
import dev.bearing.support.FullSurvey;
import dev.bearing.support.PhoneLayout;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The consultant pages other than the assessment page on a phone (390 px wide): the review page,
 * the history, the dashboard, the admin's accounts and audit log, and your account. Their tables
 * broke words mid-word ("Developmen-t", "Rese-t password"); as on the assessment page
 * ({@link AssessmentPageBrowserTest}) each row is now a card, each cell a line labelled with its
 * column's heading, no word split across lines, no sideways scrolling, axe clean.
 */
@QuarkusTest
class PhonePagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoAssessment demo;

    ChromeDriver driver;

    @RegisterExtension
    final Browser.Session browser = new Browser.Session();

    @Test
    void onAPhoneEveryConsultantTableIsALabelledCardAndNoWordIsSplit() {
        long id = demo.create().id();
        String assessment = "/api/v1/assessments/" + id;
        // a fourth respondent and a second evaluation, so the review page shows what moved
        String token = Api.admin().contentType(ContentType.JSON).body(Map.of("role", "DEVELOPMENT", "name", "Dana Developer"))
                .post(assessment + "/respondents").then().statusCode(201).extract().jsonPath().getString("token");
        Api.putMany(token, FullSurvey.answers(Role.DEVELOPMENT, 4, Map.of())).then().statusCode(200);
        Api.submit(token).then().statusCode(200);
        Api.admin().contentType(ContentType.JSON).body("{}").post(assessment + "/evaluation").then().statusCode(201);
        // an edit of the review, then version 1, so the review lists edits and the history a version
        Api.admin().contentType(ContentType.JSON).body(Map.of("kind", "roadmap-add", "title", "Run a blameless post-incident review",
                "phase", 2, "owner", "Head of Operations", "effort", "2 days", "note", "Agreed in the read-out meeting"))
                .post(assessment + "/review/edits").then().statusCode(201);
        Api.admin().contentType(ContentType.JSON).post(assessment + "/approve").then().statusCode(201);
        long archived = Api.createAssessment("Archived Example Ltd " + id);
        Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/" + archived + "/archive").then().statusCode(200);

        driver = browser.start();
        Browser.login(driver, base, Api.ADMIN, Api.ADMIN_PASSWORD);
        driver.get(base + "account");
        driver.findElement(By.id("token-name")).sendKeys("nightly export to the reporting warehouse");
        driver.findElement(By.cssSelector("form[action='/account/tokens'] button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.id("new-token")).isEmpty());

        driver.manage().window().setSize(PhoneLayout.PHONE);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("review", "assessments/" + id + "/review");
        pages.put("version", "assessments/" + id + "/versions/1");
        pages.put("history", "assessments/" + id + "/history");
        pages.put("dashboard", "?status=archived&organisation=" + archived(id));
        pages.put("accounts", "admin/accounts");
        pages.put("audit", "admin/audit");
        pages.put("account", "account");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            driver.get(base + page.getValue());
            Browser.fullPageScreenshot(driver, page.getKey() + "-phone");
            String name = page.getKey() + " at 390 px";
            assertTrue(PhoneLayout.rows(driver) > 0, name + " has table rows");
            assertEquals(List.of(), PhoneLayout.brokenWords(driver), name + ": words split over two lines");
            assertEquals(List.of(), PhoneLayout.wrongLabels(driver), name + ": each cell labelled with its column's heading");
            int overflow = PhoneLayout.overflow(driver);
            assertTrue(overflow <= 0, name + ": no sideways scrolling: " + overflow);
            assertEquals(List.of(), Axe.violations(driver), name);
        }

        // the review shows what moved between the two evaluations and the edit; the history both evaluations
        driver.get(base + "assessments/" + id + "/review");
        assertTrue(driver.findElements(By.cssSelector("#moved table tbody tr")).size() > 0, "what moved, as cards");
        assertTrue(driver.findElement(By.id("edits")).getText().contains("Run a blameless post-incident review"));
        driver.get(base + "assessments/" + id + "/history");
        assertEquals(2, driver.findElements(By.cssSelector("#evaluations + table tbody tr")).size(), "two evaluations");

        // on the dashboard's card the archived marker follows the organisation's name on its line
        driver.get(base + "?status=archived&organisation=" + archived(id));
        @SuppressWarnings("unchecked")
        Map<String, Number> marker = (Map<String, Number>) driver.executeScript("""
                const cell = document.querySelector('main table tbody td');
                const name = [...cell.querySelector('a').getClientRects()].pop();
                const archived = cell.querySelector('.muted').getClientRects()[0];
                return {nameRight: name.right, nameTop: name.top, nameBottom: name.bottom,
                        markerLeft: archived.left, markerTop: archived.top, markerBottom: archived.bottom};""");
        assertTrue(marker.get("markerTop").doubleValue() < marker.get("nameBottom").doubleValue()
                && marker.get("markerBottom").doubleValue() > marker.get("nameTop").doubleValue()
                && marker.get("markerLeft").doubleValue() >= marker.get("nameRight").doubleValue(),
                "(archived …) on the name's line, after it: " + marker);
        assertTrue(driver.findElement(By.cssSelector("main table tbody td")).getText().matches(
                "Archived Example Ltd " + id + " \\(archived .+\\)"),
                driver.findElement(By.cssSelector("main table tbody td")).getText());

        // on a desktop the tables stay tables: headings shown, no labels before the cells
        driver.manage().window().setSize(new Dimension(1280, 900));
        for (String page : pages.values()) {
            driver.get(base + page);
            assertEquals("none", driver.executeScript(
                    "return getComputedStyle(document.querySelector('main table tbody td'), '::before').content;"), page);
            assertTrue(driver.findElement(By.cssSelector("main table thead th")).isDisplayed(), page);
        }
    }

    /** @return the dashboard's organisation filter for the archived assessment of this test */
    private static String archived(long id) {
        return "Archived+Example+Ltd+" + id;
    }
}
