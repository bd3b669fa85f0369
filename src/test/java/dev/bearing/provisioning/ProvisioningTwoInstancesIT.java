package dev.bearing.provisioning;

import static dev.bearing.provisioning.ProvisioningFixtures.finished;
import static dev.bearing.provisioning.ProvisioningFixtures.race;
import static dev.bearing.provisioning.ProvisioningFixtures.slow;
import static dev.bearing.provisioning.ProvisioningFixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import dev.bearing.support.Approvals;
import dev.bearing.support.DatabaseTestResource;
import dev.bearing.support.LocalAws;
import dev.bearing.support.PackagedServer;
import dev.bearing.support.ScriptedCloudFormation;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances of Bearing on one PostgreSQL, both pointed at the SCRIPTED STUB
 * ({@link ScriptedCloudFormation}, which counts the calls it gets): a consultant's click on one
 * instance and a second click on the other at the same moment start one run and one execution.
 * The guard is in PostgreSQL (one active run per assessment, a partial unique index; the run row
 * locked while it is confirmed), not in either instance's memory.
 */
class ProvisioningTwoInstancesIT {

    static final int PORT_A = 8094;
    static final int PORT_B = 8095;
    final DatabaseTestResource database = new DatabaseTestResource();
    final List<Process> servers = new ArrayList<>();
    ScriptedCloudFormation stub;

    @AfterEach
    void stop() {
        servers.forEach(Process::destroyForcibly);
        if (stub != null) {
            stub.close();
        }
        database.stop();
        RestAssured.reset();
    }

    @Test
    void clicksOnTwoInstancesAtOnceStartOneRunAndOneExecution() throws Exception {
        LocalAws.requireCfnLint(); // planning runs cfn-lint in each instance
        stub = new ScriptedCloudFormation();
        Map<String, String> db = database.start();
        String[] aws = {"-Dbearing.provisioning.endpoint=" + stub.endpoint(), "-Daws.accessKeyId=testing",
            "-Daws.secretAccessKey=testing", "-Dbearing.provisioning.tick=200ms", "-Dbearing.provisioning.poll-interval=200ms",
            "-Dbearing.provisioning.plan-timeout=20s"};
        Files.deleteIfExists(Path.of("target", "two-instances-a.log"));
        Files.deleteIfExists(Path.of("target", "two-instances-b.log"));
        // one after the other (the first migrates the database); each may take a minute on a busy 2-core machine
        servers.add(PackagedServer.start(PORT_A, db, "target/two-instances-a.log", Duration.ofSeconds(180), aws));
        servers.add(PackagedServer.start(PORT_B, db, "target/two-instances-b.log", Duration.ofSeconds(180), aws));
        RestAssured.port = PORT_A;
        long id = Approvals.evaluated("Two Instances Ltd", new int[] {2, 2, 2}, Map.of());
        Api.consultant().contentType(ContentType.JSON).post("/api/v1/assessments/" + id + "/approve").then().statusCode(201);
        target(id, "eu-west-1", null, null);
        Map<String, String> parameters = ProvisioningFixtures.parameters(id);
        String plans = "/api/v1/assessments/" + id + "/provisioning/plans";
        Map<String, Object> plan = Map.of("stackName", "two-instances", "parameters", parameters);

        List<Integer> planned = race(
                () -> slow(Api.consultant()).port(PORT_A).contentType(ContentType.JSON).body(plan).post(plans).statusCode(),
                () -> slow(Api.consultant()).port(PORT_B).contentType(ContentType.JSON).body(plan).post(plans).statusCode());

        // one plan; the other click is refused while it is planning, or supersedes it once planned
        assertTrue(planned.equals(List.of(201, 409)) || planned.equals(List.of(201, 201)), planned.toString());
        List<Map<String, Object>> runs = Api.consultant().port(PORT_B).get("/api/v1/assessments/" + id + "/provisioning")
                .then().statusCode(200).extract().jsonPath().getList("runs");
        List<Integer> plannedRuns = runs.stream().filter(r -> "PLANNED".equals(r.get("state"))).map(r -> (Integer) r.get("number"))
                .toList();
        assertEquals(1, plannedRuns.size(), "one planned run: " + runs);
        int number = plannedRuns.get(0);
        String execute = "/api/v1/assessments/" + id + "/provisioning/runs/" + number + "/execute";

        List<Integer> executed = race(
                () -> slow(Api.consultant()).port(PORT_A).contentType(ContentType.JSON).body("{}").post(execute).statusCode(),
                () -> slow(Api.consultant()).port(PORT_B).contentType(ContentType.JSON).body("{}").post(execute).statusCode());

        assertEquals(List.of(200, 409), executed, "one confirmation taken, the other refused");
        assertEquals(1, stub.calls("ExecuteChangeSet").size(), "one execution reached AWS");
        assertEquals("SUCCEEDED", finishedOrExplained(id, number).getString("state"));
    }

    /** As {@link ProvisioningFixtures#finished}; when the run does not finish, says why as far as the instances and the stub tell. */
    private io.restassured.path.json.JsonPath finishedOrExplained(long id, int number) throws Exception {
        try {
            // two instances, the test and PostgreSQL on 2 busy cores: a stuck run still fails, after 4 minutes
            return finished(id, number, Duration.ofSeconds(240));
        } catch (AssertionError e) {
            String run = Api.consultant().get("/api/v1/assessments/" + id + "/provisioning/runs/" + number).asString();
            StringBuilder why = new StringBuilder(e.getMessage()).append("\nrun: ").append(run)
                    .append("\nstub calls: ").append(stub.actions());
            for (String log : List.of("target/two-instances-a.log", "target/two-instances-b.log")) {
                List<String> lines = Files.readAllLines(Path.of(log));
                why.append("\n--- last lines of ").append(log).append(":\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            throw new AssertionError(why.toString(), e);
        }
    }
}
