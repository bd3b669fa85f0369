package dev.bearing.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoraBenchmarkTest {

    static final Path DIR = Path.of("rules/benchmarks");
    static final DoraBenchmark BENCHMARK = DoraBenchmark.load(DIR);

    static MetricComparison metric(PeerGroup g, String key) {
        return g.metrics().stream().filter(m -> m.metric().equals(key)).findFirst().orElseThrow();
    }

    static JsonNode file(String name) throws IOException {
        return new ObjectMapper().readTree(DIR.resolve(name).toFile());
    }

    @Test
    void leadTimeOptionFiveAgainstAll2025() throws IOException {
        PeerComparison c = BENCHMARK.compare(2025, "all", "all", Map.of("leadtime", 5.0));
        assertEquals(2025, c.edition());
        assertEquals("DORA Quick Check benchmarks, 2025 edition (dora.dev)", c.source());
        MetricComparison m = metric(c.groups().get(0), "leadtime");
        assertEquals("Lead time for changes", m.metricName());
        // option 1..6 recoded linearly to 0..10: (5 - 1) / (6 - 1) * 10
        assertEquals(8.0, m.clientScore(), 1e-12);
        JsonNode all = file("2025-industry_metrics.json").path("all").path("leadtime");
        double mean = all.path("mean").asDouble();
        double std = all.path("std").asDouble();
        assertEquals(mean, m.peerMean(), 1e-12);
        assertEquals(std, m.peerStd(), 1e-12);
        assertEquals(100 * AdoptionCurve.normalCdf((8.0 - mean) / std), m.percentile(), 1e-9);
        // by hand: z = (8.0 - 5.5) / 2.4 = 1.0417, Phi(1.0417) = 0.8512
        assertEquals(85.12, m.percentile(), 0.01);
        assertEquals("better than about 85 % of all respondents", m.words());
    }

    @Test
    void normalCdfMatchesTableValues() {
        assertEquals(0.5, AdoptionCurve.normalCdf(0), 1e-7);
        assertEquals(0.841345, AdoptionCurve.normalCdf(1), 1e-6);
        assertEquals(0.022750, AdoptionCurve.normalCdf(-2), 1e-6);
    }

    @Test
    void percentageMetricsAreInverted() throws IOException {
        PeerGroup none = BENCHMARK.compare(2025, "all", "all", Map.of("changefailure", 0.0, "rework", 0.0)).groups().get(0);
        PeerGroup forty = BENCHMARK.compare(2025, "all", "all", Map.of("changefailure", 40.0, "rework", 40.0)).groups().get(0);
        for (String key : List.of("changefailure", "rework")) {
            assertEquals(10.0, metric(none, key).clientScore(), 1e-12, key);
            assertEquals(6.0, metric(forty, key).clientScore(), 1e-12, key);
            assertTrue(metric(none, key).percentile() > metric(forty, key).percentile(), key);
            // the file holds the instability figure (lower is better); the score mean is 10 minus it
            double stored = file("2025-industry_metrics.json").path("all").path(key).path("mean").asDouble();
            assertEquals(10 - stored, metric(none, key).peerMean(), 1e-12, key);
        }
        // 2025 all: change fail mean 10 - 1.9 = 8.1, std 2.1; 0 % scores 10, z = 0.905, Phi = 0.817
        assertEquals(81.7, metric(none, "changefailure").percentile(), 0.05);
        // 40 %: score 6, z = -1.0, Phi = 0.159
        assertEquals(15.9, metric(forty, "changefailure").percentile(), 0.05);
    }

    @Test
    void recoveryTimeOfThe2025SizeFileIsReadInverted() {
        Map<String, Double> answers = Map.of("failurerecovery", 5.0);
        PeerComparison c = BENCHMARK.compare(2025, "all", "all", answers);
        // industry file stores 7.4, size file 2.6 for the same 'all' population: both mean 7.4 as a score
        assertEquals(7.4, metric(c.groups().get(0), "failurerecovery").peerMean(), 1e-9);
        assertEquals(7.4, metric(c.groups().get(1), "failurerecovery").peerMean(), 1e-9);
        assertEquals(metric(c.groups().get(0), "failurerecovery").percentile(),
                metric(c.groups().get(1), "failurerecovery").percentile(), 1e-9);
        // 1 employee: stored 2.8, score mean 7.2
        PeerGroup solo = BENCHMARK.compare(2025, "all", "solo", answers).groups().get(1);
        assertEquals(7.2, metric(solo, "failurerecovery").peerMean(), 1e-9);
        // 2024 size file is not inverted: 'all' 7.5 as stored
        PeerGroup size2024 = BENCHMARK.compare(2024, "all", "all", answers).groups().get(1);
        assertEquals(7.5, metric(size2024, "failurerecovery").peerMean(), 1e-9);
    }

    @Test
    void edition2024HasNoRework() {
        Map<String, Double> answers = Map.of("leadtime", 4.0, "deployfreq", 3.0, "failurerecovery", 5.0,
                "changefailure", 10.0, "rework", 20.0);
        PeerComparison c = BENCHMARK.compare(2024, "technology", "fewer_than_100", answers);
        assertEquals("DORA Quick Check benchmarks, 2024 edition (dora.dev)", c.source());
        for (PeerGroup g : c.groups()) {
            assertEquals(List.of("leadtime", "deployfreq", "failurerecovery", "changefailure"),
                    g.metrics().stream().map(MetricComparison::metric).toList());
        }
        PeerComparison c2025 = BENCHMARK.compare(2025, "technology", "fewer_than_100", answers);
        assertEquals(5, c2025.groups().get(0).metrics().size());
        assertEquals("Deployment rework rate", metric(c2025.groups().get(0), "rework").metricName());
    }

    @Test
    void unansweredMetricsAreLeftOut() {
        PeerComparison c = BENCHMARK.compare(2025, "all", "all", Map.of("deployfreq", 6.0));
        assertEquals(List.of("deployfreq"), c.groups().get(1).metrics().stream().map(MetricComparison::metric).toList());
        assertTrue(BENCHMARK.compare(2025, "all", "all", Map.of()).groups().get(0).metrics().isEmpty());
    }

    @Test
    void namedGroupsAreUsed() {
        PeerComparison c = BENCHMARK.compare(2025, "financial_services", "fewer_than_10", Map.of("leadtime", 5.0));
        PeerGroup industry = c.groups().get(0);
        PeerGroup size = c.groups().get(1);
        assertEquals(PeerGroup.INDUSTRY, industry.kind());
        assertEquals("financial_services", industry.key());
        assertEquals("Financial Services", industry.name());
        // 2025 Financial Services lead time 5.4 / 2.3: z = 1.1304, Phi = 0.8709
        assertEquals(87.09, metric(industry, "leadtime").percentile(), 0.01);
        assertEquals("better than about 85 % of Financial Services respondents", metric(industry, "leadtime").words());
        assertEquals(PeerGroup.SIZE, size.kind());
        // 2025 2 to 9 employees lead time 6.4 / 2.7: z = 0.5926, Phi = 0.7233
        assertEquals("2 to 9 employees", size.name());
        assertEquals("better than about 70 % of respondents in the size group \"2 to 9 employees\"",
                metric(size, "leadtime").words());
    }

    @Test
    void unknownKeysFallBackToAll() {
        PeerComparison c = BENCHMARK.compare(2025, "shipbuilding", "fewer_than_020", Map.of("leadtime", 5.0));
        assertEquals("all", c.groups().get(0).key());
        assertEquals("All industries", c.groups().get(0).name());
        assertEquals("all", c.groups().get(1).key());
        assertEquals("All organizations", c.groups().get(1).name());
        PeerComparison nulls = BENCHMARK.compare(2025, null, null, Map.of("leadtime", 5.0));
        assertEquals("all", nulls.groups().get(0).key());
        assertEquals(metric(c.groups().get(0), "leadtime"), metric(nulls.groups().get(0), "leadtime"));
    }

    @Test
    void groupListsFollowTheFiles() {
        assertEquals("All industries", BENCHMARK.industries(2025).get("all"));
        assertEquals(14, BENCHMARK.industries(2025).size());
        assertEquals(List.of("all", "solo", "fewer_than_10", "fewer_than_100", "fewer_than_500", "fewer_than_1000",
                "fewer_than_5000", "fewer_than_10000", "more_than_9999"), List.copyOf(BENCHMARK.sizes(2025).keySet()));
        assertTrue(BENCHMARK.sizes(2024).containsKey("fewer_than_020"));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BENCHMARK.compare(2023, "all", "all", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> BENCHMARK.compare(2025, "all", "all", Map.of("lead_time", 5.0)));
        assertThrows(IllegalArgumentException.class, () -> BENCHMARK.compare(2025, "all", "all", Map.of("leadtime", 7.0)));
        assertThrows(IllegalArgumentException.class, () -> BENCHMARK.compare(2025, "all", "all", Map.of("leadtime", 2.5)));
        assertThrows(IllegalArgumentException.class, () -> BENCHMARK.compare(2025, "all", "all", Map.of("rework", 101.0)));
        assertThrows(IllegalArgumentException.class,
                () -> BENCHMARK.compare(2025, "all", "all", Map.of("changefailure", Double.NaN)));
    }

    @Test
    void wordsAreRoundedAndCapped() {
        assertEquals("better than over 95 % of all respondents", DoraBenchmark.words(97.6, "INDUSTRY", "all", "All industries"));
        assertEquals("better than under 5 % of Energy respondents", DoraBenchmark.words(2.4, "INDUSTRY", "energy", "Energy"));
        assertEquals("better than about 70 % of Energy respondents", DoraBenchmark.words(71.2, "INDUSTRY", "energy", "Energy"));
        // DORA's "Other" group is the respondents who chose "other", not every industry but the client's
        assertEquals("better than about 5 % of respondents who gave their industry as \"other\"",
                DoraBenchmark.words(5.1, "INDUSTRY", "other", "Other"));
    }

    @Test
    void missingFileIsNamed(@TempDir Path tmp) throws IOException {
        copyData(tmp);
        Files.delete(tmp.resolve("2025-organization_size_metrics.json"));
        var e = assertThrows(IllegalStateException.class, () -> DoraBenchmark.load(tmp));
        assertTrue(e.getMessage().contains("2025-organization_size_metrics.json"), e.getMessage());
    }

    @Test
    void malformedFileIsNamed(@TempDir Path tmp) throws IOException {
        copyData(tmp);
        Files.writeString(tmp.resolve("2024-industry_metrics.json"), "{\"all\": {\"name\": \"All industries\"");
        var e = assertThrows(IllegalStateException.class, () -> DoraBenchmark.load(tmp));
        assertTrue(e.getMessage().contains("2024-industry_metrics.json"), e.getMessage());
    }

    @Test
    void aChangedDirectionIsCaughtAtLoad(@TempDir Path tmp) throws IOException {
        copyData(tmp);
        // as if DORA corrected the size file to the score scale: 7.4 would then be read as 10 - 7.4
        Path f = tmp.resolve("2025-organization_size_metrics.json");
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(f.toFile());
        ((ObjectNode) root.path("all").path("failurerecovery")).put("mean", 7.4);
        json.writeValue(f.toFile(), root);
        var e = assertThrows(IllegalStateException.class, () -> DoraBenchmark.load(tmp));
        assertTrue(e.getMessage().contains("2025-organization_size_metrics.json"), e.getMessage());
        assertTrue(e.getMessage().contains("failurerecovery"), e.getMessage());
    }

    static void copyData(Path target) throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Files.copy(p, target.resolve(p.getFileName()));
            }
        }
    }
}
