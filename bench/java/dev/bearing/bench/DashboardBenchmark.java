package dev.bearing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.assessment.DashboardQuery;
import dev.bearing.assessment.DashboardService;
import dev.bearing.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The dashboard at scale, through HTTP: with 100,000 assessments, 300,000 respondents and about
 * 10 million answers loaded (bench/generate-dashboard-data, run here when the database has fewer),
 * p50/p95 of the list, its filters and its orders, on page 1 and on a deep page, for the API and
 * the HTML page, logged in as an admin through the login form (the session cookie on every
 * request); then the EXPLAIN ANALYZE plans of each case. Not a pass/fail test: it prints the
 * table and plans and writes them to target/dashboard-bench-results.md.
 *
 * <p>Run it against a database of its own, never one with real data (its assessments are
 * replaced): {@code BEARING_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/bench_dash ./mvnw -Pbench verify
 * -Dtest=DashboardBenchmark}. It refuses a database whose name does not contain "bench".
 */
@QuarkusTest
@TestProfile(DashboardBenchmark.KeepData.class)
class DashboardBenchmark {

    /** The bench database keeps its data between runs: no clean at start. */
    public static class KeepData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.clean-at-start", "false", "quarkus.http.test-timeout", "60S");
        }
    }

    private static final int ASSESSMENTS = Integer.getInteger("bench.assessments", 100_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    private static final int RUNS = Integer.getInteger("bench.runs", 300);

    @Inject
    EntityManager em;

    @Inject
    DashboardService dashboard;

    @Test
    void measure() throws Exception {
        String jdbc = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String database = jdbc.substring(jdbc.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        if (!database.contains("bench")) {
            throw new IllegalStateException("The dashboard benchmark replaces the assessments of " + jdbc
                    + "; point BEARING_TEST_DB_URL at a database whose name contains 'bench'.");
        }
        String generated = "already loaded";
        if (count("select count(*) from assessment") < ASSESSMENTS) {
            long t = System.nanoTime();
            String url = jdbc.replace("jdbc:postgresql://", "postgresql://postgres@");
            Path log = Path.of("target/dashboard-data.log");
            Process p = new ProcessBuilder("bench/generate-dashboard-data", url, String.valueOf(ASSESSMENTS))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("bench/generate-dashboard-data failed; see " + log);
            }
            generated = String.format("generated in %.0f s", (System.nanoTime() - t) / 1e9);
        }
        long assessments = count("select count(*) from assessment");
        long respondents = count("select count(*) from respondent");
        long answers = count("select count(*) from answer");

        // name -> (URL query, deep query); deep pages sit half-way through their list
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("list, last activity (default)", new String[] {"", "?page=2400"});
        cases.put("list, 100 per page", new String[] {"?size=100", "?size=100&page=480"});
        cases.put("filter status=in-progress", new String[] {"?status=in-progress", "?status=in-progress&page=700"});
        cases.put("filter status=approved, sort stage", new String[] {"?status=approved&sort=-stage", "?status=approved&sort=-stage&page=450"});
        cases.put("filter organisation contains 'bank'", new String[] {"?organisation=bank", "?organisation=bank&page=200"});
        cases.put("filter organisation contains '00420' (a few matches)", new String[] {"?organisation=00420", "?organisation=00420&sort=organisation"});
        cases.put("filter archived", new String[] {"?status=archived", "?status=archived&page=60"});
        cases.put("sort organisation A-Z", new String[] {"?sort=organisation", "?sort=organisation&page=2400"});
        cases.put("sort stage, most mature first", new String[] {"?sort=-stage", "?sort=-stage&page=2400"});
        cases.put("sort created, oldest first", new String[] {"?sort=created", "?sort=created&page=2400"});

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String session = login(http, base);
        StringBuilder table = new StringBuilder();
        table.append("| case | API page 1 p50 / p95 ms | API deep page p50 / p95 ms | HTML page 1 p50 / p95 ms | HTML deep p50 / p95 ms | items, total |\n");
        table.append("| --- | --- | --- | --- | --- | --- |\n");
        List<double[]> allApi = new ArrayList<>();
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String first = c.getValue()[0];
            String deep = c.getValue()[1];
            double[] api1 = time(http, session, base + "/api/v1/assessments" + first);
            double[] apiDeep = time(http, session, base + "/api/v1/assessments" + deep);
            double[] html1 = time(http, session, base + "/" + first);
            double[] htmlDeep = time(http, session, base + "/" + deep);
            allApi.add(api1);
            allApi.add(apiDeep);
            String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assessments" + deep))
                    .header("Cookie", session).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonNode json = new ObjectMapper().readTree(body);
            int items = json.get("items").size();
            long total = json.get("totalItems").asLong();
            table.append(String.format("| %s (`%s`, deep `%s`) | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %d of %,d |%n",
                    c.getKey(), first.isEmpty() ? "/" : first, deep, pct(api1, 50), pct(api1, 95), pct(apiDeep, 50),
                    pct(apiDeep, 95), pct(html1, 50), pct(html1, 95), pct(htmlDeep, 50), pct(htmlDeep, 95), items, total));
        }
        // a consultant's own view (owner or shared), in-process: the HTTP routes pass "admin" until login
        double[] consultant = new double[RUNS];
        DashboardQuery mine = DashboardQuery.defaults();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t = System.nanoTime();
            dashboard.page(mine, 1_000_008L, false);
            if (i >= WARMUP) {
                consultant[i - WARMUP] = (System.nanoTime() - t) / 1e6;
            }
        }
        double worstP95 = allApi.stream().mapToDouble(v -> pct(v, 95)).max().orElse(0);

        StringBuilder plans = new StringBuilder();
        Map<String, DashboardQuery> explained = new LinkedHashMap<>();
        explained.put("list, deep page 2400", query(Map.of("page", "2400")));
        explained.put("filter status=in-progress, deep page 700", query(Map.of("status", "in-progress", "page", "700")));
        explained.put("filter organisation contains 'bank', page 1", query(Map.of("organisation", "bank")));
        explained.put("sort organisation, deep page 2400", query(Map.of("sort", "organisation", "page", "2400")));
        explained.put("sort stage, deep page 2400", query(Map.of("sort", "-stage", "page", "2400")));
        for (Map.Entry<String, DashboardQuery> e : explained.entrySet()) {
            List<String> p = dashboard.explain(e.getValue(), 0, true);
            plans.append("### ").append(e.getKey()).append("\n\npage:\n```\n").append(p.get(0)).append("\n```\ncount:\n```\n")
                    .append(p.get(1)).append("\n```\n\n");
        }
        List<String> mp = dashboard.explain(mine, 1_000_008L, false);
        plans.append("### a consultant's own view, page 1\n\npage:\n```\n").append(mp.get(0)).append("\n```\ncount:\n```\n")
                .append(mp.get(1)).append("\n```\n");

        String report = String.format("""
                # Bearing dashboard benchmark (%s)
                machine: %d cores, JVM %s, max heap %d MiB; database %s: %,d assessments, %,d respondents, %,d answers (%s)
                each figure: %d requests after %d warm-up, one at a time, through HTTP on localhost; page size 20 unless stated

                %s
                a consultant's own view (owner or shared, default list, in-process service call): p50 %.1f ms, p95 %.1f ms

                worst API p95: %.1f ms (target ≤ 50 ms per page: %s)

                ## Plans (EXPLAIN ANALYZE, as run)

                %s""", Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), database, assessments, respondents, answers, generated,
                RUNS, WARMUP, table, pct(consultant, 50), pct(consultant, 95), worstP95, worstP95 <= 50 ? "met" : "missed",
                plans);
        System.out.println(report);
        Files.writeString(Path.of("target/dashboard-bench-results.md"), report);
    }

    private static DashboardQuery query(Map<String, String> params) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        params.forEach((k, v) -> m.put(k, List.of(v)));
        return DashboardQuery.parse(m, true);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    /**
     * Logs in as the tests' first admin through the login form, as a consultant's browser does.
     *
     * @return the session cookie ({@code name=value}) to send with every request
     */
    private static String login(HttpClient http, String base) throws IOException, InterruptedException {
        String form = "j_username=" + URLEncoder.encode(Api.ADMIN, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(Api.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("bearing-session="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Login as " + Api.ADMIN + " failed: " + r.statusCode()));
    }

    private static double[] time(HttpClient http, String session, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Cookie", session)
                .timeout(Duration.ofSeconds(60)).build();
        double[] ms = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double elapsed = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + new String(r.body()));
            }
            if (i >= WARMUP) {
                ms[i - WARMUP] = elapsed;
            }
        }
        return ms;
    }

    static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
