package dev.bearing.respondent;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.security.AuditEvent;
import dev.bearing.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the SMTP server unreachable, the respondent and the link are kept and the failure is said and audited. */
@QuarkusTest
@TestProfile(MailServerDownTest.NoMailServer.class)
class MailServerDownTest {

    /** A real (not mock) mailer pointed at a port where nothing listens. */
    public static class NoMailServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", "9",
                    "quarkus.mailer.start-tls", "DISABLED");
        }
    }

    @Test
    void aRefusedMailKeepsTheRespondentAndReturnsTheLinkToPassOnByHand() {
        long id = Api.createAssessment("Mail down org");
        String link = Api.consultant().contentType(ContentType.JSON)
                .body(Map.of("role", "BUSINESS", "email", "cfo@maildown.example"))
                .post("/api/v1/assessments/" + id + "/respondents").then().statusCode(201)
                .body("mailedTo", nullValue()).body("mailError", startsWith("the mail server could not be reached (Connection refused"))
                .body("mailError", not(containsString("Exception"))).body("mailError", not(containsString("io.netty")))
                .extract().path("surveyUrl");
        io.restassured.RestAssured.given().get(link.substring(link.indexOf("/survey/"))).then().statusCode(200);
        Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().body("[0].email",
                equalTo("cfo@maildown.example")).body("[0].lastMailedAt", nullValue());
        assertTrue(audit(id).stream().anyMatch(e -> e.action.equals("respondent.mail_failed")
                && e.detail.startsWith("Invitation to cfo@maildown.example") && !e.detail.contains("Exception")));
    }

    @Transactional
    List<AuditEvent> audit(long assessmentId) {
        return AuditEvent.ofAssessment(assessmentId);
    }
}
