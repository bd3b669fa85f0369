package dev.bearing.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.assessment.DemoAssessment;
import dev.bearing.review.ReviewFixtures;
import dev.bearing.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The review page on the demo assessment: the PDF's analysis on one page, the forms (with CSRF
 * token, 303 after a post, the message naming the field when refused), approval and history.
 */
@QuarkusTest
class ReviewPagesTest {

    @Inject
    DemoAssessment demo;

    record Form(String cookie, String token) {
    }

    static Form csrf(String path) {
        Response page = Api.consultant().get(path);
        Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(m.find(), "the page carries a CSRF token");
        return new Form(page.getCookie("csrf-token"), m.group(1));
    }

    static Response post(String path, Form f, String... fields) {
        var r = Api.consultant().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", f.cookie()).formParam("csrf-token", f.token());
        for (int i = 0; i < fields.length; i += 2) {
            r = r.formParam(fields[i], fields[i + 1]);
        }
        return r.post(path);
    }

    /** @return the review the page shows, as its approve form sends it */
    static String shown(String page) {
        Matcher m = Pattern.compile("name=\"shown\" value=\"([^\"]+)\"").matcher(Api.consultant().get(page).asString());
        assertTrue(m.find(), "the approve form says what it shows");
        return m.group(1);
    }

    /** @return the entry as the page's override form for it sends it */
    static String shownNow(String page, String layer) {
        Matcher m = Pattern.compile("name=\"layer\" value=\"" + layer + "\">\\s*<input type=\"hidden\" name=\"shown\" value=\"([^\"]+)\"")
                .matcher(Api.consultant().get(page).asString());
        assertTrue(m.find(), "the entry's override form says what it shows");
        return m.group(1);
    }

