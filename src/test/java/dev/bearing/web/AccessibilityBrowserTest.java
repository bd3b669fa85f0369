package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.assessment.DemoAssessment;
import dev.bearing.questionnaire.Role;
import dev.bearing.support.Api;
import dev.bearing.support.Axe;
import dev.bearing.support.Browser;
import dev.bearing.support.FullSurvey;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core finds no WCAG 2.1 A/AA violation on any page kind a respondent or consultant sees:
 * welcome, a section (with a follow-up shown), review (incomplete and complete), thank-you, the
 * consultant's list and an assessment page (empty and evaluated demo).
 */
@QuarkusTest
class AccessibilityBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoAssessment demo;

    ChromeDriver driver;

    @RegisterExtension
    final Browser.Session browser = new Browser.Session();

    @Test
    void noPageKindHasAWcag21AaViolation() {
        long empty = Api.createAssessment("Accessible org");
        String token = Api.addRespondent(empty, "DEVELOPMENT");
        String done = Api.addRespondent(empty, "BUSINESS");
        Api.putMany(done, FullSurvey.answers(Role.BUSINESS, 2, Map.of())).then().statusCode(200);
        Api.submit(done).then().statusCode(200);
        Api.put(token, "ci.build_trigger", Map.of("value", "on_every_push")).then().statusCode(200);
        long evaluated = demo.create().id();
        String survey = base + "survey/" + token;

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("welcome", survey);
        pages.put("section", survey + "/s/continuous_integration");
        pages.put("section with text boxes", survey + "/s/context");
        pages.put("review", survey + "/review");
        pages.put("review, refused submit", survey + "/review?incomplete=true");
        pages.put("thank-you", base + "survey/" + done + "/thanks");
        pages.put("own answers after submit", base + "survey/" + done + "/answers");
        pages.put("consultant list", base.toString());
        pages.put("assessment page", base + "assessments/" + empty);
        pages.put("evaluated assessment page", base + "assessments/" + evaluated);
        pages.put("survey error page", base + "survey/" + token + "/s/no_such_section");
        pages.put("consultant error page", base + "assessments/999999999");
        pages.put("your account", base + "account");
        pages.put("accounts (admin)", base + "admin/accounts");
        pages.put("audit log (admin)", base + "admin/audit");

        driver = browser.start();
        driver.get(base + "login");
        assertEquals(List.of(), Axe.violations(driver), "login page");
        Browser.login(driver, base, Api.ADMIN, Api.ADMIN_PASSWORD);
        // the check itself works: an image without a text alternative is reported
        driver.get(survey);
        driver.executeScript("document.querySelector('main').appendChild(document.createElement('img'))");
        assertTrue(Axe.violations(driver).stream().anyMatch(v -> v.startsWith("image-alt")), "axe reports a planted fault");

        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(360, 780))) {
            driver.manage().window().setSize(size);
            pages.forEach((kind, url) -> {
                driver.get(url);
                List<String> violations = Axe.violations(driver);
                if (!violations.isEmpty()) {
                    found.put(kind + " at " + size.width + " px", violations);
                }
            });
        }
        // a section after answering: save states shown, follow-up revealed
        driver.get(survey + "/s/continuous_integration");
        Browser.choose(driver, "ci.feedback_time", "under_ten_minutes");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Browser.status(driver, "ci.feedback_time").equals("Saved"));
        List<String> afterSave = Axe.violations(driver);
        if (!afterSave.isEmpty()) {
            found.put("section after a save", afterSave);
        }
        assertEquals(Map.of(), found, "axe-core WCAG 2.1 AA violations by page kind");
    }
}
