package dev.bearing.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import dev.bearing.support.Approvals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark within the consultancy on known data sets. The industries Non-profit and Energy
 * and the sizes "500 to 999" and "1 employee" are reserved for this test's clients, so the industry
 * and size groups hold exactly the assessments made here, whatever other tests approve.
 */
@QuarkusTest
class BenchmarkResourceTest {

    static final Map<String, String> NON_PROFIT = Map.of("context.industry", "non_profit",
            "context.organisation_size", "fewer_than_1000");
    static final Map<String, String> ENERGY = Map.of("context.industry", "energy", "context.organisation_size", "solo");

    /** Names of the other clients: none may appear in what the targets' consultant reads. */
    static final List<String> OTHERS = new ArrayList<>();
    static long target;
    static long smallGroupTarget;

    @BeforeEach
    void dataSet() {
        if (target != 0) {
            return;
        }
        // six other non-profits, every scored answer at one level: 0, 25, 25, 50, 75 and 100 points
        int[] levels = {0, 1, 1, 2, 3, 4};
        String[] names = {"Alder Food Bank", "Birch Housing Trust", "Cedar Arts Council", "Damson Hospice",
            "Elm Literacy Fund", "Fir Rescue Society"};
        for (int i = 0; i < levels.length; i++) {
            OTHERS.add(names[i]);
            Approvals.approveLatest(Approvals.evaluated(names[i], new int[] {levels[i]}, NON_PROFIT), "consultant");
        }
        // the target's own earlier, approved assessment is its milestone, never its peer
        long earlier = Approvals.evaluated("Lantern Trust", new int[] {4}, NON_PROFIT);
        Approvals.approveLatest(earlier, "consultant");
        // the target: Business at level 3, Development and Operations at level 2
        target = Approvals.evaluated("Lantern Trust", new int[] {3, 2, 2}, NON_PROFIT);

        // three energy cooperatives of one employee: below the minimum of five
        String[] small = {"Gorse Power Co-op", "Heather Wind Co-op", "Ivy Solar Co-op"};
        for (int i = 0; i < small.length; i++) {
            OTHERS.add(small[i]);
            Approvals.approveLatest(Approvals.evaluated(small[i], new int[] {i + 1}, ENERGY), "consultant");
        }
        smallGroupTarget = Approvals.evaluated("Beacon Grid Cooperative", new int[] {2}, ENERGY);
    }

