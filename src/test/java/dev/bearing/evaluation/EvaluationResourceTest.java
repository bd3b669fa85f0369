package dev.bearing.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.bearing.questionnaire.Role;
import dev.bearing.support.Api;
import dev.bearing.support.FullSurvey;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvaluationResourceTest {

    @Test
    void evaluationNeedsASubmittedSurvey() {
        long id = Api.createAssessment("Nobody answered yet");
        Api.addRespondent(id, "BUSINESS");
        Api.consultant().contentType("application/json").post("/api/v1/assessments/" + id + "/evaluation").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("no submitted respondent"));
        Api.consultant().get("/api/v1/assessments/" + id + "/evaluation").then().statusCode(404);
        Api.consultant().get("/api/v1/assessments/" + id + "/report.pdf").then().statusCode(404)
                .contentType("application/problem+json");
        Api.consultant().contentType("application/json").post("/api/v1/assessments/424242424/evaluation").then().statusCode(404);
    }

    @Test
    void evaluatesSubmittedSurveysAndRecordsTheRuleSetVersion() {
        long id = Api.createAssessment("Evaluated org");
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        for (Role role : Role.values()) {
            String t = Api.addRespondent(id, role.name());
            int level = role == Role.BUSINESS ? 4 : 1;
            Api.putMany(t, FullSurvey.answers(role, level, Map.of(
                    "context.hosting", f.textNode("on_premises_only")))).then().statusCode(200);
            Api.submit(t).then().statusCode(200);
        }
        String expectedVersion = RuleBase.hash(Path.of("rules"));
        var created = Api.consultant().contentType("application/json").post("/api/v1/assessments/" + id + "/evaluation");
        created.then().statusCode(201)
                .body("assessmentId", equalTo((int) id))
                .body("result.ruleSetVersion", equalTo(expectedVersion))
                .body("result.respondents.BUSINESS", equalTo(1))
                .body("result.stage.label", containsString("quarter"))
                .body("result.findings.key", hasItem("alignment.gap"))
                .body("result.stack.find { it.layer == 'incident_response' }.excluded.key", hasItem("pagerduty"))
                .body("result.firedRules", hasItem("On-premises-only organisation → tools that need a vendor cloud excluded"));
        Api.consultant().get("/api/v1/assessments/" + id + "/evaluation").then().statusCode(200)
                .body("result.ruleSetVersion", equalTo(expectedVersion))
                .body("result.capabilities", hasSize(18))
                .body("result.delivery.thresholdsYear", equalTo(2024))
                .body("evaluatedAt", notNullValue());
        // the new evaluation's answer carries the result as stored: the same document GET reads back,
        // and the same envelope
        var read = Api.consultant().get("/api/v1/assessments/" + id + "/evaluation");
        Map<String, Object> posted = created.jsonPath().getMap("");
        Map<String, Object> got = read.jsonPath().getMap("");
        org.junit.jupiter.api.Assertions.assertEquals(got, posted);
        Api.consultant().get("/api/v1/assessments/" + id).then().body("latestEvaluationAt", notNullValue());
    }
}
