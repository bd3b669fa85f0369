package dev.bearing.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.questionnaire.Role;
import dev.bearing.support.Api;
import dev.bearing.support.Browser;
import dev.bearing.support.FullSurvey;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A respondent in a real browser: branching, autosave, reload, Back, offline and retry, resume in
 * a new browser session, progress, a refused submit, completion and a double submit, with
 * screenshots of every page kind in target/screenshots/.
 */
@QuarkusTest
class SurveyBrowserTest {

    @TestHTTPResource("/")
    URL base;

    ChromeDriver driver;

    @RegisterExtension
    final Browser.Session browser = new Browser.Session();

    @Test
    void respondentAnswersResumesAndSubmitsOnce() {
        long id = Api.createAssessment("Zakład Żółw Łódź");
        String token = Api.addRespondent(id, "DEVELOPMENT");
        String survey = base + "survey/" + token;
        driver = browser.start();

        driver.get(survey);
        assertTrue(driver.getPageSource().contains("Zakład Żółw Łódź"));
        String welcome = driver.findElement(By.cssSelector(".welcome .facts")).getText();
        assertTrue(welcome.contains("saved automatically"), welcome);
        assertFalse(welcome.contains("JavaScript is off"), welcome);
        Browser.screenshot(driver, "1-welcome");
        driver.findElement(By.linkText("Start the survey")).click();
        wait(driver).until(d -> d.getCurrentUrl().endsWith("/s/context"));

        // branching: the CI follow-ups appear only once builds exist
        driver.get(survey + "/s/continuous_integration");
        WebElement feedback = driver.findElement(By.id("q-ci.feedback_time"));
        assertFalse(feedback.isDisplayed(), "hidden until the trigger is answered");
        String before = overall();
        choose("ci.build_trigger", "on_every_push");
        waitSaved("ci.build_trigger");
        wait(driver).until(d -> feedback.isDisplayed());
        choose("ci.feedback_time", "ten_to_thirty_minutes");
        waitSaved("ci.feedback_time");
        wait(driver).until(d -> !overall().equals(before));
        Browser.screenshot(driver, "2-question-page-desktop");
        driver.manage().window().setSize(new Dimension(390, 844));
        Browser.screenshot(driver, "3-question-page-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));

        // keyboard only: focus the first choice of the next question and pick with the arrow keys
        WebElement firstBroken = driver.findElement(By.cssSelector("input[name='q.ci.broken_build'][value='unnoticed']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", firstBroken);
        new Actions(driver).sendKeys(Keys.SPACE).perform();
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        waitSaved("ci.broken_build");
        assertTrue(checked("ci.broken_build", "eventually"), "arrow keys move the choice");

        // hiding: a hidden follow-up is not counted as missing
        choose("ci.build_trigger", "no_shared_build");
        wait(driver).until(d -> !feedback.isDisplayed());
        waitSaved("ci.build_trigger");
        choose("ci.build_trigger", "on_every_push");
        waitSaved("ci.build_trigger");
        wait(driver).until(d -> feedback.isDisplayed());
        // the hidden follow-up's answer was removed with the change that hid it: shown again, it is empty
        assertFalse(checked("ci.feedback_time", "ten_to_thirty_minutes"), "a hidden follow-up keeps no answer");
        assertFalse(checked("ci.broken_build", "eventually"), "nor does any other follow-up it hid");
        choose("ci.feedback_time", "ten_to_thirty_minutes");
        waitSaved("ci.feedback_time");
        choose("ci.broken_build", "eventually");
        waitSaved("ci.broken_build");

        // reload and Back keep what showed "saved"
        driver.navigate().refresh();
        assertTrue(checked("ci.build_trigger", "on_every_push"));
        assertTrue(checked("ci.feedback_time", "ten_to_thirty_minutes"));
        driver.findElement(By.cssSelector(".nav-buttons button.button[value='next']")).click();
        wait(driver).until(d -> d.getCurrentUrl().endsWith("/s/test_automation"));
        driver.navigate().back();
        wait(driver).until(d -> d.getCurrentUrl().endsWith("/s/continuous_integration"));
        wait(driver).until(d -> checked("ci.feedback_time", "ten_to_thirty_minutes"));

        // offline: the answer waits, says so, and is saved when the connection is back
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        driver.setNetworkConditions(offline);
        choose("ci.feedback_time", "under_ten_minutes");
        wait(driver).until(d -> status("ci.feedback_time").contains("no connection"));
        driver.deleteNetworkConditions();
        wait(driver, 20).until(d -> status("ci.feedback_time").equals("Saved"));

        // a second tab holding the same question: its stale save is refused, the first value kept
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(survey + "/s/source_control");
        driver.switchTo().window(first);
        driver.get(survey + "/s/source_control");
        choose("sc.coverage", "everything");
        waitSaved("sc.coverage");
        for (String h : driver.getWindowHandles()) {
            if (!h.equals(first)) {
                driver.switchTo().window(h);
            }
        }
        choose("sc.coverage", "some_code");
        wait(driver).until(d -> error("sc.coverage").contains("changed in another window or tab"));
        // the refused choice does not stay selected: the stored answer is shown, and the page says so
        wait(driver).until(d -> error("sc.coverage").contains("The saved answer is shown"));
        assertTrue(checked("sc.coverage", "everything"), "the stored answer is shown");
        assertFalse(checked("sc.coverage", "some_code"), "the stale choice is not left selected");
        driver.close();
        driver.switchTo().window(first);
        choose("sc.branching", "under_one_day");
        waitSaved("sc.branching");

        // a new browser session resumes from the link alone
        driver.quit();
        driver = browser.start();
        driver.get(survey + "/s/continuous_integration");
        assertTrue(checked("ci.feedback_time", "under_ten_minutes"), "saved while the first browser was offline");
        assertTrue(driver.getPageSource().contains("required questions answered"));

        // submit with answers missing: refused, with links to them
        driver.get(survey + "/review");
        Browser.screenshot(driver, "4-review");
        driver.findElement(By.cssSelector("form.submit-form button")).click();
        wait(driver).until(d -> d.getCurrentUrl().contains("incomplete=true"));
        WebElement missingLink = driver.findElement(By.cssSelector(".missing a"));
        assertNotNull(missingLink.getAttribute("href"));

        // the rest of the survey, then submit twice (double click)
        Map<String, com.fasterxml.jackson.databind.JsonNode> keep = new HashMap<>();
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        keep.put("ci.build_trigger", f.textNode("on_every_push"));
        keep.put("ci.feedback_time", f.textNode("under_ten_minutes"));
        keep.put("ci.broken_build", f.textNode("eventually"));
        keep.put("sc.coverage", f.textNode("everything"));
        keep.put("sc.branching", f.textNode("under_one_day"));
        List<Map<String, Object>> rest = FullSurvey.answers(Role.DEVELOPMENT, 2, keep).stream()
                .filter(a -> !keep.containsKey((String) a.get("questionKey"))).toList();
        Api.putMany(token, rest).then().statusCode(200);
        driver.get(survey + "/review");
        WebElement submit = driver.findElement(By.cssSelector("form.submit-form button"));
        new Actions(driver).doubleClick(submit).perform();
        wait(driver).until(d -> d.getCurrentUrl().endsWith("/thanks"));
        Browser.screenshot(driver, "5-thank-you");
        driver.navigate().back();
        wait(driver).until(d -> d.getCurrentUrl().endsWith("/thanks"));

        // the database holds exactly the answers given and one submission
        var stored = given().get("/api/v1/respondents/" + token + "/answers").then().statusCode(200).extract().jsonPath();
        Map<String, Object> byKey = new HashMap<>();
        List<Map<String, Object>> all = stored.getList("$");
        all.forEach(a -> byKey.put((String) a.get("questionKey"), a.get("value")));
        assertEquals(rest.size() + keep.size(), all.size(), "no answer lost, none invented");
        keep.forEach((k, v) -> assertEquals(v.asText(), byKey.get(k), k));
        var respondents = Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().extract().jsonPath();
        assertNotNull(respondents.getString("[0].submittedAt"));
        Api.submit(token).then().statusCode(200).body("alreadySubmitted", org.hamcrest.Matchers.equalTo(true))
                .body("submittedAt", org.hamcrest.Matchers.equalTo(respondents.getString("[0].submittedAt")));
    }

    @Test
    void everyFieldHasALabelAndEveryQuestionALegend() {
        String token = Api.addRespondent(Api.createAssessment("Accessible org"), "OPERATIONS");
        driver = browser.start();
        for (String section : List.of("context", "alignment", "monitoring", "current_tools", "closing")) {
            driver.get(base + "survey/" + token + "/s/" + section);
            Object unlabeled = ((JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.querySelectorAll('form input:not([type=hidden]), form textarea'))"
                    + ".filter(i => !i.closest('label') && !(i.id && document.querySelector('label[for=\"' + i.id + '\"]')))"
                    + ".map(i => i.name);");
            assertEquals(List.of(), unlabeled, section + ": inputs without a label");
            Object noLegend = ((JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.querySelectorAll('fieldset.question')).filter(f => !f.querySelector('legend')).length;");
            assertEquals(0L, noLegend, section);
            Object squeezed = ((JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.querySelectorAll('fieldset.question:not([hidden]) label.choice, fieldset.question:not([hidden]) label.scale-point'))"
                    + ".filter(l => l.getBoundingClientRect().width < 40).map(l => l.closest('fieldset').id);");
            assertEquals(List.of(), squeezed, section + ": choices squeezed beside the question");
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, overflow, section + ": the page scrolls sideways");
        }
    }

    @Test
    void pagesWorkUnderTheContentSecurityPolicy() {
        long id = Api.createAssessment("CSP org");
        String token = Api.addRespondent(id, "DEVELOPMENT");
        driver = browser.start();
        driver.get(base + "survey/" + token);
        assertEquals(List.of(), Browser.cspViolations(driver), "welcome");
        driver.get(base + "survey/" + token + "/s/source_control");
        choose("sc.coverage", "everything");
        waitSaved("sc.coverage");
        // the script ran (autosave) and the progress bar got its width without inline style
        wait(driver).until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "return Math.max(...Array.from(document.querySelectorAll('[data-overall-fill], [data-overall-bar] span'))"
                + ".map(e => e.getBoundingClientRect().width));")).doubleValue() > 0);
        assertEquals(List.of(), Browser.cspViolations(driver), "section");
        driver.get(base + "survey/" + token + "/review");
        assertEquals(List.of(), Browser.cspViolations(driver), "review");
        Browser.login(driver, base, Api.CONSULTANT, Api.CONSULTANT_PASSWORD);
        driver.get(base + "assessments/" + id);
        Object background = ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(document.querySelector('header')).backgroundColor;");
        assertEquals("rgb(29, 39, 51)", background, "consultant stylesheet applied");
        assertEquals(List.of(), Browser.cspViolations(driver), "consultant page");
        Browser.screenshot(driver, "csp-consultant");
    }

    @Test
    void previousComesBeforeNextAndTheSaveStatusSitsBesideNext() {
        String token = Api.addRespondent(Api.createAssessment("Keyboard org"), "DEVELOPMENT");
        driver = browser.start();
        driver.get(base + "survey/" + token + "/s/deployment_release");
        WebElement previous = driver.findElement(By.cssSelector(".nav-buttons button.button[value='previous']"));
        WebElement next = driver.findElement(By.cssSelector(".nav-buttons button.button[value='next']"));

        // Tab from Previous reaches Next: reading and tab order match the visual order
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", previous);
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertEquals(next, driver.switchTo().activeElement(), "Tab from Previous goes to Next");
        assertTrue(previous.getRect().getX() < next.getRect().getX(), "Previous drawn left of Next");

        // the page's save state is on the row of the Next button, not below it
        driver.findElement(By.name("q.deploy.manual_steps")).sendKeys("2");
        wait(driver).until(d -> driver.findElement(By.id("save-status")).getText().equals("All answers saved."));
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            driver.manage().window().setSize(size);
            var status = driver.findElement(By.id("save-status")).getRect();
            var nextBox = next.getRect();
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", next);
            Browser.screenshot(driver, "nav-buttons-" + size.width);
            assertTrue(status.getY() < nextBox.getY() + nextBox.getHeight(),
                    size.width + " px: save status starts above the bottom of Next, was " + status.getY() + " vs " + nextBox);
        }
        driver.manage().window().setSize(new Dimension(1280, 900));

        // Enter in a field still goes forward, not back
        WebElement steps = driver.findElement(By.name("q.deploy.manual_steps"));
        steps.sendKeys(Keys.BACK_SPACE, "3", Keys.ENTER);
        wait(driver).until(d -> d.getCurrentUrl().endsWith("/s/configuration_iac"));
        // the change committed by Enter is saved, not refused as made elsewhere by a racing form post
        given().get("/api/v1/respondents/" + token + "/answers").then().statusCode(200)
                .body("find { it.questionKey == 'deploy.manual_steps' }.value", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void anOptionalChoiceCanBeClearedOncePicked() {
        String token = Api.addRespondent(Api.createAssessment("Clear in browser org"), "DEVELOPMENT");
        driver = browser.start();
        driver.get(base + "survey/" + token + "/s/delivery_performance");
        choose("dora.rework_rate", "dont_know");
        waitSaved("dora.rework_rate");
        driver.findElement(By.cssSelector("#q-dora\\.rework_rate button.clear-answer")).click();
        waitSaved("dora.rework_rate");
        assertFalse(checked("dora.rework_rate", "dont_know"), "the choice is unpicked");
        assertEquals(".../s/delivery_performance", ".../s/" + driver.getCurrentUrl().replaceAll("^.*/s/", ""), "stays on the page");
        given().get("/api/v1/respondents/" + token + "/answers").then().statusCode(200)
                .body("questionKey", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("dora.rework_rate")));
        driver.navigate().refresh();
        assertFalse(checked("dora.rework_rate", "dont_know"), "still cleared after a reload");
    }

    /**
     * @return the token of an operations respondent of a new assessment who answered that the service is
     *     needed around the clock, and the two out-of-hours questions that follow that up on another page
     */
    private static String onCallAnswered(String organisation) {
        String token = Api.addRespondent(Api.createAssessment(organisation), "OPERATIONS");
        given().contentType("application/json").body(Map.of("value", "around_the_clock"))
                .put("/api/v1/respondents/" + token + "/answers/context.service_hours").then().statusCode(200);
        given().contentType("application/json").body(Map.of("value", "team_owns"))
                .put("/api/v1/respondents/" + token + "/answers/mon.on_call").then().statusCode(200);
        given().contentType("application/json").body(Map.of("value", "basic"))
                .put("/api/v1/respondents/" + token + "/answers/mon.on_call_support").then().statusCode(200);
        return token;
    }

    @Test
    void answersOnAnotherPageThatAChangeHidesAreSaidToBeRemoved() {
        // who responds out of hours (monitoring section) follows up when the service is needed
        // (first section): changing the latter to business hours removes the answers on the
        // monitoring page, which the respondent cannot see go
        String token = onCallAnswered("Cross-page follow-up org");
        driver = browser.start();
        driver.get(base + "survey/" + token + "/s/context");
        choose("context.service_hours", "business_hours");
        wait(driver).until(d -> status("context.service_hours").startsWith("Saved"));
        assertEquals("Saved. 2 answers on other pages followed up this one and no longer apply, so they were removed.",
                status("context.service_hours"));
        given().get("/api/v1/respondents/" + token + "/answers").then().statusCode(200)
                .body("questionKey", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("mon.on_call")));
    }

    @Test
    void withoutTheScriptAnswersOnAnotherPageThatAChangeHidesAreSaidToBeRemoved() {
        // as above, in a browser that runs no page script: the section is a plain form, and the
        // page the form leads to says what the change removed (it had been removed silently)
        String token = onCallAnswered("Cross-page follow-up, no script, org");
        driver = browser.start(false);
        driver.get(base + "survey/" + token);
        assertTrue(driver.findElement(By.cssSelector("[data-without-script]")).isDisplayed(), "no page script ran");
        driver.get(base + "survey/" + token + "/s/context");
        choose("context.service_hours", "business_hours");
        String from = driver.getCurrentUrl();
        driver.findElement(By.cssSelector("button.primary[name=go][value=next]")).click();
        wait(driver).until(d -> !d.getCurrentUrl().equals(from));
        Browser.screenshot(driver, "no-script-follow-ups-removed");
        assertTrue(driver.getCurrentUrl().contains("/s/"), "on to the next section: " + driver.getCurrentUrl());
        assertEquals("Saved. 2 answers on other pages followed up your answer to \u201cWhen do people need your most important"
                + " service to be working?\u201d and no longer apply, so they were removed.",
                driver.findElement(By.id("removed-follow-ups")).getText());
        given().get("/api/v1/respondents/" + token + "/answers").then().statusCode(200)
                .body("questionKey", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("mon.on_call")))
                .body("find { it.questionKey == 'context.service_hours' }.value", org.hamcrest.Matchers.equalTo("business_hours"));
    }

    @Test
    void aRefusedNumberIsExplainedInPlainWords() {
        String token = Api.addRespondent(Api.createAssessment("Plain words browser org"), "DEVELOPMENT");
        driver = browser.start();
        driver.get(base + "survey/" + token + "/s/context");
        driver.findElement(By.name("q.context.engineering_headcount")).sendKeys("0");
        wait(driver).until(d -> !error("context.engineering_headcount").isEmpty());
        assertEquals("Not saved. Enter a whole number from 1 to 100,000.", error("context.engineering_headcount"));
        // "1.000" is a thousand in some countries and one in others: not saved as 1, the page asks again
        WebElement field = driver.findElement(By.name("q.context.engineering_headcount"));
        field.clear();
        field.sendKeys("1.000");
        wait(driver).until(d -> error("context.engineering_headcount").contains("without a separator"));
        assertEquals("Enter the number without a separator, e.g. 1000: a comma or full stop before three digits"
                + " marks thousands in some countries and decimals in others.", error("context.engineering_headcount"));
        given().get("/api/v1/respondents/" + token + "/answers").then().statusCode(200)
                .body("questionKey", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("context.engineering_headcount")));
    }

    @Test
    void aStaleTypedAnswerKeepsItsNoticeAndShowsTheStoredValue() {
        String token = Api.addRespondent(Api.createAssessment("Stale typing org"), "DEVELOPMENT");
        String page = base + "survey/" + token + "/s/context";
        String key = "context.engineering_headcount";
        driver = browser.start();
        List<String> tabs = openInTwoTabs(page);
        String first = tabs.get(0);
        String second = tabs.get(1);
        // the first tab saves 120 while the second tab still holds the page without an answer
        driver.switchTo().window(first);
        driver.findElement(By.name("q." + key)).sendKeys("120");
        waitSaved(key);
        // the second tab types 80 and leaves the field, as a person would
        driver.switchTo().window(second);
        WebElement field = driver.findElement(By.name("q." + key));
        field.sendKeys("80");
        wait(driver).until(d -> error(key).contains("changed in another window or tab"));
        field.sendKeys(Keys.TAB);
        // the notice stays (a later save or blur must not replace it by "Saved"), the stored value is shown
        sleep(2500);
        String said = error(key);
        assertTrue(said.contains("changed in another window or tab") && said.contains("The saved answer is shown now: 120"), said);
        assertTrue(said.contains("You had typed: \u201c80\u201d"), "what was typed is not lost without a trace: " + said);
        assertEquals("", status(key), "no \"Saved\" beside the refused answer");
        assertEquals("120", field.getAttribute("value"));
        assertEquals(120, Api.answers(token).then().extract().jsonPath().getInt("find { it.questionKey == '" + key + "' }.value"));
        assertEquals(0, Api.answers(token).then().extract().jsonPath().getInt("find { it.questionKey == '" + key + "' }.version"),
                "the stored answer is not saved again by the tab that was refused");
        // typing again afterwards saves normally
        field.clear();
        field.sendKeys("95");
        wait(driver).until(d -> status(key).equals("Saved"));
        assertTrue(error(key).isEmpty(), error(key));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void followUpsThatGrowTheTargetAreAnnounced() {
        String token = Api.addRespondent(Api.createAssessment("Follow-up browser org"), "DEVELOPMENT");
        driver = browser.start();
        driver.get(base + "survey/" + token + "/s/continuous_integration");
        By followUps = By.cssSelector(".progress [data-follow-ups]");
        assertEquals("", driver.findElement(followUps).getText());
        choose("ci.build_trigger", "on_every_push");
        waitSaved("ci.build_trigger");
        wait(driver).until(d -> d.findElement(followUps).getText().matches("\\(\\+\\d+ follow-up questions?\\)"));
        choose("ci.build_trigger", "no_shared_build");
        waitSaved("ci.build_trigger");
        wait(driver).until(d -> d.findElement(followUps).getText().isEmpty());
    }

    @Test
    void twoOfflineTabsShareTheQueueWithoutLosingOrOverwritingAnAnswer() {
        String token = Api.addRespondent(Api.createAssessment("Two tabs org"), "DEVELOPMENT");
        String page = base + "survey/" + token + "/s/source_control";
        driver = browser.start();
        List<String> tabs = openInTwoTabs(page);
        String first = tabs.get(0);
        String second = tabs.get(1);
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        for (String tab : List.of(first, second)) {
            driver.switchTo().window(tab);
            driver.setNetworkConditions(offline);
        }

        // offline, each tab changes answers: the first one question, the second another and the same one
        driver.switchTo().window(first);
        choose("sc.coverage", "everything");
        wait(driver).until(d -> status("sc.coverage").contains("no connection"));
        driver.switchTo().window(second);
        choose("sc.branching", "under_one_day");
        wait(driver).until(d -> status("sc.branching").contains("no connection"));
        choose("sc.coverage", "some_code");
        wait(driver).until(d -> status("sc.coverage").contains("no connection"));
        assertEquals(3L, queued(), "every tab's answers are kept side by side in the browser");

        // the first tab is closed while offline; the second comes back online
        driver.switchTo().window(first);
        // the page asks "Leave site?" while answers wait; a person would confirm, the driver cannot
        ((JavascriptExecutor) driver).executeScript(
                "window.addEventListener('beforeunload', e => e.stopImmediatePropagation(), true);");
        driver.close();
        driver.switchTo().window(second);
        driver.deleteNetworkConditions();
        wait(driver, 20).until(d -> status("sc.branching").equals("Saved") && queued() == 0);
        // the closed tab's answer was sent, not dropped: it came second and was refused as stale,
        // which the page reports on the question, showing the answer that is stored
        wait(driver).until(d -> error("sc.coverage").contains("another tab"));
        assertTrue(checked("sc.coverage", "some_code"));
        var stored = Api.answers(token).then().statusCode(200).extract().jsonPath();
        assertEquals("some_code", stored.getString("find { it.questionKey == 'sc.coverage' }.value"));
        assertEquals(0, stored.getInt("find { it.questionKey == 'sc.coverage' }.version"), "sent once, not twice");
        assertEquals("under_one_day", stored.getString("find { it.questionKey == 'sc.branching' }.value"));
    }

    @Test
    void submittingOfflineWaitsForTheQueuedAnswerAndSubmitsWhenTheConnectionIsBack() {
        long id = Api.createAssessment("Offline submit org");
        String token = Api.addRespondent(id, "DEVELOPMENT");
        List<Map<String, Object>> all = FullSurvey.answers(Role.DEVELOPMENT, 2, Map.of());
        Api.putMany(token, all.stream().filter(a -> !"sc.coverage".equals(a.get("questionKey"))).toList())
                .then().statusCode(200);
        String survey = base + "survey/" + token;
        driver = browser.start();
        driver.get(survey + "/s/source_control");
        String section = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(survey + "/review");
        String review = driver.getWindowHandle();
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        for (String tab : List.of(section, review)) {
            driver.switchTo().window(tab);
            driver.setNetworkConditions(offline);
        }
        // the last required answer is typed offline and waits in the browser
        driver.switchTo().window(section);
        choose("sc.coverage", "everything");
        wait(driver).until(d -> status("sc.coverage").contains("no connection"));

        // submitting now says it will happen when the connection is back, and stays on the page
        driver.switchTo().window(review);
        driver.findElement(By.cssSelector("form.submit-form button")).click();
        wait(driver).until(d -> d.findElement(By.id("submit-status")).getText().contains("will be submitted"));
        String said = driver.findElement(By.id("submit-status")).getText();
        assertTrue(said.contains("offline"), said);
        assertTrue(driver.getCurrentUrl().endsWith("/review"), driver.getCurrentUrl());
        assertTrue(driver.getTitle().startsWith("Review and submit"), "still the review page, not the browser's error page");
        Browser.screenshot(driver, "offline-submit");
        Api.answers(token).then().body("questionKey", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("sc.coverage")));

        // back online: the queued answer is saved first, then the survey is submitted
        for (String tab : List.of(section, review)) {
            driver.switchTo().window(tab);
            driver.deleteNetworkConditions();
        }
        wait(driver, 30).until(d -> d.getCurrentUrl().endsWith("/thanks"));
        Api.answers(token).then().body("find { it.questionKey == 'sc.coverage' }.value", org.hamcrest.Matchers.equalTo("everything"));
        Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then()
                .body("[0].submittedAt", org.hamcrest.Matchers.notNullValue());
    }

    private long queued() {
        return (Long) ((JavascriptExecutor) driver).executeScript(
                "return Object.keys(localStorage).filter(k => k.startsWith('bearing.q.')).length;");
    }

    private String overall() {
        return driver.findElement(By.cssSelector(".progress [data-overall-count]")).getText();
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

    private String error(String key) {
        return driver.findElement(By.id("err-" + key)).getText();
    }

    private void waitSaved(String key) {
        wait(driver).until(d -> status(key).equals("Saved"));
    }

    private static WebDriverWait wait(ChromeDriver d) {
        return wait(d, 10);
    }

    private static WebDriverWait wait(ChromeDriver d, int seconds) {
        return new WebDriverWait(d, Duration.ofSeconds(seconds));
    }

    /** Opens the page in the browser's tab and in a second tab; the second stays in front. */
    private List<String> openInTwoTabs(String page) {
        driver.get(page);
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(page);
        return List.of(first, driver.getWindowHandle());
    }
}
