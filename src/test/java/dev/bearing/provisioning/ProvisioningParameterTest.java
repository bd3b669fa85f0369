package dev.bearing.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import dev.bearing.support.LocalAws;
import dev.bearing.support.ScriptedCloudFormation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bad template parameter of the Jenkins blueprint (a network range, a subnet list) is refused
 * at once, naming the field in plain words, on the API and on the page, before cfn-lint runs or
 * any AWS call (the scripted stub counts calls; none may come).
 */
@QuarkusTest
class ProvisioningParameterTest {

    /**
     * A refusal checked before cfn-lint took 0.12–0.7 s here; one that waited for cfn-lint took 3.4 s
     * on a quiet machine and 17 s or more on a loaded one (see {@link ProvisioningFixtures#slow}).
     */
    private static final long IMMEDIATE_MS = 3_000;

    @Inject
    AwsAccess aws;

    ScriptedCloudFormation stub;

    @BeforeEach
    void start() throws Exception {
        LocalAws.fakeCredentials();
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
    void anOutOfRangeNetworkIsRefusedAtOnceInPlainWordsOnTheApiAndThePage() {
        long id = withJenkins("Bad Range Ltd");
        Map<String, String> parameters = ProvisioningFixtures.parameters(id);
        parameters.put("AllowedCidr", "999.1.1.1/32");

        long started = System.nanoTime();
        JsonPath problem = plan(id, parameters);
        long ms = (System.nanoTime() - started) / 1_000_000;

        assertEquals(List.of("parameters.AllowedCidr"), problem.getList("errors.field"), problem.prettify());
        assertEquals("Network range allowed to reach Jenkins: give an IPv4 range such as 203.0.113.0/24 (four numbers"
                + " from 0 to 255, then / and a prefix length from 0 to 32)", problem.getString("errors[0].message"));
        assertTrue(ms < IMMEDIATE_MS, "refused in " + ms + " ms, before cfn-lint");

        // a prefix length over 32 too
        parameters.put("AllowedCidr", "10.0.0.0/33");
        assertEquals(List.of("parameters.AllowedCidr"), plan(id, parameters).getList("errors.field"));

        // a leading zero, which some programs read as octal (010 = 8) and AWS refuses
        parameters.put("AllowedCidr", "010.0.0.0/8");
        JsonPath octal = plan(id, parameters);
        assertEquals(List.of("parameters.AllowedCidr"), octal.getList("errors.field"), octal.prettify());
        assertEquals("Network range allowed to reach Jenkins: give an IPv4 range such as 203.0.113.0/24 with no leading"
                + " zeros (some programs read 010 as 10, others as the octal 8); not allowed here: 010",
                octal.getString("errors[0].message"));

        // the page: the field's message in plain words, no regular expression
        parameters.put("AllowedCidr", "10.0.0/8");
        String html = planPage(id, parameters);
        Matcher at = Pattern.compile("id=\"e-parameters\\.AllowedCidr\">([^<]*)</p>").matcher(html);
        assertTrue(at.find(), html);
        assertEquals("Network range allowed to reach Jenkins: give an IPv4 range such as 203.0.113.0/24 (four numbers"
                + " from 0 to 255, then / and a prefix length from 0 to 32)", at.group(1));
        assertFalse(html.contains("{1,3}"), "no pattern on the page");
        assertTrue(html.contains("Not planned: correct Network range allowed to reach Jenkins (marked below)."), html);

        assertEquals(List.of(), stub.actions(), "no AWS call");
        Api.consultant().get("/api/v1/assessments/" + id + "/provisioning").then().statusCode(200)
                .body("runs", org.hamcrest.Matchers.empty());
    }

    @Test
    void aSingleSubnetWhereTwoAvailabilityZonesAreNeededIsRefusedUpFront() {
        long id = withJenkins("One Subnet Ltd");
        Map<String, String> parameters = ProvisioningFixtures.parameters(id);
        parameters.put("PublicSubnetIds", "subnet-0123456789abcdef0");
        parameters.put("PrivateSubnetIds", "subnet-0123456789abcdef2, subnet-0123456789abcdef2");

        long started = System.nanoTime();
        JsonPath problem = plan(id, parameters);
        long ms = (System.nanoTime() - started) / 1_000_000;

        Map<String, String> byField = new HashMap<>();
        List<Map<String, String>> errors = problem.getList("errors");
        errors.forEach(e -> byField.put(e.get("field"), e.get("message")));
        assertEquals(2, byField.size(), problem.prettify());
        assertEquals("Two public subnets in different Availability Zones: give two subnets in different Availability Zones,"
                + " as subnet IDs separated by a comma (e.g. subnet-0123456789abcdef0,subnet-0fedcba9876543210); only one was given",
                byField.get("parameters.PublicSubnetIds"));
        assertTrue(byField.get("parameters.PrivateSubnetIds").contains("only one was given"), "the same subnet twice is one");
        assertTrue(ms < IMMEDIATE_MS, "refused in " + ms + " ms, before cfn-lint");
        assertEquals(List.of(), stub.actions(), "no AWS call");
    }

    @Test
    void thePlannedRunShowsTheCostEstimateAsMoney() {
        LocalAws.requireCfnLint();
        long id = ProvisioningFixtures.approved("Cost As Money Ltd", Map.of());
        ProvisioningFixtures.target(id, "eu-west-1", null, null);
        JsonPath run = ProvisioningFixtures.plan(id, "cost-as-money");
        double total = run.getDouble("plan.cost.monthlyTotal");
        assertEquals(Math.rint(total), total, "the blueprints' estimates are whole dollars: " + total);

        String html = Api.consultant().get("/assessments/" + id + "/provisioning/runs/" + run.getInt("number")).then()
                .statusCode(200).extract().asString();
        assertTrue(html.contains("About USD " + String.format(java.util.Locale.UK, "%,.2f", total) + " a month"), html);
        assertFalse(html.matches("(?s).*USD [0-9,]+\\.0[^0-9].*"), "no amount written as 113.0");
        for (Object line : run.getList("plan.cost.lines.monthly")) {
            assertTrue(html.contains(": USD " + String.format(java.util.Locale.UK, "%,.2f", ((Number) line).doubleValue())), html);
        }
    }

    /** @return the problem of a refused plan (asserts 400, application/problem+json) */
    private static JsonPath plan(long id, Map<String, String> parameters) {
        return ProvisioningFixtures.slow(Api.consultant()).contentType(ContentType.JSON)
                .body(Map.of("stackName", "bad-parameter", "parameters", parameters))
                .post("/api/v1/assessments/" + id + "/provisioning/plans").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
    }

    /** @return the overview page after the plan form was refused (asserts 422) */
    private static String planPage(long id, Map<String, String> parameters) {
        String page = "/assessments/" + id + "/provisioning";
        Response form = Api.consultant().redirects().follow(false).get(page);
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(token.find());
        var post = ProvisioningFixtures.slow(Api.consultant()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("csrf-token", form.getCookie("csrf-token")).formParam("csrf-token", token.group(1))
                .formParam("stackName", "bad-parameter");
        parameters.forEach((k, v) -> post.formParam("parameters." + k, v));
        return post.post(page + "/plan").then().statusCode(422).extract().asString();
    }

    /**
     * @return an approved assessment whose stack has Jenkins as its CI (a reviewed override, then
     *     approved as version 2), with the AWS target set, so the Jenkins blueprint is composed
     */
    private static long withJenkins(String organisation) {
        long id = ProvisioningFixtures.approved(organisation, Map.of());
        String base = "/api/v1/assessments/" + id;
        Api.consultant().contentType(ContentType.JSON).body(Map.of("layer", "ci", "tool", "jenkins", "note",
                "The platform team runs Jenkins.")).post(base + "/review/overrides").then().statusCode(201);
        Api.consultant().contentType(ContentType.JSON).post(base + "/approve").then().statusCode(201);
        ProvisioningFixtures.target(id, "eu-west-1", null, null);
        List<String> toFill = Api.consultant().get(base + "/provisioning").then().statusCode(200).extract().jsonPath()
                .getList("parametersToFill.key");
        assertTrue(toFill.containsAll(List.of("AllowedCidr", "PublicSubnetIds", "PrivateSubnetIds")), toFill.toString());
        return id;
    }
}
