package dev.bearing.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

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
}
