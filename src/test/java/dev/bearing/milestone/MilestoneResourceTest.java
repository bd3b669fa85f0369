package dev.bearing.milestone;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import dev.bearing.support.Approvals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Re-assessments and the milestone comparison: the link to the previous assessment, and the change
 * per capability, stage and band read back from the API, the PDF and the assessment page.
 */
@QuarkusTest
class MilestoneResourceTest {

    @Test
    void aReassessmentFollowsTheNewestEarlierAssessmentOfTheSameOrganisation() {
        long first = Api.createAssessment("Harbour Freight Milestones");
        long second = Api.createAssessment("  harbour   FREIGHT milestones ");
        Api.consultant().get("/api/v1/assessments/" + second).then().statusCode(200)
                .body("previousAssessmentId", equalTo((int) first));
        long third = Api.createAssessment("Harbour Freight Milestones");
        Api.consultant().get("/api/v1/assessments/" + third).then().body("previousAssessmentId", equalTo((int) second));

        // a first assessment on request, an explicit predecessor, an unknown one
        long fresh = Api.consultant().contentType(ContentType.JSON)
                .body(Map.of("organisation", "Harbour Freight Milestones", "linkPrevious", false))
                .post("/api/v1/assessments").then().statusCode(201).body("previousAssessmentId", nullValue())
                .extract().jsonPath().getLong("id");
        Api.consultant().contentType(ContentType.JSON)
                .body(Map.of("organisation", "Harbour Freight (renamed)", "previousAssessmentId", first))
                .post("/api/v1/assessments").then().statusCode(201).body("previousAssessmentId", equalTo((int) first));
        Api.consultant().contentType(ContentType.JSON)
                .body(Map.of("organisation", "Harbour Freight Milestones", "previousAssessmentId", 987654321))
                .post("/api/v1/assessments").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("previousAssessmentId"));

