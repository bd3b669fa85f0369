package dev.bearing.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** Small REST Assured helpers for the API tests. */
public final class Api {

    private Api() {
    }

    /** The first admin's username in tests. */
    public static final String ADMIN = "admin";
    /**
     * The first admin's password: random per build (kept in {@code target/test-admin-password} so
     * the unit-test JVM and the packaged-app tests agree), handed to the server as
     * {@code bearing.admin.password}.
     */
    public static final String ADMIN_PASSWORD = buildSecret();
    /** The test consultant, created through the admin API on first use after each server start. */
    public static final String CONSULTANT = "casey";
    /** The test consultant's password (set through the API after its one-time password). */
    public static final String CONSULTANT_PASSWORD = ADMIN_PASSWORD + "-consultant";
    /** A second consultant, who owns nothing the first one creates. */
    public static final String OTHER_CONSULTANT = "olivia";

    private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static String buildSecret() {
        java.nio.file.Path file = java.nio.file.Path.of("target", "test-admin-password");
        try {
            if (java.nio.file.Files.exists(file)) {
                return java.nio.file.Files.readString(file).strip();
            }
            String secret = new dev.bearing.common.TokenGenerator().newToken();
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, secret);
            return secret;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Forgets which accounts exist: the test database starts empty with each server start. */
    public static void serverStarted() {
        CREATED.clear();
    }

    /**
     * @return a request as the test consultant (owner of what it creates); every consultant route
     *     in a test goes through this (or {@link #admin()}), never a bare {@code given()}
     */
    public static io.restassured.specification.RequestSpecification consultant() {
        return as(CONSULTANT);
    }

    /** @return a request as a second consultant, who is not shared on the first one's assessments */
    public static io.restassured.specification.RequestSpecification otherConsultant() {
        return as(OTHER_CONSULTANT);
    }

    /** @return a request as the test admin */
    public static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    /**
     * @param username a consultant's username; created (role CONSULTANT, password
     *     {@link #CONSULTANT_PASSWORD}) when it does not exist yet
     * @return a request authenticated as that consultant with HTTP Basic
     */
    public static synchronized io.restassured.specification.RequestSpecification as(String username) {
        if (CREATED.add(username)) {
            io.restassured.response.Response created = admin().contentType(ContentType.JSON)
                    .body(Map.of("username", username, "displayName", "Test " + username, "role", "CONSULTANT"))
                    .post("/api/v1/admin/accounts");
            if (created.statusCode() == 201) {
                String oneTime = created.jsonPath().getString("secret");
                given().auth().preemptive().basic(username, oneTime).contentType(ContentType.JSON)
                        .body(Map.of("currentPassword", oneTime, "newPassword", CONSULTANT_PASSWORD))
                        .post("/api/v1/account/password").then().statusCode(204);
            } else if (created.statusCode() != 409) {
                throw new IllegalStateException("Creating " + username + " answered " + created.statusCode() + ": "
                        + created.asString());
            }
        }
        return given().auth().preemptive().basic(username, CONSULTANT_PASSWORD);
    }

    /** Creates an assessment and returns its id. */
    public static long createAssessment(String organisation) {
        return consultant().contentType(ContentType.JSON).body(Map.of("organisation", organisation))
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Adds a respondent and returns the token. */
    public static String addRespondent(long assessmentId, String role) {
        return consultant().contentType(ContentType.JSON).body(Map.of("role", role))
                .post("/api/v1/assessments/" + assessmentId + "/respondents")
                .then().statusCode(201).extract().jsonPath().getString("token");
    }

    /** PUT one answer. */
    public static Response put(String token, String question, Object body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/v1/respondents/" + token + "/answers/" + question);
    }

    /** PUT many answers. */
    public static Response putMany(String token, List<Map<String, Object>> answers) {
        return given().contentType(ContentType.JSON).body(Map.of("answers", answers))
                .put("/api/v1/respondents/" + token + "/answers");
    }

    /** GET all answers. */
    public static Response answers(String token) {
        return given().get("/api/v1/respondents/" + token + "/answers");
    }

    /** POST submit. */
    public static Response submit(String token) {
        return given().contentType(ContentType.JSON).post("/api/v1/respondents/" + token + "/submit");
    }

    /**
     * Follows a page form's 303 as a browser does: opens the page it names, sending the cookies the
     * 303 set (e.g. the one-time secret a create form carries to its page).
     *
     * @param posted the POST's answer, which must be a 303 (post it with redirects not followed)
     * @param caller makes a request as the same user
     * @return the page the 303 leads to
     */
    public static String afterSeeOther(Response posted, java.util.function.Supplier<io.restassured.specification.RequestSpecification> caller) {
        posted.then().statusCode(303);
        String location = posted.getHeader("Location");
        io.restassured.specification.RequestSpecification r = caller.get();
        posted.getCookies().forEach((name, value) -> {
            if (!value.isEmpty()) {
                r.cookie(name, value);
            }
        });
        int hash = location.indexOf('#');
        return r.get(hash < 0 ? location : location.substring(0, hash)).then().statusCode(200).extract().asString();
    }
}
