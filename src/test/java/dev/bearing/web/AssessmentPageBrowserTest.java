package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.assessment.DemoAssessment;
import dev.bearing.support.Api;
import dev.bearing.support.Axe;
import dev.bearing.support.Browser;
import dev.bearing.support.PhoneLayout;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The evaluated assessment page on a phone (390 px wide): a new user saw its tables break words
 * mid-word ("Recommen-ded" without a hyphen). Each table row becomes a card, each cell a line
 * labelled with its column's heading, as on the dashboard; no word is split across lines, the
 * page does not scroll sideways, and axe finds nothing.
 */
@QuarkusTest
class AssessmentPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoAssessment demo;

    ChromeDriver driver;

    @RegisterExtension
    final Browser.Session browser = new Browser.Session();

    @Test
    void onAPhoneEachTableRowIsALabelledCardAndNoWordIsSplit() {
        long id = demo.create().id();
        driver = browser.start();
        Browser.login(driver, base, Api.ADMIN, Api.ADMIN_PASSWORD);
        driver.manage().window().setSize(PhoneLayout.PHONE);
        driver.get(base + "assessments/" + id);
        Browser.fullPageScreenshot(driver, "assessment-phone");
        int rows = PhoneLayout.rows(driver);
        assertTrue(rows >= 20, "the demo fills respondents, stack, findings and roadmap: " + rows);

        assertEquals(List.of(), PhoneLayout.brokenWords(driver), "words split over two lines at 390 px");
        assertEquals(List.of(), PhoneLayout.wrongLabels(driver), "each cell labelled with its column's heading");
        int overflow = PhoneLayout.overflow(driver);
        assertTrue(overflow <= 0, "no sideways scrolling at 390 px: " + overflow);
        assertEquals(List.of(), Axe.violations(driver), "assessment page at 390 px");

        // on a desktop the tables stay tables: headings shown, no labels before the cells
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(base + "assessments/" + id);
        Browser.fullPageScreenshot(driver, "assessment-desktop");
        assertEquals("none", driver.executeScript(
                "return getComputedStyle(document.querySelector('main table tbody td'), '::before').content;"));
        assertTrue(driver.findElement(org.openqa.selenium.By.cssSelector("main table thead th")).isDisplayed());
    }
}