        Api.consultant().get("/api/v1/assessments/" + fresh + "/milestones").then().statusCode(200)
                .body("previousAssessmentId", nullValue())
                .body("summary", containsString("first assessment"));
        Api.consultant().get("/api/v1/assessments/" + second + "/milestones").then().statusCode(200)
                .body("previousAssessmentId", equalTo((int) first))
                .body("summary", containsString("has no evaluation"));
        String page = Api.consultant().accept(ContentType.HTML).get("/assessments/" + second).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("has no evaluation, so there is nothing to compare with yet"), "milestone section");
        assertTrue(page.contains("Not evaluated yet: once it is, this shows where the organisation sits"), "benchmark section");
        Api.consultant().get("/api/v1/assessments/987654321/milestones").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anotherConsultantsAssessmentOfTheSameNameIsNeverLinked() {
        long theirs = Api.createAssessment("Wharfside Shipping");
        long mine = Api.otherConsultant().contentType(ContentType.JSON).body(Map.of("organisation", "Wharfside Shipping"))
                .post("/api/v1/assessments").then().statusCode(201).body("previousAssessmentId", nullValue())
                .extract().jsonPath().getLong("id");
        Api.otherConsultant().contentType(ContentType.JSON)
                .body(Map.of("organisation", "Wharfside Shipping", "previousAssessmentId", theirs))
                .post("/api/v1/assessments").then().statusCode(400).body("errors[0].field", equalTo("previousAssessmentId"));
        Api.otherConsultant().get("/api/v1/assessments/" + theirs + "/milestones").then().statusCode(404);
        Api.otherConsultant().get("/api/v1/assessments/" + mine + "/milestones").then().statusCode(200)
                .body("summary", containsString("first assessment"));
    }

    @Test
    void milestoneDiffOnTwoKnownAssessments() throws IOException {
        // then: Business answers every scored question at level 1 (25), Development and Operations at 2 (50)
        long before = Approvals.evaluated("Quayside Logistics", new int[] {1, 2, 2}, Map.of());
        Approvals.approveLatest(before, "consultant");
        // a later evaluation of the earlier assessment is not the milestone: its approved version is
        Approvals.answerAndEvaluate(before, new int[] {4, 4, 4}, Map.of());
        // now: Business 3 (75), Development 2 (50), Operations 4 (100)
        long after = Approvals.evaluated("Quayside Logistics", new int[] {3, 2, 4}, Map.of());

        JsonPath m = Api.consultant().get("/api/v1/assessments/" + after + "/milestones").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(before, m.getLong("previousAssessmentId"));
        assertEquals("APPROVED_VERSION", m.getString("previous.source"));
        assertEquals(1, m.getInt("previous.versionNumber"));
        assertEquals("EVALUATION", m.getString("current.source"));
        // answered by all three roles: (25 + 50 + 50) / 3 = 41.7 → (75 + 50 + 100) / 3 = 75
        assertCapability(m, "business_it_alignment", 41.7, 75.0, 33.3);
        // answered by Development and Operations: (50 + 50) / 2 → (50 + 100) / 2
        assertCapability(m, "source_control", 50.0, 75.0, 25.0);
        // answered by Development only: 50 → 50
        assertCapability(m, "test_automation", 50.0, 50.0, 0.0);
        // stage, band and index, as the rules place these answers
        String stageFrom = "Late phase of the second quarter (Adopting)";
        String stageTo = "Late phase of the third quarter (Aligning)";
        assertEquals(stageFrom, m.getString("stage.from"));
        assertEquals(stageTo, m.getString("stage.to"));
        assertEquals(2, m.getInt("stage.steps"));
        assertEquals("Medium", m.getString("band.from"));
        assertEquals("High", m.getString("band.to"));
        assertEquals(1, m.getInt("band.steps"));
        assertEquals(44.6, m.getDouble("previous.maturityIndex"));
        assertEquals(73.8, m.getDouble("current.maturityIndex"));
        assertEquals(29.2, m.getDouble("maturityIndexChange"));

        // the PDF shows the same figures
        byte[] pdf = Api.consultant().get("/api/v1/assessments/" + after + "/report.pdf").then().statusCode(200)
                .extract().asByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "milestone-report.pdf"), pdf); // for a reader's eye
        String text = text(pdf);
        int at = text.indexOf("Since the last milestone");
        assertTrue(at > 0, "the PDF has the milestone section");
        String section = text.substring(at, text.indexOf("Among the consultancy's assessments", at));
        assertTrue(section.contains("assessment No. " + before + ", approved version 1"), section);
        String flowing = section.replace('\n', ' ').replaceAll(" +", " ");
        assertTrue(flowing.contains("Adoption stage " + stageFrom + " " + stageTo + " Up two phases"), flowing);
        assertTrue(flowing.contains("Delivery performance Medium High Up one band"), flowing);
        assertTrue(flowing.contains("Maturity index 44.6 73.8 +29.2"), flowing);
        assertTrue(line(section, "Business/IT value alignment").endsWith("41.7 75 +33.3"),
                line(section, "Business/IT value alignment"));
        assertTrue(line(section, "Source control").endsWith("50 75 +25"), line(section, "Source control"));
        assertTrue(line(section, "Test automation").endsWith("50 50 0"), line(section, "Test automation"));

        // and the assessment page
        String page = Api.consultant().accept(ContentType.HTML).get("/assessments/" + after).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("Since the last milestone") && page.contains("+33.3"), "page shows the change");
        assertTrue(page.contains("href=\"/assessments/" + before + "\""), "page links the previous assessment");
        assertFalse(page.contains("<script>"), "no inline script");
    }

    private static void assertCapability(JsonPath m, String key, double previous, double current, double change) {
        String at = "capabilities.find { it.key == '" + key + "' }.";
        assertEquals(previous, m.getDouble(at + "previous"), key + " previous");
        assertEquals(current, m.getDouble(at + "current"), key + " current");
        assertEquals(change, m.getDouble(at + "change"), key + " change");
    }

    /** @return the first line of the text starting with the prefix */
    /** The table row for {@code prefix}: its line with the three figures (charts label the same names). */
    static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix) && l.substring(prefix.length()).strip().split(" +").length >= 3)
                .findFirst().orElse("(no line " + prefix + ")").strip();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setLineSeparator("\n");
            return s.getText(doc);
        }
    }
}
