package dev.bearing.milestone;

import static org.hamcrest.Matchers.equalTo;

import dev.bearing.support.Api;
import dev.bearing.support.Approvals;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@io.quarkus.test.security.TestSecurity(user = "consultant", roles = "consultant")
class MilestoneResourceTest {

    @Test
    void probe() {
        long first = Approvals.evaluated("Probe Milestone Org", new int[] {1}, Map.of());
        Approvals.approveLatest(first, "consultant");
        long second = Approvals.evaluated("probe  milestone ORG", new int[] {3}, Map.of());
        Api.consultant().get("/api/v1/assessments/" + second).then().statusCode(200)
                .body("previousAssessmentId", equalTo((int) first));
        System.out.println(Api.consultant().get("/api/v1/assessments/" + second + "/milestones").then().extract().asPrettyString());
        System.out.println(Api.consultant().get("/api/v1/assessments/" + second + "/benchmark").then().extract().asPrettyString());
    }
}
