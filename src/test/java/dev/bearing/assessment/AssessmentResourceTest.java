package dev.bearing.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssessmentResourceTest {

    @Inject
    AgroalDataSource db;

    /**
     * The report prints "Assessment No. N". Numbers came in blocks of 50 per process, so the first
     * assessment after a restart (or on a second instance) was No. 51. A number drawn from the
     * sequence by another process, as a restarted or second instance would, must be the next one.
     */
    @Test
    void assessmentNumbersFollowOnWhenAnotherProcessDrawsTheNext() throws SQLException {
        long first = Api.createAssessment("Northwind Numbers");
        long drawnElsewhere;
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery("select nextval('assessment_seq')")) {
            rs.next();
            drawnElsewhere = rs.getLong(1);
        }
        long second = Api.createAssessment("Northwind Numbers");
        assertEquals(first + 1, drawnElsewhere);
        assertEquals(first + 2, second);
    }

    @Test
    void createsAndReadsAnAssessmentPinnedToTheNewestQuestionnaire() {
        String location = Api.consultant().contentType(ContentType.JSON).body(Map.of("organisation", "  Contoso Freight  "))
                .post("/api/v1/assessments")
                .then().statusCode(201)
                .body("organisation", equalTo("Contoso Freight"))
                .body("questionnaireKey", equalTo("devops-maturity"))
                .body("questionnaireVersion", equalTo(4))
                .body("respondents", hasSize(0))
                .extract().header("Location");
        Api.consultant().get(location).then().statusCode(200).body("organisation", equalTo("Contoso Freight"));
        Api.consultant().get("/api/v1/assessments?organisation=contoso freight").then().statusCode(200)
                .body("items.organisation", hasItem("Contoso Freight"));
    }

    @Test
    void blankOrOverlongOrganisationIsRefusedNamingTheFieldAndNothingIsCreated() {
        int before = Api.consultant().get("/api/v1/assessments").then().extract().jsonPath().getInt("totalItems");
        Api.consultant().contentType(ContentType.JSON).body(Map.of("organisation", " "))
                .post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("organisation"))
                .body("detail", containsString("organisation"));
        Api.consultant().contentType(ContentType.JSON).body(Map.of("organisation", "x".repeat(201)))
                .post("/api/v1/assessments")
                .then().statusCode(400).body("errors[0].field", equalTo("organisation"));
        Api.consultant().contentType(ContentType.JSON).body("{\"organisation\": ")
                .post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
        int after = Api.consultant().get("/api/v1/assessments").then().extract().jsonPath().getInt("totalItems");
        assertEquals(before, after);
    }

    @Test
    void unknownQuestionnaireVersionIs404() {
        Api.consultant().contentType(ContentType.JSON).body(Map.of("organisation", "Acme", "questionnaireVersion", 99))
                .post("/api/v1/assessments")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("devops-maturity version 99"));
    }

    @Test
    void unknownOrMalformedAssessmentIdsAre404() {
        Api.consultant().get("/api/v1/assessments/987654321").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("987654321"));
        Api.consultant().get("/api/v1/assessments/abc").then().statusCode(404).contentType("application/problem+json");
        Api.consultant().contentType(ContentType.JSON).body(Map.of("role", "BUSINESS"))
                .post("/api/v1/assessments/987654321/respondents").then().statusCode(404);
    }

    @Test
    void respondentsGetDistinctUnguessableTokensAndSurveyLinks() {
        long id = Api.createAssessment("Tailspin Toys");
        var first = Api.consultant().contentType(ContentType.JSON).body(Map.of("role", "DEVELOPMENT", "name", "Lead dev"))
                .post("/api/v1/assessments/" + id + "/respondents")
                .then().statusCode(201)
                .body("role", equalTo("DEVELOPMENT"))
                .body("name", equalTo("Lead dev"))
                .body("answered", equalTo(0))
                .extract().jsonPath();
        String token = first.getString("token");
        assertEquals(43, token.length(), "256-bit URL-safe token");
        org.junit.jupiter.api.Assertions.assertTrue(first.getString("surveyUrl").endsWith("/survey/" + token));
        String second = Api.addRespondent(id, "OPERATIONS");
        assertNotEquals(token, second);
        Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().statusCode(200)
                .body("role", equalTo(java.util.List.of("DEVELOPMENT", "OPERATIONS")));
    }

    @Test
    void respondentWithoutRoleOrWithUnknownRoleIsRefused() {
        long id = Api.createAssessment("Fabrikam");
        Api.consultant().contentType(ContentType.JSON).body(Map.of("name", "No role"))
                .post("/api/v1/assessments/" + id + "/respondents")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("role"));
        Api.consultant().contentType(ContentType.JSON).body(Map.of("role", "CEO"))
                .post("/api/v1/assessments/" + id + "/respondents")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("role"));
        Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().body("$", hasSize(0));
    }

    @Test
    void questionnairesAreListedAndServedInFull() {
        given().get("/api/v1/questionnaires").then().statusCode(200)
                .body("[0].key", equalTo("devops-maturity"))
                .body("[0].version", equalTo(1));
        given().get("/api/v1/questionnaires/devops-maturity/versions/1").then().statusCode(200)
                .body("sections.questions.flatten().key", hasItem("ci.build_trigger"))
                .body("capabilities.key", hasItem("leadership_sponsorship"));
        given().get("/api/v1/questionnaires/devops-maturity/versions/7").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aMissingBodyIsNamedAsTheBodyNotByTheJavaParameter() {
        for (String body : new String[] {"", "null"}) {
            Api.consultant().contentType("application/json").body(body).post("/api/v1/assessments").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("body"))
                    .body("errors[0].message", org.hamcrest.Matchers.equalTo("a JSON body is required"))
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("request")));
        }
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        var doc = Api.consultant().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/assessments/{id}/evaluation")).extract().jsonPath();
        // a script's two ways in, as Swagger UI's Authorize offers them
        assertEquals("bearer", doc.getString("components.securitySchemes.token.scheme"));
        assertTrue(doc.getList("components.securitySchemes.collect { it.value.scheme }", String.class).contains("basic"));
        assertTrue(doc.getList("paths.'/api/v1/assessments'.get.security.collect { it.keySet() }.flatten()", String.class)
                .contains("token"), "the dashboard list accepts the token");
        // the dashboard's query parameters, read by name so that unknown ones can be refused
        assertEquals(java.util.List.of("organisation", "page", "size", "sort", "status"), doc.getList(
                "paths.'/api/v1/assessments'.get.parameters.name", String.class).stream().sorted().toList());
        assertTrue(doc.getMap("paths.'/api/v1/assessments/{id}'.delete.responses").containsKey("204"));
        assertEquals(java.util.List.of("version"), doc.getList("paths.'/api/v1/assessments/{id}/report.pdf'.get.parameters"
                + ".findAll { it.in == 'query' }.name", String.class));
        // clearing an answer takes its version as a whole number (read as text so that a bad one is a 400 naming it)
        assertEquals(java.util.List.of("integer"), doc.getList("paths.'/api/v1/respondents/{token}/answers/{questionKey}'"
                + ".delete.parameters.findAll { it.name == 'version' }.schema.type", String.class));
    }
}
