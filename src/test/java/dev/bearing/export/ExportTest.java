package dev.bearing.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bearing.questionnaire.Role;
import dev.bearing.security.AuditEvent;
import dev.bearing.support.Api;
import dev.bearing.support.FullSurvey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportTest {

    @Inject
    ObjectMapper json;

    static final String HOSTILE_ORG = "Zoë, \"Søn\"\nLtd";

    static String respondent(long id, String role, String name, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("name", name);
        if (email != null) {
            body.put("email", email);
        }
        return Api.consultant().contentType(ContentType.JSON).body(body)
                .post("/api/v1/assessments/" + id + "/respondents").then().statusCode(201).extract().path("token");
    }

    static String submitted(long id, Role role, int level, String name, Map<String, Object> text) {
        String t = respondent(id, role.name(), name, null);
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        Map<String, JsonNode> explicit = new HashMap<>();
        text.forEach((k, v) -> explicit.put(k, f.textNode((String) v)));
        Api.putMany(t, FullSurvey.answers(role, level, explicit)).then().statusCode(200);
        Api.submit(t).then().statusCode(200);
        return t;
    }

    static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    @Test
    void answersCsvIsRfc4180AndNoCellCanBecomeAFormula() throws Exception {
        long id = Api.createAssessment(HOSTILE_ORG);
        submitted(id, Role.BUSINESS, 2, "=HYPERLINK(\"http://x.invalid\",\"y\")",
                Map.of("context.biggest_obstacle", "@SUM(A1)", "context.one_change", "+1"));
        String t = respondent(id, "DEVELOPMENT", "-5", null);
        Api.put(t, "context.biggest_obstacle", Map.of("value", "-5")).then().statusCode(200);

        var response = Api.consultant().get("/api/v1/assessments/" + id + "/export/answers.csv");
        response.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"assessment-" + id + "-answers.csv\"");
        byte[] bytes = response.asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertFalse(text.startsWith("\uFEFF"), "no BOM unless asked");
        assertTrue(text.startsWith("assessment_id,organisation,questionnaire,respondent_id,role,respondent_name,"
                + "respondent_email,respondent_status,section,question_key,question,answer,value_json,updated_at\r\n"), text);
        List<CSVRecord> rows = parse(text);
        assertEquals(Integer.parseInt(response.header("X-Row-Count")), rows.size());
        // a name is stored on one line (a line break in it once stopped every invitation mail), quotes and accents as typed
        assertTrue(rows.stream().allMatch(r -> r.get("organisation").equals("Zoë, \"Søn\" Ltd")), "organisation round-trips");
        CSVRecord obstacle = rows.stream().filter(r -> r.get("role").equals("BUSINESS")
                && r.get("question_key").equals("context.biggest_obstacle")).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://x.invalid\",\"y\")", obstacle.get("respondent_name"));
        assertEquals("'@SUM(A1)", obstacle.get("answer"));
        assertEquals("SUBMITTED", obstacle.get("respondent_status"));
        assertEquals("'+1", rows.stream().filter(r -> r.get("role").equals("BUSINESS")
                && r.get("question_key").equals("context.one_change")).findFirst().orElseThrow().get("answer"));
        CSVRecord minus = rows.stream().filter(r -> r.get("role").equals("DEVELOPMENT")).findFirst().orElseThrow();
        assertEquals("-5", minus.get("respondent_name"), "a plain negative number stays a number");
        assertEquals("-5", minus.get("answer"));
        assertEquals("IN_PROGRESS", minus.get("respondent_status"), "unsubmitted answers are exported too");
        for (CSVRecord r : rows) {
            for (String cell : r.toList()) {
                assertFalse(cell.matches("(?s)^[=+@\t\r].*") || (cell.startsWith("-") && !cell.matches("-?\\d+(\\.\\d+)?")),
                        "formula-capable cell: " + cell);
            }
        }
        byte[] withBom = Api.consultant().get("/api/v1/assessments/" + id + "/export/answers.csv?bom=true").asByteArray();
        assertEquals("\uFEFF" + text, new String(withBom, StandardCharsets.UTF_8));
        Api.consultant().get("/api/v1/assessments/" + id + "/export/answers.csv?bom=yes").then().statusCode(400)
                .body("errors[0].field", equalTo("bom"));
        // a misspelt parameter is refused, naming it, rather than ignored
        Api.consultant().get("/api/v1/assessments/" + id + "/export/answers.csv?bmo=true").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("bmo"))
                .body("detail", equalTo("bmo: is not a parameter of answers.csv; the only one is bom"));
        Api.consultant().get("/api/v1/assessments/" + id + "/export/assessment.json?x=1").then().statusCode(400)
                .body("errors[0].field", equalTo("x"));
        assertTrue(audit(id).stream().anyMatch(e -> e.action.equals("export.answers_csv")
                && e.detail.equals("Exported answers as CSV: " + rows.size() + " rows.")));
        // a HEAD request sends no rows, so it is no export
        long exports = audit(id).stream().filter(e -> e.action.equals("export.answers_csv")).count();
        Api.consultant().head("/api/v1/assessments/" + id + "/export/answers.csv").then().statusCode(200);
        assertEquals(exports, audit(id).stream().filter(e -> e.action.equals("export.answers_csv")).count());
    }

    @Test
    void resultsCsvAndSetsOfAssessmentsByIdOrOrganisation() throws Exception {
        long a = Api.createAssessment("Setexport Alpha Ltd");
        long b = Api.createAssessment("Setexport Beta Ltd");
        long other = Api.createAssessment("Unrelated Co");
        for (long id : List.of(a, b)) {
            submitted(id, Role.DEVELOPMENT, id == a ? 1 : 3, "Dev", Map.of());
            Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/" + id + "/evaluation").then().statusCode(201);
        }
        Api.consultant().get("/api/v1/assessments/" + other + "/export/results.csv").then().statusCode(404)
                .body("detail", containsString("not been evaluated"));
        String one = Api.consultant().get("/api/v1/assessments/" + a + "/export/results.csv").then().statusCode(200)
                .extract().asString();
        List<CSVRecord> rows = parse(one);
        assertEquals(18, rows.size(), "one row per capability");
        assertTrue(rows.get(0).get("stage").contains("quarter"));

        String byIds = Api.consultant().get("/api/v1/assessments/export/results.csv?assessment=" + a + "&assessment=" + b)
                .then().statusCode(200).extract().asString();
        assertEquals(Set.of(String.valueOf(a), String.valueOf(b)),
                new LinkedHashSet<>(parse(byIds).stream().map(r -> r.get("assessment_id")).toList()));
        String byOrg = Api.consultant().get("/api/v1/assessments/export/answers.csv?organisation=setexport")
                .then().statusCode(200).extract().asString();
        assertEquals(Set.of(String.valueOf(a), String.valueOf(b)),
                new LinkedHashSet<>(parse(byOrg).stream().map(r -> r.get("assessment_id")).toList()));
        Api.consultant().get("/api/v1/assessments/export/assessments.json?assessment=" + a + "," + b).then().statusCode(200)
                .body("size()", equalTo(2)).body("[1].assessment.organisation", equalTo("Setexport Beta Ltd"));
        Api.consultant().get("/api/v1/assessments/export/answers.csv").then().statusCode(400)
                .body("errors[0].field", equalTo("assessment"));
        Api.consultant().get("/api/v1/assessments/export/answers.csv?assessment=" + a + "&assessment=987654321")
                .then().statusCode(404);
        Api.consultant().get("/api/v1/assessments/export/answers.csv?organisation=no-such-org-anywhere").then().statusCode(400)
                .body("errors[0].field", equalTo("organisation"));
        // another consultant sees none of them, by name or by id; an admin sees both
        Api.otherConsultant().get("/api/v1/assessments/export/answers.csv?organisation=setexport").then().statusCode(400)
                .body("errors[0].field", equalTo("organisation"));
        Api.otherConsultant().get("/api/v1/assessments/export/answers.csv?assessment=" + a).then().statusCode(404);
        assertEquals(Set.of(String.valueOf(a), String.valueOf(b)), new LinkedHashSet<>(parse(Api.admin()
                .get("/api/v1/assessments/export/answers.csv?organisation=SETEXPORT").asString()).stream()
                .map(r -> r.get("assessment_id")).toList()));
    }

    @Test
    void jsonExportImportsBackIntoAnIdenticalAssessmentWithNewLinks() throws Exception {
        long id = Api.createAssessment(HOSTILE_ORG);
        String t1 = submitted(id, Role.BUSINESS, 3, "CFO", Map.of("context.biggest_obstacle", "Budget cycles"));
        submitted(id, Role.OPERATIONS, 1, "Ops lead", Map.of());
        String unfinished = respondent(id, "DEVELOPMENT", "Dev lead", "dev@roundtrip.example");
        Api.put(unfinished, "ci.build_trigger", Map.of("value", "on_every_push")).then().statusCode(200);
        Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/" + id + "/evaluation").then().statusCode(201);

        String exported = Api.consultant().get("/api/v1/assessments/" + id + "/export/assessment.json").then().statusCode(200)
                .header("Content-Disposition", containsString("assessment-" + id + ".json")).extract().asString();
        assertFalse(exported.contains(t1) || exported.contains(unfinished), "no survey token in the export");
        assertFalse(exported.contains("\"token"), "no token field in the export");
        JsonNode first = json.readTree(exported);
        assertEquals(3, first.get("respondents").size());
        assertEquals("IN_PROGRESS", first.get("respondents").get(2).get("status").asText());
        assertEquals("dev@roundtrip.example", first.get("respondents").get(2).get("email").asText());

        var imported = Api.consultant().contentType(ContentType.JSON).body(exported).post("/api/v1/assessments/import")
                .then().statusCode(201).extract().jsonPath();
        long newId = imported.getLong("id");
        assertNotEquals(id, newId);
        assertEquals(id, imported.getLong("importedFrom"));
        List<String> tokens = imported.getList("respondents.token");
        assertEquals(3, tokens.size());
        for (String token : tokens) {
            assertFalse(token == null || token.equals(t1) || token.equals(unfinished));
            given().get("/survey/" + token).then().statusCode(200);
        }
        String again = Api.consultant().get("/api/v1/assessments/" + newId + "/export/assessment.json").then().statusCode(200)
                .extract().asString();
        assertEquals(withoutIds(first), withoutIds(json.readTree(again)));
        int answers = 0;
        for (JsonNode r : first.get("respondents")) {
            answers += r.get("answers").size();
        }
        String exportedDetail = "Exported as JSON: 3 respondents, " + answers + " answers, 1 evaluation.";
        assertTrue(audit(id).stream().anyMatch(e -> e.action.equals("export.json") && e.detail.equals(exportedDetail)),
                "one evaluation is counted in the singular: " + audit(id).stream().map(e -> e.detail).toList());
        assertTrue(audit(newId).stream().anyMatch(e -> e.action.equals("assessment.imported")
                && e.detail.endsWith(": 3 respondents with new links, 1 evaluation.")));
    }

    @Test
    void anImportThatDoesNotFitIsRefusedNamingTheFieldAndNothingIsCreated() throws Exception {
        long id = Api.createAssessment("Import refusal org");
        respondent(id, "BUSINESS", "CFO", null);
        ObjectNode doc = (ObjectNode) json.readTree(Api.consultant().get("/api/v1/assessments/" + id
                + "/export/assessment.json").asString());
        // an import makes an assessment of the exported organisation: count those (the list is a page)
        int before = Api.consultant().queryParam("organisation", "Import refusal org").get("/api/v1/assessments").then()
                .statusCode(200).extract().path("totalItems");
        assertEquals(1, before);

        ObjectNode badKey = doc.deepCopy();
        ArrayNode answers = (ArrayNode) badKey.get("respondents").get(0).get("answers");
        answers.addObject().put("questionKey", "no.such.question").put("value", "x").put("updatedAt", "2026-01-01T00:00:00Z");
        Api.consultant().contentType(ContentType.JSON).body(badKey.toString()).post("/api/v1/assessments/import").then()
                .statusCode(400).body("errors[0].field", equalTo("respondents[0].answers[0].questionKey"));
        ObjectNode badFormat = doc.deepCopy().put("format", "something-else/9");
        Api.consultant().contentType(ContentType.JSON).body(badFormat.toString()).post("/api/v1/assessments/import").then()
                .statusCode(400).body("errors[0].field", equalTo("format"));
        ObjectNode badVersion = doc.deepCopy();
        ((ObjectNode) badVersion.get("assessment")).put("questionnaireVersion", 99);
        Api.consultant().contentType(ContentType.JSON).body(badVersion.toString()).post("/api/v1/assessments/import").then()
                .statusCode(400).body("errors[0].field", equalTo("assessment.questionnaireVersion"));
        assertEquals(before, (int) Api.consultant().queryParam("organisation", "Import refusal org").get("/api/v1/assessments")
                .then().statusCode(200).extract().path("totalItems"), "a refused import creates no assessment");
    }

    @Test
    void anImportedAnswerToAFollowUpTheRespondentsOtherAnswersHideIsRefusedNamingBoth() throws Exception {
        // the survey refuses it (not-visible) and scoring ignores it: an import must not slip it in
        long id = Api.createAssessment("Import hidden follow-up org");
        String ops = respondent(id, "OPERATIONS", "Ops lead", null);
        Api.put(ops, "context.service_hours", Map.of("value", "business_hours")).then().statusCode(200);
        ObjectNode doc = (ObjectNode) json.readTree(Api.consultant().get("/api/v1/assessments/" + id
                + "/export/assessment.json").asString());
        java.util.function.IntSupplier sameName = () -> Api.consultant().queryParam("organisation", "Import hidden follow-up org")
                .get("/api/v1/assessments").then().statusCode(200).extract().path("totalItems");
        assertEquals(1, sameName.getAsInt());

        ObjectNode hidden = doc.deepCopy();
        ((ArrayNode) hidden.get("respondents").get(0).get("answers")).addObject().put("questionKey", "mon.on_call")
                .put("value", "team_owns").put("updatedAt", "2026-01-01T00:00:00Z");
        Api.consultant().contentType(ContentType.JSON).body(hidden.toString()).post("/api/v1/assessments/import").then()
                .statusCode(400).contentType(containsString("application/problem+json"))
                .body("type", org.hamcrest.Matchers.endsWith("/problems/not-visible"))
                .body("errors.field", equalTo(List.of("respondents[0].answers[1].questionKey")))
                .body("errors[0].message", equalTo("mon.on_call is not shown with this respondent's answers, so it cannot be"
                        + " imported: it follows up context.service_hours, and context.service_hours is answered"
                        + " \"business_hours\" (it is asked unless context.service_hours is one of \"business_hours\","
                        + " \"no_live_service\"); remove this answer or correct that one"));

        // a follow-up whose parent is not answered at all
        ObjectNode orphan = doc.deepCopy();
        ArrayNode answers = (ArrayNode) orphan.get("respondents").get(0).get("answers");
        answers.removeAll();
        answers.addObject().put("questionKey", "mon.on_call").put("value", "team_owns").put("updatedAt", "2026-01-01T00:00:00Z");
        Api.consultant().contentType(ContentType.JSON).body(orphan.toString()).post("/api/v1/assessments/import").then()
                .statusCode(400).body("errors[0].field", equalTo("respondents[0].answers[0].questionKey"))
                .body("errors[0].message", containsString("it follows up context.service_hours, and context.service_hours"
                        + " is not answered"));

        // a question not asked of the respondent's role, as the survey refuses it
        ObjectNode otherRole = doc.deepCopy();
        ((ObjectNode) otherRole.get("respondents").get(0)).put("role", "BUSINESS");
        ((ObjectNode) otherRole.get("respondents").get(0).get("answers").get(0)).put("value", "around_the_clock");
        ((ArrayNode) otherRole.get("respondents").get(0).get("answers")).addObject().put("questionKey", "mon.on_call")
                .put("value", "team_owns").put("updatedAt", "2026-01-01T00:00:00Z");
        Api.consultant().contentType(ContentType.JSON).body(otherRole.toString()).post("/api/v1/assessments/import").then()
                .statusCode(400).body("errors[0].field", equalTo("respondents[0].answers[1].questionKey"))
                .body("errors[0].message", containsString("mon.on_call is not asked of the"));

        // the same follow-up, shown because its parent says so, imports
        ObjectNode shown = hidden.deepCopy();
        ((ObjectNode) shown.get("respondents").get(0).get("answers").get(0)).put("value", "around_the_clock");
        Api.consultant().contentType(ContentType.JSON).body(shown.toString()).post("/api/v1/assessments/import").then()
                .statusCode(201);
        assertEquals(2, sameName.getAsInt(), "the original and the one import that fits: the refused ones created nothing");
    }

    @Test
    void backlogCsvHasStableIdsAcrossEvaluationsAndTheColumnsJiraAndGitHubMap() throws Exception {
        long id = Api.createAssessment("Backlog org");
        submitted(id, Role.DEVELOPMENT, 1, "Dev", Map.of());
        String evaluate = "/api/v1/assessments/" + id + "/evaluation";
        Api.consultant().contentType(ContentType.JSON).post(evaluate).then().statusCode(201);
        List<String> keys1 = Api.consultant().get(evaluate).then().extract().path("result.roadmap.key");
        String csv1 = Api.consultant().get("/api/v1/assessments/" + id + "/export/backlog.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv1.startsWith("Summary,Description,Issue Type,Labels,Labels,Bearing ID,Phase,Effort,Owner role,"
                + "Depends on,Capability,Tool\r\n"), csv1);
        List<CSVRecord> rows1 = CSVFormat.RFC4180.parse(new StringReader(csv1)).getRecords().subList(1, keys1.size() + 1);
        Map<String, String> summaryById1 = new HashMap<>();
        for (int i = 0; i < keys1.size(); i++) {
            CSVRecord r = rows1.get(i);
            assertEquals("bearing-" + id + "-" + keys1.get(i), r.get(5), "id from the item key");
            assertEquals("Task", r.get(2));
            assertEquals("bearing", r.get(3));
            assertTrue(r.get(4).matches("phase-[1-4]-[a-z0-9-]+"), r.get(4));
            summaryById1.put(r.get(5), r.get(0));
        }

        // more answers change the roadmap; items that stay keep their ids, wherever they now sit
        submitted(id, Role.OPERATIONS, 3, "Ops", Map.of());
        submitted(id, Role.BUSINESS, 4, "COO", Map.of());
        Api.consultant().contentType(ContentType.JSON).post(evaluate).then().statusCode(201);
        List<String> keys2 = Api.consultant().get(evaluate).then().extract().path("result.roadmap.key");
        List<CSVRecord> rows2 = CSVFormat.RFC4180.parse(new StringReader(Api.consultant()
                .get("/api/v1/assessments/" + id + "/export/backlog.csv").asString())).getRecords();
        List<String> ids2 = new ArrayList<>();
        for (CSVRecord r : rows2.subList(1, rows2.size())) {
            ids2.add(r.get(5));
        }
        assertEquals(keys2.stream().map(k -> "bearing-" + id + "-" + k).toList(), ids2);
        long common = keys2.stream().filter(keys1::contains).count();
        assertTrue(common > 0, "some items stay across the two evaluations");
        for (String k : keys2) {
            if (keys1.contains(k)) {
                assertTrue(summaryById1.containsKey("bearing-" + id + "-" + k));
            }
        }

        String gh = Api.consultant().get("/api/v1/assessments/" + id + "/export/backlog.csv?for=github").then().statusCode(200)
                .extract().asString();
        List<CSVRecord> ghRows = parse(gh);
        assertEquals(keys2.size(), ghRows.size());
        assertEquals(ids2.get(0), ghRows.get(0).get("bearing_id"));
        assertTrue(ghRows.get(0).get("labels").startsWith("bearing,phase-"));
        Api.consultant().get("/api/v1/assessments/" + id + "/export/backlog.csv?for=trello").then().statusCode(400)
                .body("errors[0].field", equalTo("for"));
        assertTrue(audit(id).stream().anyMatch(e -> e.action.equals("export.backlog_csv")
                && e.detail.contains(keys2.size() + " rows, from the evaluation of")));
        assertTrue(audit(id).stream().anyMatch(e -> e.action.equals("export.backlog_csv")
                && e.detail.startsWith("Exported the roadmap as a GitHub backlog CSV: ")));
    }

    @Test
    void theBacklogComesFromTheNewestApprovedVersionWhenThereIsOne() throws Exception {
        long id = Api.createAssessment("Approved backlog org");
        submitted(id, Role.DEVELOPMENT, 1, "Dev", Map.of());
        Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/" + id + "/evaluation").then().statusCode(201);
        String firstKey = Api.consultant().get("/api/v1/assessments/" + id + "/evaluation").then().extract()
                .path("result.roadmap[0].key");
        approveWithFirstItemRetitled(id, "Approved wording: agree the three outcomes with the board");

        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(Api.consultant()
                .get("/api/v1/assessments/" + id + "/export/backlog.csv").asString())).getRecords();
        assertEquals("Approved wording: agree the three outcomes with the board", rows.get(1).get(0));
        assertEquals("bearing-" + id + "-" + firstKey, rows.get(1).get(5), "the id follows the item, not the wording");
        assertTrue(rows.get(1).get(1).contains("approved version 1"), rows.get(1).get(1));
        assertTrue(audit(id).stream().anyMatch(e -> e.action.equals("export.backlog_csv")
                && e.detail.endsWith("from the approved version 1.")));
    }

    @Transactional
    void approveWithFirstItemRetitled(long assessmentId, String title) throws Exception {
        dev.bearing.evaluation.Evaluation e = dev.bearing.evaluation.Evaluation.latestOf(assessmentId).orElseThrow();
        ObjectNode result = (ObjectNode) json.readTree(e.resultJson);
        ((ObjectNode) result.get("roadmap").get(0)).put("title", title);
        dev.bearing.review.AssessmentVersion v = new dev.bearing.review.AssessmentVersion();
        v.assessmentId = assessmentId;
        v.number = 1;
        v.evaluationId = e.id;
        v.approvedBy = "test-consultant";
        v.approvedAt = java.time.Instant.now();
        v.ruleSetVersion = e.ruleSetVersion;
        v.questionnaireKey = "devops-maturity";
        v.questionnaireVersion = dev.bearing.assessment.Assessment.<dev.bearing.assessment.Assessment>findById(assessmentId).questionnaireVersion;
        v.resultJson = json.writeValueAsString(result);
        v.contentHash = dev.bearing.common.TokenGenerator.hash(v.resultJson);
        v.stageQuarter = e.stageQuarter;
        v.stagePhase = e.stagePhase;
        v.deliveryBand = e.deliveryBand;
        v.maturityIndex = e.maturityIndex;
        v.persist();
    }

    /** The export with what differs by design removed: ids and the export time. */
    static JsonNode withoutIds(JsonNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.remove("exportedAt");
        ((ObjectNode) copy.get("assessment")).remove("id");
        copy.get("respondents").forEach(r -> ((ObjectNode) r).remove("id"));
        copy.get("evaluations").forEach(e -> ((ObjectNode) e).remove("id"));
        return copy;
    }

    @Transactional
    List<AuditEvent> audit(long assessmentId) {
        return AuditEvent.ofAssessment(assessmentId);
    }
}
