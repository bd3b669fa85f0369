package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which requests the consultant side refuses from other machines. */
class ConsultantAccessTest {

    @Test
    void consultantPathsAreTheListPagesAndTheAssessmentApi() {
        assertTrue(ConsultantAccess.isConsultantPath("/"));
        assertTrue(ConsultantAccess.isConsultantPath("/assessments/3"));
        assertTrue(ConsultantAccess.isConsultantPath("/api/v1/assessments"));
        assertTrue(ConsultantAccess.isConsultantPath("/api/v1/assessments/3/report.pdf"));
        assertFalse(ConsultantAccess.isConsultantPath("/survey/abc"), "respondents come from anywhere");
        assertFalse(ConsultantAccess.isConsultantPath("/api/v1/respondents/abc/answers"));
        assertFalse(ConsultantAccess.isConsultantPath("/assets/survey.js"));
    }

    @Test
    void onlyLoopbackAddressesAreLocal() {
        assertTrue(ConsultantAccess.isLocal("127.0.0.1"));
        assertTrue(ConsultantAccess.isLocal("127.10.0.3"));
        assertTrue(ConsultantAccess.isLocal("0:0:0:0:0:0:0:1"));
        assertFalse(ConsultantAccess.isLocal("192.0.2.2"));
        assertFalse(ConsultantAccess.isLocal("10.0.0.8"));
        assertFalse(ConsultantAccess.isLocal(null));
    }
}