    @Test
    void percentilesOnAKnownDataSet() throws IOException {
        JsonPath b = Api.consultant().get("/api/v1/assessments/" + target + "/benchmark").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(5, b.getInt("minimum"));
        for (String kind : List.of("INDUSTRY", "SIZE")) {
            String g = "groups.find { it.kind == '" + kind + "' }.";
            assertEquals(6, b.getInt(g + "assessments"), kind + ": six other organisations, not the target's own earlier assessment");
            assertTrue(b.getBoolean(g + "shown"));
            // all three roles answer it: (75 + 50 + 50) / 3 = 58.3, above 0, 25, 25 and 50: 4 of 6
            assertPercentile(b, g, "business_it_alignment", 58.3, 67);
            // Development and Operations answer it: 50, above 0, 25, 25; equal to one 50, which is not lower: 3 of 6
            assertPercentile(b, g, "source_control", 50.0, 50);
            assertPercentile(b, g, "test_automation", 50.0, 50);
        }
        assertEquals("Non-profit", b.getString("groups.find { it.kind == 'INDUSTRY' }.name"));
        assertEquals("500 to 999 employees", b.getString("groups.find { it.kind == 'SIZE' }.name"));
        List<Integer> stages = b.getList("groups.find { it.kind == 'INDUSTRY' }.stages.assessments", Integer.class);
        // levels 0, 1, 1 are Exploring; 2 Aligning; 3, 4 Transforming; the target is Aligning
        assertEquals(List.of(3, 0, 1, 2), stages);
        assertEquals(List.of(50, 0, 17, 33), b.getList("groups.find { it.kind == 'INDUSTRY' }.stages.percent", Integer.class));
        assertEquals(List.of(3), b.getList("groups.find { it.kind == 'INDUSTRY' }.stages.findAll { it.yours }.quarter", Integer.class));

        byte[] bytes = Api.consultant().get("/api/v1/assessments/" + target + "/report.pdf").then().statusCode(200)
                .extract().asByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "benchmark-report.pdf"), bytes); // for a reader's eye
        String pdf = text(bytes);
        String section = pdf.substring(pdf.indexOf("Among the consultancy's assessments"));
        String industry = section.substring(section.indexOf("Industry: Non-profit"), section.indexOf("Organisation size:"));
        assertTrue(industry.contains("Among 6 approved assessments of other organisations"), industry);
        // the table's row: the chart above it labels its bars with the same names and the percentile
        assertTrue(tableRow(industry, "Business/IT value alignment").endsWith("58 67 6"), tableRow(industry, "Business/IT value alignment"));
        assertTrue(tableRow(industry, "Source control").endsWith("50 50 6"), tableRow(industry, "Source control"));
        assertEquals("Aligning (you) 1 17 %", line(industry, "Aligning"));
        assertEquals("Exploring 3 50 %", line(industry, "Exploring"));
        assertNoOtherClient(pdf, "PDF");
    }

    @Test
    void belowTheMinimumTheSectionSaysSoAndShowsNoFigures() throws IOException {
        JsonPath b = Api.consultant().get("/api/v1/assessments/" + smallGroupTarget + "/benchmark").then()
                .statusCode(200).extract().jsonPath();
        for (String kind : List.of("INDUSTRY", "SIZE")) {
            String g = "groups.find { it.kind == '" + kind + "' }.";
            assertEquals(3, b.getInt(g + "assessments"));
            assertFalse(b.getBoolean(g + "shown"));
            assertEquals("Shown once 5 approved assessments of other organisations exist in this group; 3 so far.",
                    b.getString(g + "message"));
            assertTrue(b.getList(g + "capabilities").isEmpty() && b.getList(g + "stages").isEmpty());
        }

        String pdf = text(Api.consultant().get("/api/v1/assessments/" + smallGroupTarget + "/report.pdf").then()
                .statusCode(200).extract().asByteArray());
        String section = pdf.substring(pdf.indexOf("Among the consultancy's assessments"));
        String industry = section.substring(section.indexOf("Industry: Energy"), section.indexOf("Organisation size:"))
                .replace('\n', ' ').strip();
        assertEquals("Industry: Energy Shown once 5 approved assessments of other organisations exist in this group; 3 so far.",
                industry);
        String page = Api.consultant().accept(ContentType.HTML).get("/assessments/" + smallGroupTarget).then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("Shown once 5 approved assessments of other organisations exist in this group; 3 so far."));
        assertNoOtherClient(pdf, "PDF");
    }

    @Test
    void noOtherClientIsNamedAnywhere() {
        for (long id : List.of(target, smallGroupTarget)) {
            assertNoOtherClient(Api.consultant().get("/api/v1/assessments/" + id + "/benchmark").then().statusCode(200)
                    .extract().asString(), "benchmark API");
            assertNoOtherClient(Api.consultant().get("/api/v1/assessments/" + id + "/milestones").then().statusCode(200)
                    .extract().asString(), "milestones API");
            assertNoOtherClient(Api.consultant().accept(ContentType.HTML).get("/assessments/" + id).then().statusCode(200)
                    .extract().asString(), "assessment page");
        }
        Api.consultant().get("/api/v1/assessments/987654321/benchmark").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aNewerApprovedVersionReplacesTheOlderOneInTheBenchmark() {
        Map<String, String> insurance = Map.of("context.industry", "insurance", "context.organisation_size", "fewer_than_10");
        long id = Approvals.evaluated("Juniper Mutual", new int[] {1}, insurance);
        OTHERS.add("Juniper Mutual");
        Approvals.approveLatest(id, "consultant");
        assertEquals(List.of(1, 25.0), entry(id));
        // more answers, a new evaluation, version 2: the benchmark holds version 2 only
        Approvals.answerAndEvaluate(id, new int[] {3}, insurance);
        Approvals.approveLatest(id, "consultant");
        assertEquals(List.of(2, 50.0), entry(id));
    }

    /** @return the recorded version number and business/IT alignment score of an assessment */
    private static List<Object> entry(long assessmentId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            jakarta.persistence.EntityManager em = io.quarkus.arc.Arc.container()
                    .instance(jakarta.persistence.EntityManager.class).get();
            Object[] row = (Object[]) em.createNativeQuery("""
                    select e.version_number, s.score from benchmark_entry e
                    join benchmark_score s on s.assessment_id = e.assessment_id and s.capability = 'business_it_alignment'
                    where e.assessment_id = :id""").setParameter("id", assessmentId).getSingleResult();
            return List.of(((Number) row[0]).intValue(), ((Number) row[1]).doubleValue());
        });
    }

    private static void assertPercentile(JsonPath b, String group, String key, double score, int percentile) {
        String at = group + "capabilities.find { it.key == '" + key + "' }.";
        assertEquals(score, b.getDouble(at + "score"), key);
        assertEquals(6, b.getInt(at + "compared"), key);
        assertEquals(percentile, b.getInt(at + "percentile"), key);
    }

    private static void assertNoOtherClient(String text, String where) {
        for (String name : OTHERS) {
            assertFalse(text.contains(name), where + " names another client: " + name);
        }
    }

    /**
     * @return the line starting with {@code prefix} that holds three numbers (score, percentile,
     *     compared with): the table's row, not the chart's bar label of the same name and one number
     */
    static String tableRow(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix) && l.strip().matches(".* \\d+ \\d+ \\d+")).findFirst()
                .orElse("(no table row " + prefix + ")").strip();
    }

    static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no line " + prefix + ")").strip();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setLineSeparator("\n");
            return s.getText(doc);
        }
    }

}
