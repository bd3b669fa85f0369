package dev.bearing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.questionnaire.Role;
import dev.bearing.support.Api;
import dev.bearing.support.FullSurvey;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged application (target/quarkus-app) end to end: catches what only breaks outside
 * the test class loader, such as XML parser clashes in Drools or the PDF renderer.
 */
@QuarkusIntegrationTest
class PackagedAppIT {

    @Test
    void packagedAppEvaluatesAndRendersThePdf() {
        long id = Api.createAssessment("Packaged app check");
        for (Role role : Role.values()) {
            String token = Api.addRespondent(id, role.name());
            Api.putMany(token, FullSurvey.answers(role, 2, Map.of())).then().statusCode(200);
            Api.submit(token).then().statusCode(200);
        }
        Api.consultant().contentType("application/json").post("/api/v1/assessments/" + id + "/evaluation").then().statusCode(201)
                .body("result.stage.label", containsString("quarter"))
                .body("result.stack.size()", greaterThan(7));
        byte[] pdf = Api.consultant().get("/api/v1/assessments/" + id + "/report.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"), "a PDF");
        assertTrue(pdf.length > 20_000, "a real report, not a stub: " + pdf.length + " bytes");
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
