package dev.bearing.provisioning;

import static dev.bearing.provisioning.ProvisioningFixtures.approved;
import static dev.bearing.provisioning.ProvisioningFixtures.execute;
import static dev.bearing.provisioning.ProvisioningFixtures.finished;
import static dev.bearing.provisioning.ProvisioningFixtures.plan;
import static dev.bearing.provisioning.ProvisioningFixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.security.AuditEvent;
import dev.bearing.support.Api;
import dev.bearing.support.LocalAws;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Provisioning against MOTO ({@code moto_server}, a local AWS that creates the resources in
 * memory): plan → preview → execute → events → complete, the bucket and the ECR repository then
 * listed by the same emulator, reached by assuming a role with an external ID through moto's STS;
 * then the tear-down. Also: no offer for an organisation whose constraints exclude AWS.
 */
@QuarkusTest
class ProvisioningMotoTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/BearingProvisioner";
    private static final String EXTERNAL_ID = "bearing-moto-test-7f3a";

    @Inject
    AwsAccess aws;

    URI moto;

    @BeforeEach
    void start() {
        moto = LocalAws.moto();
        aws.useEndpoint(moto);
    }

    @AfterEach
    void stop() {
        aws.useEndpoint(null);
    }

    @Test
    void planPreviewExecuteCompleteAndTearDownInTheEmulatorThroughAnAssumedRole() throws Exception {
        long id = approved("Moto Provisioning Ltd", Map.of());
        target(id, "eu-west-1", ROLE, EXTERNAL_ID);

        JsonPath planned = plan(id, "moto-provisioning-" + id);

        assertEquals("PLANNED", planned.getString("state"), planned.prettify());
        assertEquals("111122223333", planned.getString("account"), "the assumed role's account (moto's STS GetCallerIdentity)");
        assertEquals("CREATE", planned.getString("changeSetType"));
        List<Map<String, Object>> changes = planned.getList("plan.changes");
        assertFalse(changes.isEmpty());
        assertTrue(changes.stream().allMatch(c -> "Add".equals(c.get("action")) && c.get("logicalId") != null
                && String.valueOf(c.get("resourceType")).startsWith("AWS::")), changes.toString());
        assertTrue(planned.getDouble("plan.cost.monthlyTotal") >= 0);
        assertNotNull(planned.getString("plan.cost.pricesAsOf"));
        List<String> bucketsBefore = buckets();

        int number = planned.getInt("number");
        String template = Api.consultant().get("/api/v1/assessments/" + id + "/provisioning/runs/" + number + "/template.yaml")
                .then().statusCode(200).extract().asString();
        assertTrue(template.contains((String) changes.get(0).get("resourceType")), "the template previewed can be downloaded");
        JsonPath executing = execute(id, number);
        assertTrue(List.of("EXECUTING", "SUCCEEDED").contains(executing.getString("state")), executing.prettify());
        JsonPath done = finished(id, number);

        assertEquals("SUCCEEDED", done.getString("state"), done.prettify());
        assertEquals("CREATE_COMPLETE", done.getString("status"));
        assertTrue(done.getList("events.status").contains("CREATE_COMPLETE"), done.getList("events").toString());
        List<Map<String, Object>> resources = done.getList("outcome.resources");
        assertEquals(changes.size(), resources.size(), "every planned resource was created: " + resources);
        List<String> newBuckets = resources.stream().filter(r -> "AWS::S3::Bucket".equals(r.get("resourceType")))
                .map(r -> (String) r.get("physicalId")).toList();
        assertTrue(newBuckets.stream().noneMatch(bucketsBefore::contains), "planning created no bucket");
        newBuckets.forEach(b -> assertTrue(buckets().contains(b), "the bucket exists in the emulator: " + b));
        resources.stream().filter(r -> "AWS::ECR::Repository".equals(r.get("resourceType"))).map(r -> (String) r.get("physicalId"))
                .forEach(r -> assertTrue(repositories().contains(r), "the repository exists in the emulator: " + r));
        Map<String, String> outputs = done.getMap("outcome.outputs");
        assertFalse(outputs.isEmpty(), "the stack's outputs are shown: " + done.prettify());
        outputs.forEach((key, value) -> assertFalse(value == null || value.isBlank(), "output " + key));
        // each output comes with the blueprint's description of it, for the run page
        Map<String, String> notes = done.getMap("outcome.outputNotes");
        assertEquals(outputs.keySet(), notes.keySet(), "a description for every output: " + notes);
        assertTrue(notes.values().stream().anyMatch(n -> n.startsWith("Store pipeline secrets under this name prefix")), notes.toString());

        List<String> audit = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "assessmentId = ?1 order by id", id).list().stream().map(e -> e.action + " by " + e.actor + ": " + e.detail).toList());
        assertTrue(audit.stream().anyMatch(a -> a.startsWith("provisioning.planned by " + Api.CONSULTANT)
                && a.contains("account 111122223333") && a.contains("eu-west-1")), audit.toString());
        assertTrue(audit.stream().anyMatch(a -> a.startsWith("provisioning.succeeded by " + Api.CONSULTANT)
                && a.contains("CREATE_COMPLETE")), audit.toString());
        assertTrue(audit.stream().noneMatch(a -> a.contains(EXTERNAL_ID)), "the external ID stays out of the log");

        JsonPath teardown = ProvisioningFixtures.slow(Api.consultant()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/assessments/" + id + "/provisioning/teardowns").then().statusCode(201).extract().jsonPath();
        assertEquals("PLANNED", teardown.getString("state"), teardown.prettify());
        assertEquals(resources.stream().map(r -> r.get("physicalId")).toList(), teardown.getList("plan.changes.physicalId"),
                "the preview lists every resource");
        assertTrue(teardown.getList("plan.changes.action").stream().allMatch("Remove"::equals));
        newBuckets.forEach(b -> assertTrue(buckets().contains(b), "the preview deleted nothing"));
        execute(id, teardown.getInt("number"));
        assertEquals("SUCCEEDED", finished(id, teardown.getInt("number")).getString("state"));
        // both blueprints give their buckets DeletionPolicy Retain (artefacts outlive the stack)
        newBuckets.forEach(b -> assertTrue(buckets().contains(b), "the bucket is kept (DeletionPolicy Retain): " + b));
    }

    @Test
    void anOrganisationWhoseConstraintsExcludeAwsGetsNoOffer() {
        long id = approved("On Premises Only Ltd", Map.of("context.hosting", "on_premises_only"));

        JsonPath overview = Api.consultant().get("/api/v1/assessments/" + id + "/provisioning").then().statusCode(200)
                .extract().jsonPath();
        assertFalse(overview.getBoolean("offered"));
        assertFalse(overview.getString("notOfferedReason").isBlank());
        Api.consultant().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/assessments/" + id + "/provisioning/plans")
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString(overview.getString("notOfferedReason")));
        String page = Api.consultant().get("/assessments/" + id + "/provisioning").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Provisioning is not offered."), page);
        assertFalse(page.contains("/provisioning/plan\""), "no plan form");
    }

    private AwsCredentialsProvider assumed(StsClient sts) {
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(ROLE).externalId(EXTERNAL_ID).roleSessionName("bearing-test")).build();
    }

    /** @return the bucket names the emulator lists for the assumed role's account */
    private List<String> buckets() {
        try (StsClient sts = sts(); S3Client s3 = S3Client.builder().endpointOverride(moto).region(Region.EU_WEST_1)
                .forcePathStyle(true).credentialsProvider(assumed(sts)).httpClient(UrlConnectionHttpClient.create()).build()) {
            return s3.listBuckets().buckets().stream().map(Bucket::name).toList();
        }
    }

    /** @return the ECR repository names the emulator lists for the assumed role's account */
    private List<String> repositories() {
        try (StsClient sts = sts(); EcrClient ecr = EcrClient.builder().endpointOverride(moto).region(Region.EU_WEST_1)
                .credentialsProvider(assumed(sts)).httpClient(UrlConnectionHttpClient.create()).build()) {
            return ecr.describeRepositories().repositories().stream().map(Repository::repositoryName).toList();
        }
    }

    private StsClient sts() {
        return StsClient.builder().endpointOverride(moto).region(Region.EU_WEST_1)
                .credentialsProvider(DefaultCredentialsProvider.builder().build()).httpClient(UrlConnectionHttpClient.create()).build();
    }
}
