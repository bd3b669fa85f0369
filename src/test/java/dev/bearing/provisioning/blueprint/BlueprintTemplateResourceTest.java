package dev.bearing.provisioning.blueprint;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.assessment.DemoAssessment;
import dev.bearing.review.AssessmentVersion;
import dev.bearing.review.ReviewFixtures;
import dev.bearing.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Downloading an approved version's composed template: owner yes, others no, 409 when not offered. */
@QuarkusTest
class BlueprintTemplateResourceTest {

    @Inject
    DemoAssessment demo;

    static String url(long id, int number) {
        return "/api/v1/assessments/" + id + "/versions/" + number + "/provisioning/template.yaml";
    }

    @Test
    void theOwnerDownloadsTheApprovedStackAsOneTemplateOthersSeeNothing() {
        long id = ReviewFixtures.ownedDemo(demo);
        Api.consultant().contentType("application/json").post("/api/v1/assessments/" + id + "/approve").then().statusCode(201);
        String body = Api.consultant().get(url(id, 1)).then().statusCode(200)
                .contentType(containsString("application/yaml"))
                .header("Content-Disposition", containsString("attachment; filename=\"bearing-assessment-" + id + "-v1.template.yaml\""))
                .extract().asString();
        // the demo runs on AWS (hybrid): a real template with the Bearing tag parameters
        assertTrue(body.contains("AWSTemplateFormatVersion"), body);
        assertTrue(body.contains("BearingAssessment") && body.contains("BearingVersion"), body);
        assertTrue(body.contains("Northwind Logistics (demo)"), "the description names the organisation");
        Api.otherConsultant().get(url(id, 1)).then().statusCode(404);
        Api.consultant().get(url(id, 2)).then().statusCode(404).body("detail", containsString("no version 2"));
    }

    @Test
    void aVersionWhoseConstraintsExcludeAwsGets409NamingTheReason() {
        long id = ReviewFixtures.ownedDemo(demo);
        Api.consultant().contentType("application/json").post("/api/v1/assessments/" + id + "/approve").then().statusCode(201);
        // the same version as if a respondent had said "on premises only" (the rule that concludes it stands)
        QuarkusTransaction.requiringNew().run(() -> {
            AssessmentVersion v = AssessmentVersion.find("assessmentId", id).firstResult();
            v.resultJson = v.resultJson.replace("\"firedRules\":[",
                    "\"firedRules\":[\"Hosting must stay on premises → on-premises-only constraint\",");
        });
        Api.consultant().get(url(id, 1)).then().statusCode(409).contentType(containsString("application/problem+json"))
                .body("detail", containsString("Systems must run on premises only"));
    }
}
