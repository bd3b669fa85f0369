package dev.bearing.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every route against every kind of caller, from {@code src/test/resources/access-matrix.txt}.
 * The routes are read from the compiled resource classes, so a new route without a line in the
 * matrix fails this test, and the line must say who may call it.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final List<String> PERSONAS = List.of("anonymous", "respondent", "respondent of another assessment",
            "owner", "other consultant", "admin");
    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "GET", POST.class, "POST",
            PUT.class, "PUT", DELETE.class, "DELETE", PATCH.class, "PATCH");

    record Row(String method, String route, List<String> expected) {
    }

    @Test
    void everyRouteIsInTheMatrix() throws Exception {
        TreeSet<String> declared = new TreeSet<>(routes());
        TreeSet<String> listed = new TreeSet<>();
        matrix().forEach(r -> listed.add(r.method() + " " + r.route()));
        TreeSet<String> missing = new TreeSet<>(declared);
        missing.removeAll(listed);
        TreeSet<String> stale = new TreeSet<>(listed);
        stale.removeAll(declared);
        assertEquals(List.of(), List.copyOf(missing), "routes without a line in access-matrix.txt");
        assertEquals(List.of(), List.copyOf(stale), "lines in access-matrix.txt naming no route");
        assertTrue(declared.size() > 40, "routes found: " + declared.size());
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Row row : matrix()) {
            Fixture shared = new Fixture();
            for (int p = 0; p < PERSONAS.size(); p++) {
                Fixture f = destructive(row) ? new Fixture() : shared;
                Response r = call(f, p, row);
                String got = outcome(f, r);
                if (!got.equals(row.expected().get(p))) {
                    wrong.add(row.method() + " " + row.route() + " as " + PERSONAS.get(p) + ": expected " + row.expected().get(p)
                            + ", got " + got + " (" + r.statusCode() + " " + r.header("Location") + ")");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aRespondentTokenPastedIntoAConsultantUrlIsRefused() {
        Fixture f = new Fixture();
        given().redirects().follow(false).get("/assessments/" + f.assessment + "?token=" + f.token).then().statusCode(303)
                .header("Location", "/login");
        given().auth().oauth2(f.token).get("/api/v1/assessments/" + f.assessment).then().statusCode(401)
                .contentType("application/problem+json");
        given().redirects().follow(false).get("/survey/" + f.token + "/../../assessments/" + f.assessment).then()
                .statusCode(org.hamcrest.Matchers.not(200));
    }

    @Test
    void anAnonymousApiCallHearsUnauthorizedBeforeAnythingElse() {
        Fixture f = new Fixture();
        // no content type, a wrong method, an unknown route: each would be 415, 405 or 404 with a login
        given().post("/api/v1/assessments").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        given().delete("/api/v1/assessments").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/no-such-route").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("x").put("/api/v1/assessments/" + f.assessment + "/review")
                .then().statusCode(401);
        // respondents' routes and the questionnaires stay open, and say what is wrong with the request itself
        given().contentType(ContentType.TEXT).body("x").put("/api/v1/respondents/" + f.token + "/answers/context.industry")
                .then().statusCode(415);
        given().get("/api/v1/questionnaires").then().statusCode(200);
    }

    /**
     * An assessment of the owner with one respondent, and one of another consultant; the other
     * account and the owner's API token are made only when a route needs them.
     */
    static final class Fixture {
        final long assessment = Api.createAssessment("Matrix org");
        final String token = Api.addRespondent(assessment, "DEVELOPMENT");
        final String otherToken;
        private Long account;
        private Long apiToken;

        Fixture() {
            long other = Api.otherConsultant().contentType(ContentType.JSON).body(Map.of("organisation", "Other org"))
                    .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath().getLong("id");
            otherToken = Api.otherConsultant().contentType(ContentType.JSON).body(Map.of("role", "BUSINESS"))
                    .post("/api/v1/assessments/" + other + "/respondents").then().statusCode(201).extract().jsonPath()
                    .getString("token");
        }

        /** @return a throwaway consultant account for the admin routes to act on */
        long account() {
            if (account == null) {
                account = Api.admin().contentType(ContentType.JSON)
                        .body(Map.of("username", "matrix" + System.nanoTime(), "displayName", "Matrix", "role", "CONSULTANT"))
                        .post("/api/v1/admin/accounts").then().statusCode(201).extract().jsonPath().getLong("account.id");
            }
            return account;
        }

        /** @return the id of the respondent whose survey token is {@link #token} */
        long respondentId() {
            return Api.consultant().get("/api/v1/assessments/" + assessment + "/respondents").then().statusCode(200)
                    .extract().jsonPath().getLong("[0].id");
        }

        /** @return an API token id of the owner */
        long apiToken() {
            if (apiToken == null) {
                SurveyPagesTest.Form csrf = SurveyPagesTest.csrf("/survey/" + token + "/s/context");
                String page = Api.afterSeeOther(Api.consultant().redirects().follow(false).cookie("csrf-token", csrf.cookie())
                        .formParam("csrf-token", csrf.token()).formParam("name", "matrix").post("/account/tokens"),
                        Api::consultant);
                Matcher m = Pattern.compile("/account/tokens/(\\d+)/revoke").matcher(page);
                assertTrue(m.find(), "the new token is listed with a revoke button");
                apiToken = Long.parseLong(m.group(1));
            }
            return apiToken;
        }
    }

    /** @return whether a call on this route changes what the next caller would meet */
    private static boolean destructive(Row row) {
        return row.method().equals("DELETE") || row.method().equals("PUT")
                || row.route().matches(".*/(delete|archive|disable|reset|reset-password|revoke|submit|reopen|link|reminders)$");
    }

    private static Response call(Fixture f, int persona, Row row) {
        String path = row.route().replace("{token}", f.token).replace("{section}", "continuous_integration")
                .replace("{questionKey}", "ci.build_trigger").replace("{username}", Api.OTHER_CONSULTANT).replace("{key}", "devops-maturity").replace("{version}", "2")
                // review: an edit, version and evaluation that do not exist (the assessment is checked first)
                .replace("{editId}", "999999999").replace("{number}", "1").replace("{evaluationId}", "999999999")
                .replace("{tokenId}", row.route().contains("{tokenId}") ? String.valueOf(f.apiToken()) : "")
                .replace("{respondentId}", row.route().contains("{respondentId}") ? String.valueOf(f.respondentId()) : "");
        path = path.replace("{id}", path.contains("/admin/") ? String.valueOf(f.account()) : String.valueOf(f.assessment));
        Supplier<RequestSpecification> who = switch (persona) {
            case 0 -> () -> given();
            case 1 -> () -> given().auth().oauth2(f.token);
            case 2 -> () -> given().auth().oauth2(f.otherToken);
            case 3 -> Api::consultant;
            case 4 -> Api::otherConsultant;
            default -> Api::admin;
        };
        RequestSpecification req = who.get().redirects().follow(false);
        boolean api = path.startsWith("/api/");
        if (!row.method().equals("GET") && !row.method().equals("DELETE")) {
            if (api) {
                req = req.contentType(ContentType.JSON).body("{}");
            } else {
                SurveyPagesTest.Form csrf = SurveyPagesTest.csrf("/survey/" + f.token + "/s/context");
                req = req.cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.token());
            }
        }
        return req.request(row.method(), path);
    }

    private static String outcome(Fixture f, Response r) {
        int s = r.statusCode();
        String location = r.header("Location");
        if (s >= 500) {
            return "error " + s;
        }
        if (s == 401 || (s == 303 || s == 302) && location != null && location.replaceFirst("^https?://[^/]+", "").matches("/login(\\?ended=1)?")) {
            return "login";
        }
        return switch (s) {
            case 403 -> "deny";
            // "hidden" only when the assessment itself is refused, not when, say, it has no evaluation yet
            case 404 -> r.asString().contains("does not exist") ? "hidden" : "ok";
            default -> "ok";
        };
    }

    static List<Row> matrix() throws IOException, URISyntaxException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(java.nio.file.Path.of(AccessMatrixTest.class.getResource("/access-matrix.txt").toURI()))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            assertEquals(2 + PERSONAS.size(), parts.length, "line: " + line);
            rows.add(new Row(parts[0], parts[1], List.of(parts).subList(2, parts.length)));
        }
        return rows;
    }

    /** @return "METHOD /path" for every JAX-RS resource method of Bearing */
    static List<String> routes() throws IOException, ClassNotFoundException {
        java.nio.file.Path root = java.nio.file.Path.of("target", "classes");
        List<String> routes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("dev/bearing"))) {
            for (java.nio.file.Path p : files.filter(x -> x.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, AccessMatrixTest.class.getClassLoader());
                Path base = c.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method m : c.getDeclaredMethods()) {
                    for (var verb : VERBS.entrySet()) {
                        if (m.isAnnotationPresent(verb.getKey())) {
                            Path sub = m.getAnnotation(Path.class);
                            routes.add(verb.getValue() + " " + join(base.value(), sub == null ? "" : sub.value()));
                        }
                    }
                }
            }
        }
        return routes;
    }

    private static String join(String a, String b) {
        String p = ("/" + a + "/" + b).replaceAll("/+", "/");
        p = p.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
