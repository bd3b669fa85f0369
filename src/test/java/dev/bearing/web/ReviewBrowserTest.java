package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.assessment.DemoAssessment;
import dev.bearing.review.ReviewFixtures;
import dev.bearing.support.Api;
import dev.bearing.support.Axe;
import dev.bearing.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * In a real browser: log in, open the demo assessment, override one layer with a note, approve,
 * download the PDF with the browser's session, and read the override and the approver back.
 */
@QuarkusTest
class ReviewBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoAssessment demo;

    ChromeDriver driver;

    @RegisterExtension
    final Browser.Session browser = new Browser.Session();

    private void wait(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> until) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20)).until(until::apply);
    }

    @Test
    void overrideApproveAndReadTheVersionPdf() throws Exception {
        driver = browser.start();
        long id = ReviewFixtures.ownedDemo(demo);
        Browser.login(driver, base, Api.CONSULTANT, Api.CONSULTANT_PASSWORD);
        driver.get(base + "assessments/" + id);
        driver.findElement(By.linkText("Review, adjust and approve")).click();
        assertTrue(driver.getCurrentUrl().endsWith("/assessments/" + id + "/review"));
        assertEquals(List.of(), Axe.violations(driver), "review page");
        Browser.screenshot(driver, "review-page");
        // at a phone's width the page does not scroll sideways (the merge menus list long finding titles)
        org.openqa.selenium.Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Number overflow = (Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "no sideways scrolling of the review page at a phone's width: " + overflow);
        driver.manage().window().setSize(desktop);

        WebElement layer = driver.findElement(By.id("layer-pipeline-security"));
        WebElement form = layer.findElement(By.cssSelector("form[action$='/review/overrides']"));
        new Select(form.findElement(By.name("choice"))).selectByValue("snyk");
        form.findElement(By.name("note")).sendKeys("Snyk is licensed group-wide.");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait(d -> d.getCurrentUrl().endsWith("#layer-pipeline-security"));
        Browser.screenshot(driver, "review-after-override");
        String page = driver.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Move from SonarQube to Snyk"), "the roadmap follows the override");
        assertTrue(page.contains("Consultant's choice: Snyk is licensed group-wide."));

        driver.findElement(By.cssSelector("form[action$='/review/approve'] button")).click();
        wait(d -> d.getCurrentUrl().contains("/history"));
        assertTrue(driver.getCurrentUrl().contains("/assessments/" + id + "/history"), id + " " + driver.getCurrentUrl());
        String pdfHref = driver.findElement(By.cssSelector("#version-1 a[href*='report.pdf']")).getAttribute("href");
        assertEquals(List.of(), Browser.cspViolations(driver));
        Browser.screenshot(driver, "review-history");

        // the download, with the browser's own session
        var request = RestAssured.given();
        for (var c : driver.manage().getCookies()) {
            request = request.cookie(c.getName(), c.getValue());
        }
        byte[] pdf = request.get(pdfHref).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("Move from SonarQube to Snyk"));
        assertTrue(text.contains("Snyk is licensed group-wide."));
        assertTrue(text.contains("Version 1, approved by Test " + Api.CONSULTANT + " on"));
        assertFalse(text.contains("DRAFT"));
    }

    @Test
    void aRespondentTokenPastedIntoAConsultantAddressOpensNothing() {
        long id = ReviewFixtures.ownedDemo(demo);
        String token = Api.addRespondent(id, "BUSINESS");
        driver = browser.start();
        // the respondent's own link works in this browser
        driver.get(base + "survey/" + token);
        assertTrue(driver.getPageSource().contains("Northwind Logistics (demo)"));
        // pasted into consultant addresses, it opens nothing: the login page every time
        for (String path : List.of("assessments/" + id + "?token=" + token, "assessments/" + token,
                "assessments/" + id + "/review?token=" + token, "?token=" + token)) {
            driver.get(base + path);
            assertTrue(driver.getCurrentUrl().endsWith("/login"), path + " -> " + driver.getCurrentUrl());
            assertFalse(driver.getPageSource().contains("Recommended stack"), path);
        }
        driver.get(base + "api/v1/assessments/" + id + "/evaluation?token=" + token);
        assertTrue(driver.getPageSource().contains("\"status\":401"), driver.getPageSource());
    }
}
