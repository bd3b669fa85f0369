package dev.bearing.provisioning;

import static dev.bearing.provisioning.ProvisioningFixtures.approved;
import static dev.bearing.provisioning.ProvisioningFixtures.execute;
import static dev.bearing.provisioning.ProvisioningFixtures.finished;
import static dev.bearing.provisioning.ProvisioningFixtures.plan;
import static dev.bearing.provisioning.ProvisioningFixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.security.AuditEvent;
import dev.bearing.support.Api;
import dev.bearing.support.LocalAws;
import dev.bearing.support.ScriptedCloudFormation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provisioning against the SCRIPTED STUB ({@link ScriptedCloudFormation}, the JDK's HttpServer
 * speaking CloudFormation's query protocol), for the states moto does not produce: a dropped
 * response, throttling, a failed creation left in ROLLBACK_COMPLETE, and for counting calls
 * (concurrent clicks, nothing sent before the settings are complete). cfn-lint runs for real.
 */
@QuarkusTest
class ProvisioningStubTest {

    @Inject
    AwsAccess aws;

    ScriptedCloudFormation stub;

    @BeforeEach
    void start() throws Exception {
        LocalAws.requireCfnLint();
        stub = new ScriptedCloudFormation();
        aws.useEndpoint(stub.endpoint());
    }

    @AfterEach
    void stop() {
        aws.useEndpoint(null);
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void aDroppedCreateChangeSetResponseRetriedWithTheSameTokenGivesOneChangeSet() {
        long id = approved("Dropped Response Ltd", Map.of());
        target(id, "eu-west-1", null, null);
        stub.dropResponses("CreateChangeSet", 1);

        JsonPath run = plan(id, "dropped-response");

        assertEquals("PLANNED", run.getString("state"), run.prettify());
        List<ScriptedCloudFormation.Call> creates = stub.calls("CreateChangeSet");
        assertEquals(2, creates.size(), "the SDK retried after the lost response");
        assertEquals(creates.get(0).params().get("ClientToken"), creates.get(1).params().get("ClientToken"));
        assertTrue(creates.get(0).params().get("ClientToken").startsWith("bearing-plan-"));
        assertEquals(1, stub.changeSetCount(), "one change set");
        assertEquals(1, stub.stacksCreated(), "one stack");
        assertTrue(run.getString("changeSetId").contains(":changeSet/"));
    }

    @Test
    void throttledPollingBacksOffThenCompletes() throws Exception {
        long id = approved("Throttled Polling Ltd", Map.of());
        target(id, "eu-west-1", null, null);
        int number = plan(id, "throttled-polling").getInt("number");
        // the follower's reads: more throttled answers than the SDK retries itself (3 attempts a call),
        // so Bearing's own back-off (200 ms doubling, in tests) takes over twice
        stub.throttleAfterExecution("DescribeStackEvents", 7);

        execute(id, number);
        JsonPath run = finished(id, number);

        assertEquals("SUCCEEDED", run.getString("state"), run.prettify());
        assertEquals("CREATE_COMPLETE", run.getString("status"));
        List<Long> reads = stub.times("DescribeStackEvents");
        assertTrue(reads.size() >= 9, "the baseline read, 7 throttled reads and at least one good read: " + reads.size());
        long span = reads.get(reads.size() - 1) - reads.get(1);
        assertTrue(span >= 400 + 800, "backed off 400 ms then 800 ms between throttled calls: " + span + " ms");
        assertTrue(run.getList("events.status").contains("CREATE_COMPLETE"));
        assertEquals("https://throttled-polling-bucket.s3.amazonaws.com", run.getString("outcome.outputs.ArtefactBucketUrl"));
    }

    @Test
    void aFailedCreationShowsTheResourceAndARetryDeletesAndRecreatesTheStack() throws Exception {
        long id = approved("Rollback Retry Ltd", Map.of());
        target(id, "eu-west-1", null, null);
        JsonPath planned = plan(id, "rollback-retry");
        int first = planned.getInt("number");
        String resource = planned.getString("plan.changes[0].logicalId");
        String type = planned.getString("plan.changes[0].resourceType");
        stub.failNextCreation(resource, "rollback-retry-resource already exists");

        execute(id, first);
        JsonPath failed = finished(id, first);

        assertEquals("FAILED", failed.getString("state"));
        assertEquals("ROLLBACK_COMPLETE", failed.getString("status"));
        assertEquals(resource + " (" + type + ")", failed.getString("failedResource"));
        assertEquals("rollback-retry-resource already exists", failed.getString("statusReason"));

        JsonPath retry = plan(id, "rollback-retry");
        assertEquals("PLANNED", retry.getString("state"), retry.prettify());
        assertEquals("CREATE", retry.getString("changeSetType"), "a stack in ROLLBACK_COMPLETE is created again, never updated");
        assertTrue(retry.getString("note").contains("ROLLBACK_COMPLETE"));
        List<String> actions = stub.actions();
        int delete = actions.lastIndexOf("DeleteStack");
        int create = actions.lastIndexOf("CreateChangeSet");
        assertTrue(delete >= 0 && delete < create, "deleted before the new change set: " + actions);
        assertEquals(2, stub.stacksCreated());
        execute(id, retry.getInt("number"));
        assertEquals("SUCCEEDED", finished(id, retry.getInt("number")).getString("state"));

        List<String> audit = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "assessmentId = ?1 order by id", id).list().stream().map(e -> e.action + ": " + e.detail).toList());
        assertTrue(audit.stream().anyMatch(a -> a.startsWith("provisioning.failed: Run " + first)
                && a.contains(resource) && a.contains("ROLLBACK_COMPLETE") && a.contains("account 123456789012")), audit.toString());
        assertTrue(audit.stream().anyMatch(a -> a.startsWith("provisioning.succeeded: Run " + retry.getInt("number"))), audit.toString());
    }

    @Test
    void concurrentClicksStartOneRun() throws Exception {
        long id = approved("Concurrent Clicks Ltd", Map.of());
        target(id, "eu-west-1", null, null);
        Map<String, String> parameters = ProvisioningFixtures.parameters(id);

        List<Integer> planned = twice(() -> ProvisioningFixtures.slow(Api.consultant()).contentType(ContentType.JSON)
                .body(Map.of("stackName", "concurrent-clicks", "parameters", parameters))
                .post("/api/v1/assessments/" + id + "/provisioning/plans").statusCode());
        Collections.sort(planned);
        // one plan; the other click is refused while it is planning, or supersedes it once planned
        assertTrue(planned.equals(List.of(201, 409)) || planned.equals(List.of(201, 201)), planned.toString());
        int number = Api.consultant().get("/api/v1/assessments/" + id + "/provisioning").then().extract().jsonPath()
                .getInt("runs[0].number");

        List<Integer> executed = twice(() -> ProvisioningFixtures.slow(Api.consultant()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/assessments/" + id + "/provisioning/runs/" + number + "/execute").statusCode());
        Collections.sort(executed);

        assertEquals(List.of(200, 409), executed);
        assertEquals(1, stub.calls("ExecuteChangeSet").size(), "one execution");
        assertEquals("SUCCEEDED", finished(id, number).getString("state"));
    }

    @Test
    void missingRegionIsNamedBeforeAnyAwsCall() {
        long id = approved("No Region Ltd", Map.of());

        Api.consultant().contentType(ContentType.JSON).body(Map.of("stackName", "no-region", "parameters",
                ProvisioningFixtures.parameters(id))).post("/api/v1/assessments/" + id + "/provisioning/plans").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("region"))
                .body("errors.find { it.field == 'region' }.message", org.hamcrest.Matchers.containsString("BEARING_PROVISIONING_REGION"));

        assertEquals(List.of(), stub.actions(), "no AWS call");
        Api.consultant().get("/api/v1/assessments/" + id + "/provisioning").then().statusCode(200)
                .body("runs", org.hamcrest.Matchers.empty());
    }

    @Test
    void aMissingParameterIsNamedBeforeAnyAwsCall() {
        long id = approved("Missing Parameter Ltd", Map.of());
        target(id, "eu-west-1", null, null);
        Map<String, String> parameters = ProvisioningFixtures.parameters(id);
        org.junit.jupiter.api.Assumptions.assumeFalse(parameters.isEmpty(), "the composer leaves no parameter to fill");
        String first = parameters.keySet().iterator().next();

        Api.consultant().contentType(ContentType.JSON).body(Map.of("stackName", "missing-parameter", "parameters", Map.of()))
                .post("/api/v1/assessments/" + id + "/provisioning/plans").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("parameters." + first));
        assertEquals(List.of(), stub.actions(), "no AWS call");
    }

    @Test
    void everyMissingSettingIsNamedAtOnceBeforeAnyAwsCall() {
        long id = approved("Nothing Set Ltd", Map.of());
        Map<String, String> parameters = ProvisioningFixtures.parameters(id);
        // no region (this deployment sets no default), no parameter, and no AWS credentials at all
        withoutCredentials(() -> {
            JsonPath problem = Api.consultant().contentType(ContentType.JSON)
                    .body(Map.of("stackName", "nothing-set", "parameters", Map.of()))
                    .post("/api/v1/assessments/" + id + "/provisioning/plans").then().statusCode(400)
                    .contentType("application/problem+json").extract().jsonPath();
            List<String> fields = problem.getList("errors.field");
            assertTrue(fields.containsAll(List.of("region", "credentials")), fields.toString());
            for (String key : parameters.keySet()) {
                assertTrue(fields.contains("parameters." + key), key + " in " + fields);
            }
            assertTrue(problem.getString("detail").contains("region is not set"), problem.getString("detail"));
            assertTrue(problem.getString("detail").contains("Bearing has no AWS credentials"), problem.getString("detail"));

            // the page says the same in one message, each form field marked too
            String page = "/assessments/" + id + "/provisioning";
            var form = Api.consultant().redirects().follow(false).get(page);
            // the README's policy for the client's role allows only stacks named bearing-*: the stack name's hint says so
            assertTrue(form.asString().contains("keep the bearing- prefix"), "stack name hint");
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"")
                    .matcher(form.asString());
            assertTrue(token.find());
            String html = Api.consultant().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .cookie("csrf-token", form.getCookie("csrf-token")).formParam("csrf-token", token.group(1))
                    .formParam("stackName", "nothing-set").post(page + "/plan").then().statusCode(422).extract().asString();
            java.util.regex.Matcher alert = java.util.regex.Pattern.compile("id=\"form-error\">([^<]*)</p>").matcher(html);
            assertTrue(alert.find(), html);
            String message = alert.group(1);
            assertTrue(message.startsWith("Not planned: correct Region"), message);
            assertTrue(message.contains("Bearing has no AWS credentials of its own"), message);
            assertEquals(parameters.size() + 1, html.split("class=\"field-error\"", -1).length - 1,
                    "region and each parameter marked at its field: " + message);
        });
        assertEquals(List.of(), stub.actions(), "no AWS call");
        Api.consultant().get("/api/v1/assessments/" + id + "/provisioning").then().statusCode(200)
                .body("runs", org.hamcrest.Matchers.empty());
    }

    /** Runs {@code check} with the SDK's default chain finding no credentials, then gives the fake ones back. */
    private static void withoutCredentials(Runnable check) {
        Map<String, String> none = Map.of("aws.sharedCredentialsFile", "/nonexistent/credentials",
                "aws.configFile", "/nonexistent/config", "aws.disableEc2Metadata", "true");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        none.forEach(System::setProperty);
        try {
            check.run();
        } finally {
            none.keySet().forEach(System::clearProperty);
            LocalAws.fakeCredentials();
        }
    }

    /** @return the sorted status codes of the same call made twice at the same moment */
    private static List<Integer> twice(java.util.concurrent.Callable<Integer> call) throws Exception {
        return ProvisioningFixtures.race(call, call);
    }
}
