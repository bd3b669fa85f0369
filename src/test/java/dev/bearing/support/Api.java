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

    /**
     * @return a request as the test consultant (owner of what it creates); every consultant route
     *     in a test goes through this (or {@link #admin()}), never a bare {@code given()}
     */
    public static io.restassured.specification.RequestSpecification consultant() {
        return given();
    }

    /** @return a request as the test admin */
    public static io.restassured.specification.RequestSpecification admin() {
        return given();
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
}
