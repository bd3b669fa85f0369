package dev.bearing.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PDF cache without Quarkus: keys follow every field a report shows; the budget holds. */
class ReportCacheTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    static final Instant AT = Instant.parse("2026-11-30T10:15:00Z");

    static ReportData data(String organisation, String answer, ReportData.Approval approval) {
        return new ReportData(organisation, 7, AT, null, List.of(new ReportData.RespondentAnswers("Business", "Ann",
                List.of(new ReportData.AnsweredQuestion("Context", "context.one_change", "One change?", answer)))),
                null, null, approval);
    }

    @Test
    void theKeyChangesWithAnythingTheReportShowsAndOnlyThen() {
        ReportCache cache = new ReportCache(JSON, 1 << 20);
        String key = cache.key(data("Northwind", "Deploy daily", null));
        assertEquals(key, cache.key(data("Northwind", "Deploy daily", null)), "the same data, the same key");
        assertNotEquals(key, cache.key(data("Northwind Ltd", "Deploy daily", null)), "organisation renamed");
        assertNotEquals(key, cache.key(data("Northwind", "Deploy hourly", null)), "an answer changed");
        ReportData.Approval v1 = new ReportData.Approval(1, "casey", AT, "ab12");
        assertNotEquals(key, cache.key(data("Northwind", "Deploy daily", v1)), "approved");
        assertNotEquals(cache.key(data("Northwind", "Deploy daily", v1)),
                cache.key(data("Northwind", "Deploy daily", new ReportData.Approval(2, "casey", AT, "ab12"))),
                "another version");
    }

    @Test
    void keepsAtMostItsBudgetDroppingTheLeastRecentlyUsed() {
        ReportCache cache = new ReportCache(JSON, 400);
        cache.put("a", new byte[100]);
        cache.put("b", new byte[100]);
        cache.put("c", new byte[100]);
        cache.get("a");
        cache.put("d", new byte[100]);
        cache.put("e", new byte[100]);
        assertEquals(400, cache.bytes());
        assertNull(cache.get("b"), "least recently used, dropped");
        assertArrayEquals(new byte[100], cache.get("a"), "used recently, kept");
        cache.put("big", new byte[101]);
        assertNull(cache.get("big"), "larger than a quarter of the budget: not kept");
        assertEquals(4, cache.size());
    }

    @Test
    void aBudgetOfZeroKeepsNothing() {
        ReportCache cache = new ReportCache(JSON, 0);
        cache.put("a", new byte[1]);
        assertNull(cache.get("a"));
        assertEquals(0, cache.bytes());
    }
}
