package dev.bearing.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import dev.bearing.support.Axe;
import dev.bearing.support.Browser;
import dev.bearing.support.LocalAws;
import dev.bearing.support.PhoneLayout;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser, against MOTO ({@code moto_server}): from an approved assessment, open
 * provisioning, set the region, plan, see the preview and the estimate, confirm, watch the live
 * progress reach complete, and see the outputs and the created resources; also at a phone's width.
 */
@QuarkusTest
class ProvisioningBrowserTest {

    @TestHTTPResource("/")
    URL base;


    @Inject
    AwsAccess aws;

    ChromeDriver driver;

    @AfterEach
    void close() {
        aws.useEndpoint(null);
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void previewConfirmAndWatchTheStackReachCompleteInTheEmulator() {
        aws.useEndpoint(LocalAws.moto());
        driver = Browser.start();
        // planning runs cfn-lint first, which takes many seconds on a loaded machine
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(180));
        long id = ProvisioningFixtures.approved("Browser Provisioning Ltd", Map.of());
        Browser.login(driver, base, Api.CONSULTANT, Api.CONSULTANT_PASSWORD);

        driver.get(base + "assessments/" + id);
        driver.findElement(By.id("provision-link")).click();
        assertTrue(driver.getCurrentUrl().endsWith("/assessments/" + id + "/provisioning"));
        driver.findElement(By.id("f-region")).sendKeys("eu-west-1");
        driver.findElement(By.cssSelector("form[action$='/provisioning/target'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("#target"));
        assertEquals(List.of(), Axe.violations(driver), "provisioning page");

        assertTrue(driver.findElements(By.cssSelector("form[action$='/provisioning/plan']")).size() == 1,
                driver.findElement(By.tagName("main")).getText());
        WebElement plan = driver.findElement(By.cssSelector("form[action$='/provisioning/plan']"));
        plan.findElement(By.name("stackName")).clear();
        plan.findElement(By.name("stackName")).sendKeys("northwind-browser-" + id);
        for (WebElement input : plan.findElements(By.cssSelector("input[name^='parameters.']"))) {
            input.sendKeys(ProvisioningFixtures.valueFor(input.getAttribute("name").substring("parameters.".length())));
        }
        plan.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(180)).until(d -> d.getCurrentUrl().contains("/provisioning/runs/"));

        String preview = driver.findElement(By.tagName("main")).getText();
        assertTrue(preview.contains("PLANNED"), preview);
        assertTrue(driver.findElement(By.id("change-list")).getText().contains("Add"), preview);
        String estimate = driver.findElement(By.id("estimate")).getText();
        assertTrue(estimate.contains("estimate") && estimate.contains("a month"), estimate);
        assertEquals(List.of(), Axe.violations(driver), "preview");
        Browser.screenshot(driver, "provisioning-preview");

        driver.findElement(By.cssSelector("#confirm button")).click();
        // the page's script shows the final state, then reloads the page, which renders the outputs
        // or the failure: wait for that page, not for the state text (read mid-reload it goes stale)
        new WebDriverWait(driver, Duration.ofSeconds(120)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector("#outputs, #failure")).isEmpty());

        String done = driver.findElement(By.tagName("main")).getText();
        assertEquals("SUCCEEDED", driver.findElement(By.id("run-state")).getText(), done);
        assertTrue(driver.findElements(By.id("outputs")).size() == 1, done);
        assertTrue(driver.findElement(By.id("resources")).getText().contains("AWS::"), done);
        assertTrue(driver.findElement(By.id("event-list")).getText().contains("CREATE_COMPLETE"), done);
        assertEquals(List.of(), Browser.cspViolations(driver));
        assertEquals(List.of(), Axe.violations(driver), "finished run");
        Browser.screenshot(driver, "provisioning-complete");

        // on a phone (375 px, the narrowest common width) nothing scrolls sideways, neither the page
        // nor a table in it: each table row is a card, each cell labelled with its column's heading
        driver.manage().window().setSize(new Dimension(375, 812));
        String run = driver.getCurrentUrl();
        for (String page : List.of(run, base + "assessments/" + id + "/provisioning")) {
            driver.get(page);
            String name = page + " at 375 px";
            assertTrue(PhoneLayout.overflow(driver) <= 0, name + ": the page scrolls sideways by " + PhoneLayout.overflow(driver));
            assertEquals(List.of(), PhoneLayout.scrollingBoxes(driver), name + ": boxes that scroll sideways");
            assertEquals(List.of(), PhoneLayout.wrongLabels(driver), name + ": each cell labelled with its column's heading");
            assertEquals(List.of(), PhoneLayout.brokenWords(driver), name + ": words split over two lines");
            assertTrue(PhoneLayout.rows(driver) > 0, name + " has table rows");
        }
        driver.get(run);
        Browser.screenshot(driver, "provisioning-complete-phone");
    }
}