    @Test
    void aReviewPageOpenedBeforeAnotherEditDoesNotApproveWhatItNeverShowed() {
        long id = ReviewFixtures.ownedDemo(demo);
        String page = "/assessments/" + id + "/review";
        Form stale = csrf(page);
        String shownThen = shown(page);
        // meanwhile, in another tab or by a colleague
        Api.consultant().contentType("application/json").body(java.util.Map.of("layer", "pipeline_security", "tool", "snyk",
                "note", "Snyk is licensed group-wide.")).post("/api/v1/assessments/" + id + "/review/overrides")
                .then().statusCode(201);
        post(page + "/approve", stale, "shown", shownThen).then().statusCode(409)
                .body(containsString("the review changed after this page was opened"))
                .body(containsString("Move from SonarQube to Snyk"));
        Api.consultant().get("/api/v1/assessments/" + id + "/versions").then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasSize(0));
        // read again, it approves what it now shows
        post(page + "/approve", csrf(page), "shown", shown(page)).then().statusCode(303)
                .header("Location", containsString("/history#version-1"));
    }

    @Test
    void anOverrideFromATabOpenedBeforeAnotherOverrideOfTheSameEntryIsRefusedNotSwappedInUnseen() {
        long id = ReviewFixtures.ownedDemo(demo);
        String page = "/assessments/" + id + "/review";
        String html = Api.consultant().get(page).asString();
        Matcher m = Pattern.compile("name=\"layer\" value=\"pipeline_security\">\\s*<input type=\"hidden\" name=\"shown\" value=\"([^\"]+)\"")
                .matcher(html);
        assertTrue(m.find(), "the entry's override form says what it shows");
        String shownInBothTabs = m.group(1);
        Form tabA = csrf(page);
        Form tabB = csrf(page);
        post(page + "/overrides", tabA, "layer", "pipeline_security", "choice", "snyk", "note", "Licensed group-wide.",
                "shown", shownInBothTabs).then().statusCode(303);
        // tab B still shows the rules' pick and overrides the same entry
        post(page + "/overrides", tabB, "layer", "pipeline_security", "choice", "keep-current", "note", "Keep what we run.",
                "shown", shownInBothTabs).then().statusCode(409)
                .body(containsString("Security scanning in the pipeline: not overridden, as it changed after this page was opened"))
                .body(containsString("the pick is now Snyk"));
        // with nothing chosen either, what it says first is that the entry changed
        post(page + "/overrides", csrf(page), "layer", "pipeline_security", "choice", "", "note", "Keep what we run.",
                "shown", shownInBothTabs).then().statusCode(409)
                .body(containsString("Security scanning in the pipeline: not overridden, as it changed after this page was opened"));
        // and read again, nothing chosen is named on the form's field, naming the entry
        post(page + "/overrides", csrf(page), "layer", "pipeline_security", "choice", "", "note", "Keep what we run.",
                "shown", shownNow(page, "pipeline_security")).then().statusCode(422)
                .body(containsString("choose a tool from the menu or keep the current tools (Security scanning in the "
                        + "pipeline, not overridden)"));
        Api.consultant().get("/api/v1/assessments/" + id + "/review").then().statusCode(200)
                .body("edits", org.hamcrest.Matchers.hasSize(1))
                .body("edits[0].note", org.hamcrest.Matchers.equalTo("Licensed group-wide."));
    }

    @Test
    void overridingTheGitHostSaysWhichOtherPicksRestOnTheOneDropped() {
        long id = ReviewFixtures.ownedDemo(demo);
        String api = "/api/v1/assessments/" + id + "/review";
        var review = Api.consultant().get(api).then().statusCode(200).extract().jsonPath();
        assertEquals("GitHub", review.getString("result.stack.find { it.key == 'source_control' }.primary.name"));
        String other = review.getString("result.stack.find { it.key == 'source_control' }.alternatives[0].key");
        Api.consultant().contentType("application/json").body(java.util.Map.of("layer", "source_control", "tool", other,
                "note", "The group standardises on another host.")).post(api + "/overrides").then().statusCode(201);
        String html = Api.consultant().get("/assessments/" + id + "/review").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("Other picks give GitHub as a reason: ([^<]+)\\. Check them, and override them too where they no longer fit\\.")
                .matcher(html);
        assertTrue(m.find(), "the page says which picks rest on GitHub: " + html);
        assertTrue(m.group(1).contains("(GitHub Actions)"), m.group(1));
        assertFalse(m.group(1).contains("Source control"), "not the entry overridden itself: " + m.group(1));
    }

    @Test
    void reviewPageShowsThePdfsAnalysisOnOnePage() {
        long id = ReviewFixtures.ownedDemo(demo);
        String page = "/assessments/" + id + "/review";
        Api.consultant().get("/assessments/" + id).then().statusCode(200).body(containsString(page));
        Api.consultant().get(page).then().statusCode(200)
                .body(containsString("Northwind Logistics"))
                .body(containsString("DRAFT"))
                .body(containsString("Capabilities, per role and combined"))
                .body(containsString("<svg"))
                .body(containsString("The questions the roles disagree on most"))
                .body(containsString("Why this stage"))
                .body(containsString("Customers find outages before you do"))
                .body(containsString("Security scanning in the pipeline"))
                .body(not(containsString("Move from SonarQube")))
                .body(containsString("First 30 days"))
                .body(not(containsString("style=")));
        // "Evaluation 2 of 2 December 2026" read as "2 of 2": the date is said as the day it ran on
        String html = Api.consultant().get(page).then().extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(java.util.regex.Pattern
                .compile("Evaluation \\d+, run on \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} UTC\\. ").matcher(html).find(), "evaluation line");
        org.junit.jupiter.api.Assertions.assertFalse(java.util.regex.Pattern
                .compile("Evaluation \\d+ of \\d").matcher(html).find(), "no \"Evaluation N of <date>\"");
        // and the audit log names the evaluation and how many surveys it used without "of"
        String audit = Api.admin().get("/admin/audit").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(java.util.regex.Pattern
                .compile("evaluation \\d+ \\(\\d+ submitted surveys?\\): ").matcher(audit).find(), "audit wording");
    }

    @Test
    void aNoteOrEditWithANulCharacterIsRefusedNamingTheFieldAndLogsNoStackTrace() {
        long id = ReviewFixtures.ownedDemo(demo);
        String page = "/assessments/" + id + "/review";
        try (dev.bearing.support.WarningLog log = dev.bearing.support.WarningLog.open()) {
            post(page + "/overrides", csrf(page), "layer", "pipeline_security", "choice", "snyk",
                    "note", "Licensed\u0000 group-wide").then().statusCode(422)
                    .body(containsString("note: contains a NUL character (U+0000), which cannot be stored; remove it"));
            post(page + "/edits", csrf(page), "kind", "roadmap-add", "phase", "2", "title", "Chaos day",
                    "rationale", "Practise\u0000 restores", "owner", "Operations", "effort", "2 days", "note", "agreed")
                    .then().statusCode(422)
                    .body(containsString("rationale: contains a NUL character (U+0000), which cannot be stored; remove it"));
            assertTrue(log.warnings().isEmpty(), "an expected refusal logs no warning or stack trace: " + log.warnings());
        }
        Api.consultant().get(page).then().body(not(containsString("Licensed")))
                .body(not(containsString("Chaos day")));
    }

    @Test
    void overrideFormChangesTheRoadmapAndARefusedFormNamesTheField() {
        long id = ReviewFixtures.ownedDemo(demo);
        String page = "/assessments/" + id + "/review";
        String overrides = page + "/overrides";
        // a refusal says which of the page's many entries it is about
        post(overrides, csrf(page), "layer", "pipeline_security", "choice", "snyk", "note", " ").then().statusCode(422)
                .body(containsString("note: is required")).body(containsString("(Security scanning in the pipeline, not overridden)"));
        // a choice not on the menu is named as the form's field, not as the API's "tool"
        post(overrides, csrf(page), "layer", "pipeline_security", "choice", "nope", "note", "Licensed group-wide.")
                .then().statusCode(422).body(containsString("choice: &#39;nope&#39; is not on the menu"))
                .body(not(containsString("tool: ")));
        post(overrides, csrf(page), "layer", "pipeline_security", "choice", "snyk",
                "note", "Snyk is licensed group-wide.").then().statusCode(303)
                .header("Location", containsString("/review#layer-pipeline-security"));
        Api.consultant().get(page).then().statusCode(200)
                .body(containsString("Move from SonarQube to Snyk"))
                .body(containsString("Consultant&#39;s choice: Snyk is licensed group-wide."))
                .body(containsString("Security scanning in the pipeline: Snyk instead of SonarQube"));

        // approve: 303 to the history, which lists version 1 with its PDF; the review says so
        post(page + "/approve", csrf(page), "shown", shown(page)).then().statusCode(303)
                .header("Location", containsString("/history#version-1"));
        Api.consultant().get("/assessments/" + id + "/history").then().statusCode(200)
                .body(containsString("Version 1"))
                .body(containsString("/api/v1/assessments/" + id + "/report.pdf?version=1"));
        // once approved as shown, the review neither says DRAFT nor offers the draft PDF: it links version 1's
        Api.consultant().get(page).then().body(containsString("Approved as version 1 exactly as shown"))
                .body(not(containsString("<b>DRAFT</b>")))
                .body(not(containsString("Open the draft PDF")))
                .body(containsString("href=\"/api/v1/assessments/" + id + "/report.pdf?version=1\">Open version 1's PDF"));
        Api.consultant().get("/assessments/" + id + "/versions/1").then().statusCode(200)
                .body(containsString("Approved by Test " + Api.CONSULTANT))
                .body(containsString("Move from SonarQube to Snyk"))
                .body(not(containsString("Override</button>")));
        Api.consultant().get("/assessments/" + id + "/versions/2").then().statusCode(404);
        // an address that names no version or evaluation says what was asked for, not "no version 0"
        Api.consultant().get("/assessments/" + id + "/versions/99999999999").then().statusCode(404)
                .body(containsString("has no version 99999999999.")).body(not(containsString("version 0")));
        // so does an undo form posted for an edit number that is not one (it said "has no edit 0")
        post(page + "/edits/abc/undo", csrf(page), "note", "x").then().statusCode(404)
                .body(containsString("has no edit &quot;abc&quot;: edit numbers are whole numbers from 1."))
                .body(not(containsString("edit 0")));
        Api.consultant().get("/assessments/" + id + "/evaluations/abc").then().statusCode(404)
                .body(containsString("has no evaluation &quot;abc&quot;: evaluation numbers are whole numbers from 1."))
                .body(not(containsString("evaluation 0")));
        Api.consultant().get("/assessments/" + id + "/versions/0").then().statusCode(404)
                .body(containsString("has no version &quot;0&quot;"));
    }
}
