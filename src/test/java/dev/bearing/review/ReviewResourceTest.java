package dev.bearing.review;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.assessment.DemoAssessment;
import dev.bearing.security.AuditEvent;
import dev.bearing.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The review API on the demo assessment (Northwind Logistics): overrides from a layer's menu and
 * what they do to the roadmap and the PDF, edits and undo, approval into versions, the DRAFT
 * marking, reproducible version PDFs, history by id, and report.pdf's parameters.
 */
@QuarkusTest
class ReviewResourceTest {

    @Inject
    DemoAssessment demo;

    @Inject
    jakarta.persistence.EntityManager em;

    private long demoAssessment() {
        return ReviewFixtures.ownedDemo(demo);
    }

    private static String base(long id) {
        return "/api/v1/assessments/" + id;
    }

    private static JsonPath review(long id) {
        return Api.consultant().get(base(id) + "/review").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath override(long id, Map<String, Object> body, int status) {
        return Api.consultant().contentType("application/json").body(body).post(base(id) + "/review/overrides")
                .then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath edit(long id, Map<String, Object> body) {
        return Api.consultant().contentType("application/json").body(body).post(base(id) + "/review/edits")
                .then().statusCode(201).extract().jsonPath();
    }

    private static byte[] pdf(long id, String query) {
        return Api.consultant().get(base(id) + "/report.pdf" + query).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
    }

    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> out = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setLineSeparator("\n");
                s.setStartPage(p);
                s.setEndPage(p);
                out.add(s.getText(doc).replace('\u00a0', ' '));
            }
            return out;
        }
    }

    private static String text(byte[] pdf) throws IOException {
        return String.join("\n", pages(pdf)).replaceAll("\\s+", " ");
    }

    @Test
    void overrideFromTheMenuChangesStackRoadmapAndPdf() throws IOException {
        long id = demoAssessment();
        JsonPath before = review(id);
        // the rules keep SonarQube (in use, rated 3.0, scans not acted on: a gate, not a new scanner; judge20)
        assertEquals("sonarqube", before.getString("result.stack.find { it.key == 'pipeline_security' }.primary.key"));
        assertEquals("KEEP", before.getString("result.stack.find { it.key == 'pipeline_security' }.change"));
        // and kept outright: leadership is not asked to choose between it and a new scanner (judge22's GitHub/AWS
        // tie-break had tied GitHub Advanced Security with it)
        assertEquals(List.of(), before.getList("result.stack.find { it.key == 'pipeline_security' }.tiedWith"));
        assertFalse(before.getList("result.roadmap.title").contains("Move from SonarQube to GitHub Advanced Security"));

        String note = "Northwind already licenses Snyk for every team; one scanner is enough.";
        JsonPath e = override(id, Map.of("layer", "pipeline_security", "tool", "snyk", "note", note), 201);
        assertEquals("applied", e.getString("status"));
        assertEquals(Api.CONSULTANT, e.getString("by"));
        assertEquals("Security scanning in the pipeline: Snyk instead of SonarQube", e.getString("change"));

        JsonPath after = review(id);
        assertEquals("snyk", after.getString("result.stack.find { it.key == 'pipeline_security' }.primary.key"));
        assertEquals("REPLACE", after.getString("result.stack.find { it.key == 'pipeline_security' }.change"));
        assertEquals("sonarqube",
                after.getString("result.stack.find { it.key == 'pipeline_security' }.alternatives[0].key"),
                "the former pick heads the alternatives");
        assertTrue(after.getList("result.roadmap.title").contains("Move from SonarQube to Snyk"));
        assertEquals("Snyk", after.getString("result.roadmap.find { it.key == 'security.pipeline_gates' }.tool"));
        assertEquals(note, after.getString("result.review[0].note"));

        String text = text(pdf(id, ""));
        assertTrue(text.contains("Move from SonarQube to Snyk"), "the roadmap names the chosen tool");
        assertTrue(text.contains("Consultant's choice: Northwind already licenses Snyk for every team; one scanner is enough."),
                "the stack line carries the note");
        assertFalse(text.contains("Move from SonarQube to GitHub Advanced Security"));

        // keeping SonarQube instead: the move off it disappears, the layer's other item names SonarQube
        JsonPath keep = override(id, Map.of("layer", "pipeline_security", "keepCurrent", true,
                "note", "The security team wants a year with SonarQube before any change."), 201);
        assertEquals("Security scanning in the pipeline: keep SonarQube, as the rules recommended", keep.getString("change"));
        JsonPath kept = review(id);
        assertEquals("KEEP", kept.getString("result.stack.find { it.key == 'pipeline_security' }.change"));
        assertEquals("sonarqube", kept.getString("result.stack.find { it.key == 'pipeline_security' }.primary.key"));
        assertFalse(kept.getList("result.roadmap.title").contains("Move from SonarQube to Snyk"));
        assertEquals("SonarQube", kept.getString("result.roadmap.find { it.key == 'security.pipeline_gates' }.tool"));
        assertEquals(List.of("superseded", "applied"), kept.getList("edits.status"));
        String keptText = text(pdf(id, ""));
        assertTrue(keptText.contains("Keep SonarQube"));
        assertTrue(keptText.contains("The security team wants a year with SonarQube before any change."));

        // the decision about incident response is the consultant's once overridden
        assertTrue(kept.getList("result.decisions.layer").contains("incident_response"));
        override(id, Map.of("layer", "incident_response", "tool", "pagerduty", "note", "On-call already runs on PagerDuty in the parent company."), 201);
        JsonPath ir = review(id);
        assertFalse(ir.getList("result.decisions.layer").contains("incident_response"));
        assertEquals("Move off Atlassian Opsgenie to the recommended on-call and incident tool",
                ir.getString("result.roadmap.find { it.key == 'migrate.opsgenie' }.title"));
        assertEquals("PagerDuty", ir.getString("result.roadmap.find { it.key == 'migrate.opsgenie' }.tool"));

        QuarkusTransaction.requiringNew().run(() -> {
            List<AuditEvent> events = AuditEvent.ofAssessment(id);
            assertEquals(3, events.stream().filter(a -> a.action.equals("review.override")).count());
            assertTrue(events.stream().anyMatch(a -> a.detail.contains("Snyk instead of SonarQube")
                    && a.detail.contains(note) && a.actor.equals(Api.CONSULTANT)));
        });
    }

    @Test
    void overrideMovesEveryOtherToolInUseToThePick() {
        long id = demoAssessment();
        // Northwind builds with GitHub Actions and Jenkins; the rules keep GitHub Actions and move Jenkins
        assertTrue(review(id).getList("result.roadmap.title").contains("Move from Jenkins to GitHub Actions"));

        override(id, Map.of("layer", "ci", "tool", "jenkins", "note", "The platform team standardises on Jenkins."), 201);
        List<String> keepJenkins = review(id).getList("result.roadmap.title");
        assertTrue(keepJenkins.contains("Move from GitHub Actions to Jenkins"), keepJenkins.toString());
        assertFalse(keepJenkins.contains("Move from Jenkins to GitHub Actions"), keepJenkins.toString());

        override(id, Map.of("layer", "ci", "tool", "circleci", "note", "One hosted CI for both teams."), 201);
        List<String> third = review(id).getList("result.roadmap.title");
        assertTrue(third.contains("Move from Jenkins to CircleCI"), third.toString());
        assertTrue(third.contains("Move from GitHub Actions to CircleCI"), "the GitHub Actions teams move too: " + third);
    }

    @Test
    void assessmentPageShowsTheIndexAndBandAsTheReviewAndPdfDo() {
        long id = demoAssessment();
        String page = Api.consultant().get("/assessments/" + id).then().statusCode(200).extract().asString();
        String review = Api.consultant().get("/assessments/" + id + "/review").then().statusCode(200).extract().asString();
        // the assessment page said "MEDIUM" and "50.2 of 100 … about 50.4%" where the review and the PDF say "Medium", "50 of 100", "50 %"
        Pattern band = Pattern.compile("Delivery performance[^<]*</span><b>([^<]+)</b>");
        Pattern index = Pattern.compile("Maturity index</span><b>([^<]+)</b>more mature than about ([^%]+%)");
        for (Pattern p : List.of(band, index)) {
            Matcher onPage = p.matcher(page);
            Matcher onReview = p.matcher(review);
            assertTrue(onPage.find() && onReview.find(), p.pattern());
            assertEquals(onReview.group(0), onPage.group(0), "the same figures on both pages");
        }
    }

    @Test
    void assessmentPageShowsTheReviewedResultAndTheApprovedPdf() {
        long id = demoAssessment();
        String page = "/assessments/" + id;
        String before = Api.consultant().get(page).then().statusCode(200).extract().asString();
        assertFalse(before.contains("Move from SonarQube"), "the rules' own plan before any edit keeps SonarQube");
        assertTrue(before.contains("draft until approved"));

        override(id, Map.of("layer", "pipeline_security", "tool", "snyk",
                "note", "Northwind already licenses Snyk for every team."), 201);
        String edited = Api.consultant().get(page).then().statusCode(200).extract().asString();
        assertTrue(edited.contains("Move from SonarQube to Snyk"), "the page follows the override");
        assertFalse(edited.contains("Move from SonarQube to GitHub Advanced Security"));
        assertTrue(edited.contains("not approved yet") && edited.contains("draft until approved"));

        Api.consultant().contentType("application/json").post(base(id) + "/approve").then().statusCode(201);
        String approved = Api.consultant().get(page).then().statusCode(200).extract().asString();
        assertTrue(approved.contains("Move from SonarQube to Snyk"));
        assertTrue(approved.contains("report.pdf?version=1") && approved.contains("Open the approved PDF roadmap (version 1)"),
                "the page opens the approved version, not a draft");
        assertFalse(approved.contains("draft until approved"));

        // an edit after the approval: version 1 stays approved and linked; the page no longer says
        // "not approved yet" as if nothing had been
        edit(id, Map.of("kind", "finding-hide", "target", "tool.lifecycle@terraform", "note", "Licence accepted by legal."));
        String changed = Api.consultant().get(page).then().statusCode(200).extract().asString();
        assertFalse(changed.contains("not approved yet"), "version 1 was approved");
        assertTrue(changed.contains("Changed since version 1 was approved"), "says what is approved and what is not");
        assertTrue(changed.contains("report.pdf?version=1\">Open the approved PDF roadmap (version 1)"),
                "the approved version's PDF is still offered");
        assertTrue(changed.contains("draft with the changes"), "and the draft of what is shown");
    }

    @Test
    void overrideRefusesBlankNoteAndToolsOffTheMenuNamingTheField() {
        long id = demoAssessment();
        override(id, Map.of("layer", "pipeline_security", "tool", "snyk", "note", "   "), 400);
        Api.consultant().contentType("application/json")
                .body(Map.of("layer", "pipeline_security", "tool", "snyk", "note", " "))
                .post(base(id) + "/review/overrides").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("note")).body("detail", containsString("note"));
        Api.consultant().contentType("application/json")
                .body(Map.of("layer", "pipeline_security", "tool", "jenkins", "note", "why not"))
                .post(base(id) + "/review/overrides").then().statusCode(400)
                .body("errors[0].field", equalTo("tool")).body("detail", containsString("not on the menu"));
        Api.consultant().contentType("application/json")
                .body(Map.of("layer", "no_such_layer", "tool", "snyk", "note", "why not"))
                .post(base(id) + "/review/overrides").then().statusCode(400).body("errors[0].field", equalTo("layer"));
        Api.consultant().contentType("application/json")
                .body(Map.of("layer", "secrets", "keepCurrent", true, "note", "keep"))
                .post(base(id) + "/review/overrides").then().statusCode(400)
                .body("errors[0].field", equalTo("keepCurrent")).body("detail", containsString("nothing is in use"));
        Api.consultant().contentType("application/json")
                .body(Map.of("kind", "finding-risk", "target", "delivery.change_failures@change_fail_rate", "risk", "LOW"))
                .post(base(id) + "/review/edits").then().statusCode(400).body("errors[0].field", equalTo("note"));
        // the finding's key alone, as GET .../review lists it, names the key@subject to send instead
        Api.consultant().contentType("application/json")
                .body(Map.of("kind", "finding-risk", "target", "delivery.change_failures", "risk", "LOW", "note", "one team"))
                .post(base(id) + "/review/edits").then().statusCode(400).body("errors[0].field", equalTo("target"))
                .body("detail", containsString("send delivery.change_failures@change_fail_rate"));
        Api.consultant().contentType("application/json")
                .body(Map.of("kind", "finding-hide", "target", "no.such_finding", "note", "gone"))
                .post(base(id) + "/review/edits").then().statusCode(400).body("errors[0].field", equalTo("target"))
                .body("detail", containsString("tool.lifecycle@terraform"));
        Api.consultant().contentType("application/json")
                .body(Map.of("kind", "roadmap-phase", "target", "secrets.manager", "phase", 5))
                .post(base(id) + "/review/edits").then().statusCode(400).body("errors[0].field", equalTo("phase"));
        assertEquals(List.of(), review(id).getList("edits"), "nothing stored");
    }

    @Test
    void approvingOrOverridingBeforeAnyEvaluationIsAConflictNotAMissingAssessment() {
        long id = Api.createAssessment("Never Evaluated Ltd");
        Api.consultant().contentType("application/json").post(base(id) + "/approve").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("has not been evaluated yet"));
        Api.consultant().contentType("application/json")
                .body(Map.of("layer", "pipeline_security", "tool", "snyk", "note", "why not"))
                .post(base(id) + "/review/overrides").then().statusCode(409)
                .body("detail", containsString("has not been evaluated yet"));
        Api.consultant().get(base(id) + "/versions").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void findingAndRoadmapEditsApplyAndUndoIsRecorded() {
        long id = demoAssessment();
        String change = "delivery.change_failures@change_fail_rate";
        JsonPath hide = edit(id, Map.of("kind", "finding-hide", "target", change,
                "note", "Measured on one bad week during the data-centre move; not representative."));
        assertFalse(review(id).getList("result.findings.title").contains("Many deployments fail"));

        JsonPath risk = edit(id, Map.of("kind", "finding-risk", "target", "tool.lifecycle@terraform", "risk", "MEDIUM",
                "note", "Their legal team wants an answer on the licence this quarter."));
        edit(id, Map.of("kind", "finding-merge", "target", "alignment.gap@shadow_it",
                "into", "alignment.gap@business_it_alignment", "note", "Same conversation with the same people."));
        edit(id, Map.of("kind", "roadmap-phase", "target", "secrets.manager", "phase", 1));
        edit(id, Map.of("kind", "roadmap-text", "target", "alignment.tool_menu",
                "title", "Publish Northwind's tool menu per layer, with an owner for each"));
        JsonPath added = edit(id, Map.of("kind", "roadmap-add", "title", "Run a blameless review of the last three incidents",
                "phase", 2, "owner", "Head of Operations", "effort", "2–3 days", "note", "Asked for by the COO."));

        JsonPath r = review(id);
        assertEquals("MEDIUM", r.getString("result.findings.find { it.subject == 'terraform' }.risk"));
        assertTrue(r.getString("result.findings.find { it.subject == 'terraform' }.title").contains("Terraform"));
        assertFalse(r.getList("result.findings.subject").contains("shadow_it"), "merged away");
        assertTrue(r.getString("result.findings.find { it.subject == 'business_it_alignment' }.rationale").contains("shadow IT"));
        assertEquals(1, r.getInt("result.roadmap.find { it.key == 'secrets.manager' }.phase"));
        assertEquals("First 30 days", r.getString("result.roadmap.find { it.key == 'secrets.manager' }.phaseLabel"));
        assertEquals("Publish Northwind's tool menu per layer, with an owner for each",
                r.getString("result.roadmap.find { it.key == 'alignment.tool_menu' }.title"));
        String customKey = "custom-" + added.getLong("id");
        assertEquals("Head of Operations", r.getString("result.roadmap.find { it.key == '" + customKey + "' }.owner"));
        assertEquals(6, r.getList("edits").size());

        // undo the hide: the finding is back; the undo is listed and audited; a second undo is refused
        JsonPath undo = Api.consultant().contentType("application/json").body(Map.of("note", "The COO disagrees."))
                .post(base(id) + "/review/edits/" + hide.getLong("id") + "/undo").then().statusCode(201).extract().jsonPath();
        assertEquals("undo", undo.getString("kind"));
        JsonPath u = review(id);
        assertTrue(u.getList("result.findings.title").contains("Many deployments fail"));
        assertEquals("undone", u.getString("edits.find { it.id == " + hide.getLong("id") + " }.status"));
        assertTrue(u.getString("edits.find { it.id == " + hide.getLong("id") + " }.statusDetail").contains(Api.CONSULTANT));
        assertEquals(7, u.getList("edits").size());
        Api.consultant().contentType("application/json").body("{}")
                .post(base(id) + "/review/edits/" + hide.getLong("id") + "/undo").then().statusCode(409);
        Api.consultant().contentType("application/json").body("{}")
                .post(base(id) + "/review/edits/" + undo.getLong("id") + "/undo").then().statusCode(409);
        Api.consultant().contentType("application/json").body("{}")
                .post(base(id) + "/review/edits/999999999/undo").then().statusCode(404);
        // undo the risk change too: back to what the rules said
        Api.consultant().contentType("application/json").body("{}")
                .post(base(id) + "/review/edits/" + risk.getLong("id") + "/undo").then().statusCode(201);
        assertEquals("LOW", review(id).getString("result.findings.find { it.subject == 'terraform' }.risk"));

        QuarkusTransaction.requiringNew().run(() -> {
            List<AuditEvent> events = AuditEvent.ofAssessment(id);
            assertEquals(6, events.stream().filter(a -> a.action.equals("review.edit")).count());
            assertEquals(2, events.stream().filter(a -> a.action.equals("review.undo")).count());
            assertTrue(events.stream().anyMatch(a -> a.action.equals("review.undo")
                    && a.detail.contains("Many deployments fail") && a.detail.contains("The COO disagrees.")));
        });
    }

    @Test
    void undoingOneEditFromSeveralTabsAtOnceUndoesItOnceAndRefusesTheRest() throws Exception {
        long id = demoAssessment();
        JsonPath hide = edit(id, Map.of("kind", "finding-hide", "target", "delivery.change_failures@change_fail_rate",
                "note", "Not representative."));
        String undo = base(id) + "/review/edits/" + hide.getLong("id") + "/undo";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                clicks.add(pool.submit(() -> Api.consultant().contentType("application/json").post(undo).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var click : clicks) {
                statuses.add(click.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), "the others are refused, none fails: " + statuses);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, review(id).getList("edits.findAll { it.kind == 'undo' }").size());
    }

    @Test
    void approvalMakesNumberedVersionsThatStayReadable() {
        long id = demoAssessment();
        Api.consultant().get(base(id) + "/versions").then().statusCode(200).body("", hasSize(0));
        JsonPath v1 = Api.consultant().contentType("application/json").post(base(id) + "/approve").then().statusCode(201)
                .header("Location", containsString("/api/v1/assessments/" + id + "/versions/1")).extract().jsonPath();
        assertEquals(1, v1.getInt("number"));
        assertEquals(Api.CONSULTANT, v1.getString("approvedBy"));
        assertEquals(64, v1.getString("contentHash").length());
        assertEquals(v1.getString("ruleSetVersion"), v1.getString("result.ruleSetVersion"));
        assertEquals("devops-maturity", v1.getString("questionnaireKey"));
        // approving again with nothing changed adds nothing
        Api.consultant().contentType("application/json").post(base(id) + "/approve").then().statusCode(409).body("detail", containsString("Version 1"));
        assertTrue(review(id).getBoolean("approvedAsIs"));

        override(id, Map.of("layer", "secrets", "tool", "hashicorp_vault", "note", "Vault is already run for the payments platform."), 201);
        assertFalse(review(id).getBoolean("approvedAsIs"));
        JsonPath v2 = Api.consultant().contentType("application/json").post(base(id) + "/approve").then().statusCode(201).extract().jsonPath();
        assertEquals(2, v2.getInt("number"));
        assertNotEquals(v1.getString("contentHash"), v2.getString("contentHash"));

        Api.consultant().get(base(id) + "/versions").then().statusCode(200).body("number", equalTo(List.of(2, 1)))
                .body("[0].result", nullValue());
        JsonPath again = Api.consultant().get(base(id) + "/versions/1").then().statusCode(200).extract().jsonPath();
        assertEquals(v1.getString("contentHash"), again.getString("contentHash"), "the hash is stable");
        assertEquals("aws_secrets_manager", again.getString("result.stack.find { it.key == 'secrets' }.primary.key"),
                "version 1 keeps what was approved");
        assertEquals("hashicorp_vault", Api.consultant().get(base(id) + "/versions/2").then().statusCode(200).extract()
                .jsonPath().getString("result.stack.find { it.key == 'secrets' }.primary.key"));
        Api.consultant().get(base(id) + "/versions/3").then().statusCode(404).contentType("application/problem+json");
        Api.consultant().get(base(id) + "/versions/x").then().statusCode(404);

        QuarkusTransaction.requiringNew().run(() -> {
            AssessmentVersion stored = AssessmentVersion.find("assessmentId = ?1 and number = 1", id).firstResult();
            assertEquals(ReviewService.sha256(stored.resultJson), stored.contentHash);
            assertEquals(2, AuditEvent.ofAssessment(id).stream().filter(a -> a.action.equals("review.approved")).count());
        });
        assertEquals(2, ApprovalCounter.seen(id), "VersionApproved fired once per approval");
    }

    @Test
    void draftPdfSaysDraftOnEveryPageAndAVersionPdfIsReproducible() throws IOException {
        long id = demoAssessment();
        List<String> draft = pages(pdf(id, ""));
        assertTrue(draft.size() > 5);
        for (int p = 0; p < draft.size(); p++) {
            assertTrue(draft.get(p).contains("DRAFT"), "page " + (p + 1) + " says DRAFT");
        }
        assertTrue(draft.get(0).contains("DevOps roadmap · DRAFT"), "the cover says it is a draft");

        JsonPath v1 = Api.consultant().contentType("application/json").post(base(id) + "/approve").then().statusCode(201).extract().jsonPath();
        // the client reads the approver's name, not a login name
        assertEquals(Api.CONSULTANT, v1.getString("approvedBy"));
        assertEquals("Test " + Api.CONSULTANT, v1.getString("approverName"));
        byte[] first = pdf(id, "?version=1");
        byte[] second = pdf(id, "?version=1");
        assertArrayEquals(first, second, "a version renders to the same bytes");
        List<String> version = pages(first);
        for (String page : version) {
            assertFalse(page.contains("DRAFT"));
            assertTrue(page.contains("Version 1"));
        }
        String approvedOn = java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(Instant.parse(v1.getString("approvedAt")));
        assertTrue(version.get(0).contains("DevOps roadmap · Version 1"), version.get(0));
        assertTrue(version.get(0).contains("Version 1, approved by Test " + Api.CONSULTANT + " on " + approvedOn), version.get(0));
        try (PDDocument doc = Loader.loadPDF(first)) {
            assertEquals(Instant.parse(v1.getString("approvedAt")).toEpochMilli() / 1000,
                    doc.getDocumentInformation().getCreationDate().toInstant().toEpochMilli() / 1000,
                    "the PDF's creation date is the approval time");
        }
        // the draft stays a draft beside the version
        assertTrue(text(pdf(id, "")).contains("DRAFT"));
    }

    @Test
    void reportPdfRejectsUnknownParametersAndVersions() {
        long id = demoAssessment();
        Api.consultant().get(base(id) + "/report.pdf?verison=1").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("verison"))
                .body("detail", containsString("verison"));
        Api.consultant().get(base(id) + "/report.pdf?version=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        Api.consultant().get(base(id) + "/report.pdf?version=0").then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        Api.consultant().get(base(id) + "/report.pdf?version=7").then().statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", equalTo("version"));
        Api.consultant().get("/api/v1/assessments/424242424/report.pdf").then().statusCode(404);
    }

    @Test
    void whatMovedSkipsRunsThatGaveTheSameResult() {
        long id = demoAssessment();
        long first = review(id).getLong("evaluationId");
        // the business and development views alone: a different result
        List<Integer> submitted = Api.consultant().get(base(id) + "/respondents").then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.submittedAt != null && it.role != 'OPERATIONS' }.id");
        assertEquals(2, submitted.size());
        Map<String, Object> twoViews = Map.of("respondents", submitted);
        long second = Api.consultant().contentType("application/json").body(twoViews).post(base(id) + "/evaluation")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        // Evaluate clicked again with nothing changed: a third run with the second's very result
        long third = Api.consultant().contentType("application/json").body(twoViews).post(base(id) + "/evaluation")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        JsonPath r = review(id);
        assertEquals(third, r.getLong("evaluationId"));
        // compared with the first, not with the copy in between, so what moved is still seen
        assertEquals(first, r.getLong("moved.previousEvaluationId"));
        assertEquals(1, r.getInt("moved.sameResultBetween"));
        assertFalse(r.getList("moved.capabilities").isEmpty(), "leaving the operations view out moves scores");
        Api.consultant().get("/assessments/" + id + "/review").then().statusCode(200)
                .body(containsString("Compared with evaluation <a href=\"/assessments/" + id + "/evaluations/" + first
                        + "\">" + first + "</a>, both as the rules produced them; the evaluation run between them gave"
                        + " this same result."));
        assertNotEquals(second, first);
    }

    @Test
    void historyListsEveryEvaluationAndVersionById() {
        long id = demoAssessment();
        long other = demoAssessment();
        override(id, Map.of("layer", "secrets", "tool", "hashicorp_vault", "note", "Vault is already run for payments."), 201);
        Api.consultant().contentType("application/json").post(base(id) + "/approve").then().statusCode(201);
        long first = review(id).getLong("evaluationId");
        assertEquals(null, (Object) review(id).get("moved"), "nothing to compare with yet");

        // a second evaluation on the same answers: the override still applies, nothing moved
        Api.consultant().contentType("application/json").post(base(id) + "/evaluation").then().statusCode(201);
        JsonPath r = review(id);
        long second = r.getLong("evaluationId");
        assertNotEquals(first, second);
        assertEquals("hashicorp_vault", r.getString("result.stack.find { it.key == 'secrets' }.primary.key"));
        assertEquals("applied", r.getString("edits[0].status"));
        assertEquals(first, r.getLong("moved.previousEvaluationId"));
        assertEquals(List.of(), r.getList("moved.picks"));
        assertEquals(r.getString("moved.stage.from"), r.getString("moved.stage.to"));
        assertFalse(r.getBoolean("approvedAsIs"), "a new evaluation needs its own approval");

        Api.consultant().get(base(id) + "/evaluations").then().statusCode(200)
                .body("id", equalTo(List.of((int) second, (int) first)))
                .body("[1].versions", equalTo(List.of(1))).body("[0].versions", hasSize(0))
                .body("[0].result", nullValue());
        Api.consultant().get(base(id) + "/evaluations/" + first).then().statusCode(200)
                .body("id", equalTo((int) first)).body("result.stack.find { it.key == 'secrets' }.primary.key",
                        equalTo("aws_secrets_manager"))
                .body("result.review", nullValue());
        long otherEvaluation = review(other).getLong("evaluationId");
        Api.consultant().get(base(id) + "/evaluations/" + otherEvaluation).then().statusCode(404);
        Api.consultant().get(base(id) + "/evaluations/abc").then().statusCode(404)
                .body("detail", equalTo("Assessment " + id + " has no evaluation \"abc\": evaluation numbers are whole numbers from 1."))
                .body("errors[0].field", equalTo("evaluationId"));
        Api.consultant().get(base(id) + "/versions/0").then().statusCode(404)
                .body("detail", containsString("has no version \"0\""));
        Api.consultant().get("/api/v1/assessments/999999999/evaluations/abc").then().statusCode(404)
                .body("detail", equalTo("Assessment 999999999 does not exist."));
        Api.consultant().get(base(id) + "/versions/1").then().statusCode(200).body("evaluationId", equalTo((int) first))
                .body("result.review.note", hasItem("Vault is already run for payments."))
                .body("result.review.change", not(hasItem(containsString("undo"))));
    }

    @Test
    void requestsWithAnUnknownFieldAreRefusedWhileStoredResultsWithOneAreStillRead() {
        long id = demoAssessment();
        JsonPath before = review(id);
        // a typo in a request is named, and changes nothing
        override(id, Map.of("layer", "pipeline_security", "tol", "snyk", "note", "A typo"), 400);
        Api.consultant().contentType("application/json").body(Map.of("layer", "pipeline_security", "tol", "snyk"))
                .post(base(id) + "/review/overrides").then().statusCode(400)
                .body("errors[0].field", equalTo("tol"))
                .body("detail", containsString("tol is not a field of this request"));
        assertEquals(before.getList("edits").size(), review(id).getList("edits").size());
        // a result stored by a version that had a field this one no longer has
        long evaluation = before.getLong("evaluationId");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update evaluation set result_json = '{\"fieldOfAnEarlierVersion\": [1, 2],' || substr(result_json, 2) where id = :id")
                .setParameter("id", evaluation).executeUpdate());
        JsonPath after = review(id);
        assertEquals(before.getString("result.stack.find { it.key == 'secrets' }.primary.key"),
                after.getString("result.stack.find { it.key == 'secrets' }.primary.key"));
        assertEquals(200, Api.consultant().get(base(id) + "/report.pdf").statusCode());
    }

    /** @return the entry as GET .../review shows it, in the form an override's {@code shown} takes */
    private static String shown(JsonPath review, String layer) {
        String entry = "result.stack.find { it.key == '" + layer + "' }";
        String pick = review.getString(entry + ".primary.key");
        return (pick == null ? "none" : pick) + ":" + review.getString(entry + ".change");
    }

    @Test
    void anOverrideMadeFromAReadingOfTheEntryThatNoLongerHoldsIsRefusedAndChangesNothing() {
        long id = demoAssessment();
        String read = shown(review(id), "pipeline_security");
        // read fresh: applied
        JsonPath first = override(id, Map.of("layer", "pipeline_security", "tool", "snyk", "note", "Licensed group-wide.",
                "shown", read), 201);
        assertEquals("applied", first.getString("status"));
        JsonPath now = review(id);
        String after = shown(now, "pipeline_security");
        assertNotEquals(read, after, "the override changed the entry");
        // a second client still holding the first reading: refused, naming the entry and what it is now
        Api.consultant().contentType("application/json").body(Map.of("layer", "pipeline_security", "keepCurrent", true,
                "note", "Keep what we run.", "shown", read))
                .post(base(id) + "/review/overrides").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Security scanning in the pipeline (pipeline_security): not overridden"))
                .body("detail", containsString("it is now " + after + ", the pick Snyk"))
                .body("errors[0].field", equalTo("shown"))
                .body("errors[0].message", containsString(after));
        JsonPath unchanged = review(id);
        assertEquals(now.getList("edits.id"), unchanged.getList("edits.id"), "no edit recorded");
        assertEquals("snyk", unchanged.getString("result.stack.find { it.key == 'pipeline_security' }.primary.key"));
        // read again, the same change applies
        JsonPath kept = override(id, Map.of("layer", "pipeline_security", "keepCurrent", true, "note", "Keep what we run.",
                "shown", after), 201);
        assertEquals("applied", kept.getString("status"));
        assertEquals("sonarqube", review(id).getString("result.stack.find { it.key == 'pipeline_security' }.primary.key"));
        // without shown, no check: an override as before the field existed
        override(id, Map.of("layer", "pipeline_security", "tool", "snyk", "note", "Licensed after all."), 201);
        assertEquals(List.of("superseded", "superseded", "applied"), review(id).getList("edits.status"));
        // the field is in the OpenAPI document, saying what it does
        String described = Api.consultant().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath()
                .getString("components.schemas.OverrideRequest.properties.shown.description");
        assertTrue(described != null && described.contains("409"), "OpenAPI describes shown: " + described);
    }

    @Test
    void overridesOfOneEntryFromOneReadingAtOnceApplyOnceAndRefuseTheRest() throws Exception {
        long id = demoAssessment();
        String read = shown(review(id), "pipeline_security");
        List<String> tools = review(id).getList("result.stack.find { it.key == 'pipeline_security' }.alternatives.key");
        assertTrue(tools.size() >= 2, "the menu has two alternatives to choose between: " + tools);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String tool = tools.get(i % 2);
                clicks.add(pool.submit(() -> Api.consultant().contentType("application/json")
                        .body(Map.of("layer", "pipeline_security", "tool", tool, "note", "Chosen in one of six tabs.",
                                "shown", read))
                        .post(base(id) + "/review/overrides").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var click : clicks) {
                statuses.add(click.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), "the others are refused: " + statuses);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, review(id).getList("edits").size());
    }

    @Test
    void anOverrideToTheToolAlreadyPickedIsRefused() {
        long id = demoAssessment();
        JsonPath before = review(id);
        String pick = before.getString("result.stack.find { it.key == 'secrets' }.primary.key");
        assertTrue(before.getList("result.stack.find { it.key == 'secrets' }.tiedWith").isEmpty(), "no tie in the demo's secrets");
        Api.consultant().contentType("application/json").body(Map.of("layer", "secrets", "tool", pick, "note", "same as the pick"))
                .post(base(id) + "/review/overrides").then().statusCode(400)
                .body("errors[0].field", equalTo("tool"))
                .body("detail", containsString("is already the pick for"));
        assertEquals(before.getList("edits").size(), review(id).getList("edits").size());
    }

    @Test
    void aRoadmapMoveThatWouldPutAStepBeforeWhatItDependsOnIsRefused() {
        long id = demoAssessment();
        List<Map<String, Object>> roadmap = review(id).getList("result.roadmap");
        // an item with a dependency in a later phase than the first
        Map<String, Object> item = roadmap.stream().filter(x -> !((List<?>) x.get("dependsOn")).isEmpty()
                && roadmap.stream().anyMatch(d -> ((List<?>) x.get("dependsOn")).contains(d.get("key"))
                        && (int) d.get("phase") > 1)).findFirst().orElseThrow();
        Api.consultant().contentType("application/json")
                .body(Map.of("kind", "roadmap-phase", "target", item.get("key"), "phase", 1))
                .post(base(id) + "/review/edits").then().statusCode(400)
                .body("errors[0].field", equalTo("phase"))
                .body("detail", containsString("which it depends on: move R"));
        assertEquals(List.of(), review(id).getList("edits"), "nothing stored");
        // and the step it depends on cannot move after it either
        String dependency = (String) ((List<?>) item.get("dependsOn")).get(0);
        Api.consultant().contentType("application/json")
                .body(Map.of("kind", "roadmap-phase", "target", dependency, "phase", 4))
                .post(base(id) + "/review/edits").then().statusCode((int) item.get("phase") < 4 ? 400 : 201);
    }
}
