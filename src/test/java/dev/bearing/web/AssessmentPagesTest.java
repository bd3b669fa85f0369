package dev.bearing.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.assessment.DemoAssessment;
import dev.bearing.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssessmentPagesTest {

    @Inject
    DemoAssessment demo;

    @Test
    void typedTextIsShownAsTextNeverAsMarkup() {
        String hostile = "<img src=x onerror=alert(1)>\"'&";
        long id = Api.createAssessment(hostile);
        Api.consultant().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"))
                .body(not(containsString("<img src=x")));
        Api.consultant().get("/assessments/" + id).then().statusCode(200)
                .body(containsString("&lt;img src=x onerror=alert(1)&gt;"))
                .body(not(containsString("<img src=x")))
                .body(containsString("Not evaluated yet"));
    }

    @Test
    void demoAssessmentPageShowsItsRecommendationAndPdfLink() {
        long id = demo.create().id();
        Api.admin().get("/assessments/" + id).then().statusCode(200)
                .body(containsString("Northwind Logistics (demo)"))
                .body(containsString("quarter ("))
                .body(containsString("Recommended stack"))
                .body(containsString("/api/v1/assessments/" + id + "/report.pdf"))
                .body(containsString("Priya Raman, Head of Digital Products"));
        // each layer says what to do with it, as the evaluation decided: a layer not needed yet is not
        // shown as a tool to add, and the tool kept is named as kept
        var result = Api.admin().get("/api/v1/assessments/" + id + "/evaluation").jsonPath();
        String page = Api.admin().get("/assessments/" + id).asString();
        String row = "<td class=\"text\" data-label=\"Recommended\">";
        java.util.List<java.util.Map<String, Object>> stack = result.getList("result.stack");
        boolean later = false;
        for (var l : stack) {
            @SuppressWarnings("unchecked")
            var primary = (java.util.Map<String, Object>) l.get("primary");
            String name = primary == null ? null : html((String) primary.get("name"));
            @SuppressWarnings("unchecked")
            var tied = (java.util.List<String>) l.get("tiedWith");
            if (tied != null && !tied.isEmpty() && java.util.List.of("ADD", "KEEP", "REPLACE").contains(l.get("change"))) {
                // a tie reads as a tie, in the PDF's words: "A or B — equal fit"
                var names = new java.util.ArrayList<String>();
                names.add((String) primary.get("name"));
                names.addAll(tied);
                assertTrue(page.contains(row + "<b>" + html(dev.bearing.common.UserText.either(names)) + " — equal fit</b>"),
                        l.get("key") + " reads as a tie");
                continue;
            }
            switch ((String) l.get("change")) {
                case "LATER" -> {
                    later = true;
                    assertTrue(page.contains(row + "<b>Not needed yet</b></td>"), l.get("layer") + " not needed yet");
                    assertTrue(page.contains(html((String) l.get("note"))), l.get("layer") + " says why");
                    assertFalse(page.contains(row + "<b>Add " + name + "</b>"), l.get("layer") + " not to add");
                }
                case "KEEP" -> assertTrue(page.contains(row + "<b>Keep " + name + "</b>"), l.get("layer") + " kept");
                case "REPLACE" -> assertTrue(page.contains(row + "<b>Move to " + name + "</b>"), l.get("layer") + " moved");
                case "ADD" -> assertTrue(page.contains(row + "<b>Add " + name + "</b>"), l.get("layer") + " added");
                default -> { }
            }
        }
        assertTrue(later, "the demo has a layer not needed yet (its CI pipeline can deploy)");
        // a move says why the tool in use goes, not only why the new one fits: the demo's developer
        // rates Selenium 2 of 5
        assertTrue(page.contains("<b>Why move:</b> In use but rated 2.0 of 5: the people who use Selenium would rather"
                + " have something else.<br><b>Why Playwright:</b> "), "the end-to-end move says why Selenium goes");
    }

    @Test
    void everyTieOnThePageIsAmongTheDecisionsToMakeInThePdfsWords() throws Exception {
        long id = demo.create().id();
        var result = Api.admin().get("/api/v1/assessments/" + id + "/evaluation").jsonPath();
        String page = Api.admin().get("/assessments/" + id).then().statusCode(200).extract().asString();
        String decisions = page.substring(page.indexOf("<h2>Decisions for leadership</h2>"),
                page.indexOf("<h2>Recommended stack</h2>"));
        byte[] pdf = Api.admin().get("/api/v1/assessments/" + id + "/report.pdf").then().statusCode(200).extract()
                .asByteArray();
        String summary;
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var text = new org.apache.pdfbox.text.PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(2);
            summary = squash(text.getText(doc));
        }
        String pdfDecisions = summary.substring(summary.indexOf("Decisionstomake"), summary.indexOf("Recommendedstack"));
        java.util.List<java.util.Map<String, Object>> stack = result.getList("result.stack");
        int ties = 0;
        for (var l : stack) {
            @SuppressWarnings("unchecked")
            var tied = (java.util.List<String>) l.get("tiedWith");
            if (tied == null || tied.isEmpty() || !java.util.List.of("ADD", "KEEP", "REPLACE").contains(l.get("change"))) {
                continue;
            }
            ties++;
            @SuppressWarnings("unchecked")
            var primary = (java.util.Map<String, Object>) l.get("primary");
            var names = new java.util.ArrayList<String>();
            names.add((String) primary.get("name"));
            names.addAll(tied);
            for (String n : names) {
                assertTrue(decisions.contains(html(n)), l.get("key") + ": " + n + " among the page's decisions");
                assertTrue(pdfDecisions.contains(squash(n)), l.get("key") + ": " + n + " among the PDF's decisions to make");
            }
        }
        assertTrue(ties > 0, "the demo has a tie to show");
        // the load-test tie the demo has, word for word on the page and in the PDF
        String k6 = "Load and performance tests: choose among Grafana k6, Gatling or Apache JMeter";
        assertTrue(decisions.contains("<li>" + k6 + "</li>"), "the page lists the load-test tie as a choice to make");
        assertTrue(pdfDecisions.contains(squash(k6)), "the PDF lists the load-test tie as a choice to make");
        assertTrue(page.contains("<b>Grafana k6, Gatling or Apache JMeter — equal fit</b>"), "the stack reads as in the PDF");
        assertTrue(summary.contains(squash("Grafana k6, Gatling or Apache JMeter — equal fit")), "the PDF's stack line");
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** @return the text as Qute writes it into a page */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    @Test
    void sharingFromSeveralTabsAtOnceSharesOnceAndNoTabSeesAnError() throws Exception {
        long id = Api.createAssessment("Shared in two tabs");
        Api.otherConsultant().get("/api/v1/account").then().statusCode(200); // the colleague's account exists
        String page = "/assessments/" + id;
        SurveyPagesTest.Form form = SurveyPagesTest.consultantCsrf(page);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<io.restassured.response.Response> answers = new java.util.ArrayList<>();
        try {
            java.util.List<java.util.concurrent.Future<io.restassured.response.Response>> clicks = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clicks.add(pool.submit(() -> SurveyPagesTest.consultantPost(page + "/shares", form,
                        "username", Api.OTHER_CONSULTANT)));
            }
            for (var click : clicks) {
                answers.add(click.get());
            }
        } finally {
            pool.shutdown();
        }
        for (var answer : answers) {
            // shared (303 back to the page), or refused as made meanwhile by the other tab: a page, not JSON
            org.junit.jupiter.api.Assertions.assertTrue(answer.statusCode() == 303 || answer.statusCode() == 409,
                    answer.statusCode() + " " + answer.asString());
            if (answer.statusCode() == 409) {
                org.junit.jupiter.api.Assertions.assertTrue(answer.contentType().startsWith("text/html"), answer.contentType());
                org.junit.jupiter.api.Assertions.assertTrue(answer.asString().contains("Reload to see it"), answer.asString());
            }
        }
        Api.consultant().get("/api/v1/assessments/" + id + "/shares").then().statusCode(200)
                .body("sharedWith", org.hamcrest.Matchers.contains(Api.OTHER_CONSULTANT));
    }

    @Test
    void sharingWithABlankUsernameAsksForOne() {
        long id = Api.createAssessment("Shared with nobody");
        String page = "/assessments/" + id;
        // it said: No active account is called "".
        SurveyPagesTest.consultantPost(page + "/shares", SurveyPagesTest.consultantCsrf(page), "username", " ")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Give the username of the consultant to share with."))
                .body(not(containsString("No active account is called")));
        Api.consultant().get("/api/v1/assessments/" + id + "/shares").then().statusCode(200)
                .body("sharedWith", org.hamcrest.Matchers.empty());
    }

    @Test
    void unknownAssessmentGetsAnErrorPageWithoutInternals() {
        Api.consultant().get("/assessments/99999999").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Assessment 99999999 does not exist."))
                .body(not(containsString("Exception")));
    }

    @Test
    void evaluateIsDisabledUntilSomeoneSubmittedAndTheEmptyStateNamesTheButton() {
        long id = Api.createAssessment("Nobody submitted org");
        Api.addRespondent(id, "BUSINESS");
        String html = Api.consultant().get("/assessments/" + id).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(java.util.regex.Pattern
                .compile("<button[^>]*disabled[^>]*>Evaluate the submitted surveys").matcher(html).find(), "Evaluate disabled");
        org.junit.jupiter.api.Assertions.assertFalse(html.contains("POST /api/v1"), "no API instructions on the page");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("press \"Evaluate the submitted surveys\""));
    }

    @Test
    void everyExportLinkShownWorksAndThoseNeedingAnEvaluationSaySo() {
        long fresh = Api.createAssessment("Not evaluated exports org");
        Api.addRespondent(fresh, "BUSINESS");
        String before = exports(fresh);
        org.junit.jupiter.api.Assertions.assertFalse(before.contains("results.csv"), before);
        org.junit.jupiter.api.Assertions.assertFalse(before.contains("backlog.csv"), before);
        org.junit.jupiter.api.Assertions.assertTrue(before.contains("available once the assessment is evaluated"), before);
        everyLinkAnswers200(before);

        long evaluated = demo.create().id();
        String after = exports(evaluated);
        org.junit.jupiter.api.Assertions.assertTrue(after.contains("/export/results.csv"), after);
        org.junit.jupiter.api.Assertions.assertTrue(after.contains("/export/backlog.csv?for=github"), after);
        org.junit.jupiter.api.Assertions.assertFalse(after.contains("available once the assessment is evaluated"), after);
        everyLinkAnswers200(after);
    }

    /** @return the Exports section of an assessment page, as the admin sees it */
    private static String exports(long id) {
        String html = Api.admin().get("/assessments/" + id).then().statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<h2 id=\"exports\">Exports</h2>\\s*<ul>(.*?)</ul>",
                java.util.regex.Pattern.DOTALL).matcher(html);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), "the page has an Exports list");
        return m.group(1);
    }

    /** Follows every link of the section as the admin: each gives its file, none an error. */
    private static void everyLinkAnswers200(String section) {
        java.util.regex.Matcher href = java.util.regex.Pattern.compile("href=\"([^\"]+)\"").matcher(section);
        int links = 0;
        while (href.find()) {
            String url = href.group(1).replace("&amp;", "&");
            Api.admin().get(url).then().statusCode(200);
            links++;
        }
        org.junit.jupiter.api.Assertions.assertTrue(links >= 3, "answers (2 links) and everything (1) at least: " + links);
    }
}
