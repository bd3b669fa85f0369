package dev.bearing.review;

import dev.bearing.assessment.DemoAssessment;
import dev.bearing.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "alice", roles = "consultant")
class ReviewDumpTest {
    @Inject
    DemoAssessment demo;

    @Test
    void dump() throws Exception {
        long id = demo.create().id();
        String body = Api.consultant().get("/api/v1/assessments/" + id + "/review").then().statusCode(200).extract().asString();
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/review-dump.json"), body);
    }
}
