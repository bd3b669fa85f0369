package dev.bearing.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Prometheus metrics an operator reads, and who may read them. */
@QuarkusTest
class MetricsTest {

    private static final Pattern SAVES = Pattern.compile("(?m)^bearing_answer_saves_seconds_count\\{[^}]*} ([0-9.E]+)$");

    private static double saves() {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = SAVES.matcher(body);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    @Test
    void eachSaveCountsOnceAndThePoolIsShown() {
        String token = Api.addRespondent(Api.createAssessment("Metrics test org"), "DEVELOPMENT");
        double before = saves();
        Api.put(token, "align.shared_goals", Map.of("value", 4)).then().statusCode(200);
        // changing a saved answer names the version it changes (optimistic concurrency)
        Api.put(token, "align.shared_goals", Map.of("value", 5, "version", 0)).then().statusCode(200);
        assertEquals(before + 2, saves(), "two saves, two counted");
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(body.contains("agroal_active_count"), "the connection pool's use is exported");
    }

    @Test
    void onlyThisMachineOrTheScrapersTokenMayRead() {
        MetricsAccess open = new MetricsAccess(Optional.empty());
        assertTrue(open.allowed("127.0.0.1", null));
        assertTrue(open.allowed("::1", null));
        assertFalse(open.allowed("10.1.2.3", null));
        assertFalse(open.allowed("10.1.2.3", "Bearer "), "no token configured: nothing opens it");
        MetricsAccess withToken = new MetricsAccess(Optional.of("s3cret-scraper-token"));
        assertTrue(withToken.allowed("10.1.2.3", "Bearer s3cret-scraper-token"));
        assertFalse(withToken.allowed("10.1.2.3", "Bearer s3cret-scraper-tokeN"));
        assertFalse(withToken.allowed("10.1.2.3", "Basic s3cret-scraper-token"));
        assertFalse(withToken.allowed(null, null));
    }
}
