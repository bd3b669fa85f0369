package dev.bearing.provisioning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import dev.bearing.support.Approvals;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Approved assessments and API calls for the provisioning tests. */
final class ProvisioningFixtures {

    private ProvisioningFixtures() {
    }

    /** @return an assessment of the test consultant, answered, evaluated and approved as version 1 */
    static long approved(String organisation, Map<String, String> context) {
        long id = Approvals.evaluated(organisation, new int[] {2, 2, 2}, context);
        Approvals.approveLatest(id, Api.CONSULTANT);
        return id;
    }

    /** Sets the organisation's AWS target through the API. */
    static void target(long id, String region, String roleArn, String externalId) {
        Map<String, Object> body = new HashMap<>();
        body.put("region", region);
        body.put("roleArn", roleArn);
        body.put("externalId", externalId);
        Api.consultant().contentType(ContentType.JSON).body(body).put("/api/v1/assessments/" + id + "/provisioning/target")
                .then().statusCode(200);
    }

    /** @return a value for every parameter the composer left to the consultant */
    static Map<String, String> parameters(long id) {
        List<Map<String, Object>> toFill = Api.consultant().get("/api/v1/assessments/" + id + "/provisioning").then()
                .statusCode(200).extract().jsonPath().getList("parametersToFill");
        Map<String, String> values = new HashMap<>();
        for (Map<String, Object> p : toFill) {
            String key = (String) p.get("key");
            values.put(key, valueFor(key));
        }
        return values;
    }

    /** @return a plausible value of a template parameter the consultant gives */
    static String valueFor(String key) {
        return switch (key) {
            case "RepositoryId" -> "example/shop";
            case "GrafanaAuthentication" -> "AWS_SSO";
            case "VpcId" -> "vpc-0123456789abcdef0";
            case "PublicSubnetIds" -> "subnet-0123456789abcdef0,subnet-0123456789abcdef1";
            case "PrivateSubnetIds" -> "subnet-0123456789abcdef2,subnet-0123456789abcdef3";
            case "CertificateArn" -> "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000";
            case "AllowedCidr" -> "10.0.0.0/16";
            default -> key.toLowerCase().contains("email") ? "ops@example.com" : "bearing-test";
        };
    }

    /** Plans through the API; asserts 201. */
    static JsonPath plan(long id, String stackName) {
        return slow(Api.consultant()).contentType(ContentType.JSON).body(Map.of("stackName", stackName, "parameters", parameters(id)))
                .post("/api/v1/assessments/" + id + "/provisioning/plans").then().statusCode(201).extract().jsonPath();
    }

    /**
     * @return the request, allowed 180 s: planning runs cfn-lint (a Python process that took 17 s
     *     alone, 26 s two at once, on a loaded 2-core machine) before any AWS call
     */
    static io.restassured.specification.RequestSpecification slow(io.restassured.specification.RequestSpecification r) {
        return r.config(io.restassured.RestAssured.config().httpClient(io.restassured.config.HttpClientConfig
                .httpClientConfig().setParam("http.socket.timeout", 180_000).setParam("http.connection.timeout", 10_000)));
    }

    /** Confirms run {@code number}; asserts 200. */
    static JsonPath execute(long id, int number) {
        return slow(Api.consultant()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/assessments/" + id + "/provisioning/runs/" + number + "/execute").then().statusCode(200).extract()
                .jsonPath();
    }

    /** @return run {@code number} once it has finished (waits up to 120 s: a loaded 2-core machine is slow) */
    static JsonPath finished(long id, int number) throws InterruptedException {
        return finished(id, number, java.time.Duration.ofSeconds(120));
    }

    /** @return run {@code number} once it has finished, waiting up to {@code wait} */
    static JsonPath finished(long id, int number, java.time.Duration wait) throws InterruptedException {
        long deadline = System.currentTimeMillis() + wait.toMillis();
        while (true) {
            JsonPath run = Api.consultant().get("/api/v1/assessments/" + id + "/provisioning/runs/" + number).then()
                    .statusCode(200).extract().jsonPath();
            if (run.getBoolean("finished")) {
                return run;
            }
            assertTrue(System.currentTimeMillis() < deadline, "run " + number + " still " + run.getString("state"));
            Thread.sleep(100);
        }
    }

    /** @return the sorted status codes of two calls started at the same moment */
    static List<Integer> race(Callable<Integer> first, Callable<Integer> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : futures) {
                codes.add(f.get());
            }
            Collections.sort(codes);
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }
}
