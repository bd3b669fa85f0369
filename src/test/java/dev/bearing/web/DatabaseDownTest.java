package dev.bearing.web;

import dev.bearing.support.Api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Bearing with its PostgreSQL unreachable (a port nobody listens on): pages say saving is
 * paused, the API answers problem+json, both 503 with Retry-After; health details only for
 * this machine.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.Down.class)
class DatabaseDownTest {

    /** No database: nothing listens on 127.0.0.1:9; no migration at start. */
    public static class Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:9/test",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.flyway.clean-at-start", "false",
                    "quarkus.hibernate-orm.schema-management.strategy", "none",
                    "quarkus.http.host", "0.0.0.0",
                    "bearing.allowed-hosts", outsideAddress().orElse("localhost"));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** A non-loopback IPv4 address of this machine, if it has one. */
    static Optional<String> outsideAddress() {
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && n.isUp()) {
                        return Optional.of(a.getHostAddress());
                    }
                }
            }
        } catch (java.net.SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Test
    void pagesSaySavingIsPausedAndTheApiAnswersProblemJson() {
        given().get("/survey/some-token/s/alignment").then().statusCode(503)
                .header("Retry-After", equalTo("10"))
                .contentType(containsString("text/html"))
                .body(containsString("Saving is paused"))
                .body(containsString("kept in this browser"))
                .body(not(containsString("Exception")));
        // a consultant's login cannot be checked without the database: 503, not "wrong password"
        given().auth().preemptive().basic(Api.CONSULTANT, Api.CONSULTANT_PASSWORD).get("/assessments/1").then()
                .statusCode(503).contentType(containsString("text/html"))
                .header("Retry-After", equalTo("10"));
        given().contentType("application/json").body(Map.of("value", "x"))
                .put("/api/v1/respondents/some-token/answers/sc.coverage").then().statusCode(503)
                .header("Retry-After", equalTo("10"))
                .contentType("application/problem+json")
                .body("type", equalTo(dev.bearing.common.ProblemTypes.UNAVAILABLE))
                .body(not(containsString("127.0.0.1")));
    }

    @Test
    void healthDetailsOnlyForThisMachine() {
        given().get("/q/health").then().statusCode(503).body(containsString("Database connections health check"));
        Optional<String> outside = outsideAddress();
        Assumptions.assumeTrue(outside.isPresent(), "needs a non-loopback address");
        String base = "http://" + outside.get() + ":" + dev.bearing.support.Server.port();
        for (String path : new String[] {"/q/health", "/q/health/ready"}) {
            given().get(base + path).then().statusCode(503).body("status", equalTo("DOWN"))
                    .body(not(containsString("127.0.0.1"))).body(not(containsString("checks")));
        }
        given().get(base + "/q/health/live").then().statusCode(200).body(equalTo("{\"status\":\"UP\"}"));
    }
}
