package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.assessment.DemoAssessment;
import dev.bearing.support.Api;
import dev.bearing.support.Axe;
import dev.bearing.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

    /**
     * Words inside table cells (outside {@code code}, where a link may wrap anywhere) that the
     * browser split over two lines; hyphens, dashes and slashes are break points of their own.
     */
    private static final String BROKEN_WORDS = """
            const broken = [];
            for (const cell of document.querySelectorAll('main table td')) {
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode())) {
                if (node.parentElement.closest('code')) continue;
                const word = /[^\\s\\-\\u2010-\\u2014\\/]+/g;
                let m;
                while ((m = word.exec(node.data))) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
                  if (lines.size > 1) broken.push(m[0]);
                }
              }
            }
            return broken;""";

    /** Cells whose label (shown before the value on a phone) is not their column's heading: "heading ≠ label". */
    private static final String WRONG_LABELS = """
            const wrong = [];
            for (const table of document.querySelectorAll('main table')) {
              const headings = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
              for (const row of table.querySelectorAll('tbody tr')) {
                [...row.children].forEach((td, i) => {
                  if (td.colSpan > 1) return; // "No respondents yet" and the like: a sentence, no label
                  const label = getComputedStyle(td, '::before').content.replace(/^"|"$/g, '');
                  if (label !== headings[i]) wrong.push((headings[i] || '(none)') + ' ≠ ' + label);
                });
              }
            }
            return wrong;""";

    @TestHTTPResource("/")
    URL base;

    @Inject
    DemoAssessment demo;

    ChromeDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void onAPhoneEachTableRowIsALabelledCardAndNoWordIsSplit() {
        long id = demo.create().id();
        driver = Browser.start();
        Browser.login(driver, base, Api.ADMIN, Api.ADMIN_PASSWORD);
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(base + "assessments/" + id);
        Browser.fullPageScreenshot(driver, "assessment-phone");
        Number tables = (Number) driver.executeScript("return document.querySelectorAll('main table tbody tr').length;");
        assertTrue(tables.intValue() >= 20, "the demo fills respondents, stack, findings and roadmap: " + tables);

        assertEquals(List.of(), driver.executeScript(BROKEN_WORDS), "words split over two lines at 390 px");
        assertEquals(List.of(), driver.executeScript(WRONG_LABELS), "each cell labelled with its column's heading");
        Number overflow = (Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "no sideways scrolling at 390 px: " + overflow);
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
