package dev.bearing.web;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import dev.bearing.web.ReviewPagesTest.Form;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Forms that create something create it once, however often the same form is sent (a double click,
 * a resent form): the second send answers with the page of what the first created. A form opened
 * again is a new form and creates again; a refused form can be corrected and sent again.
 */
@QuarkusTest
class OnceFormsTest {

    /** @return the {@code once} of the page's form that creates something */
    private static String open(String page) {
        String html = Api.consultant().get(page).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("name=\"once\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the form carries its token: " + page);
        return m.group(1);
    }

    private static long assessmentsNamed(String organisation) {
        return Api.consultant().get("/api/v1/assessments?organisation=" + organisation).then().statusCode(200)
                .extract().jsonPath().getLong("totalItems");
    }

    private static int respondents(long id) {
        return Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }

    @Test
    void aNewAssessmentFormSentTwiceCreatesOneAndAnswersBothWithIt() {
        String name = "Once Twice Ltd " + System.nanoTime();
        Form f = ReviewPagesTest.csrf("/");
        String once = open("/");
        Response first = ReviewPagesTest.post("/assessments", f, "organisation", name, "once", once);
        Response again = ReviewPagesTest.post("/assessments", f, "organisation", name, "once", once);
        assertEquals(303, first.statusCode());
        assertEquals(303, again.statusCode());
        assertTrue(first.header("Location").matches(".*/assessments/[0-9]+"), first.header("Location"));
        assertEquals(first.header("Location"), again.header("Location"), "the second send shows the first's assessment");
        assertEquals(1, assessmentsNamed(name));
        // the page opened again is a new form: a second assessment of the same name is made on purpose
        Response second = ReviewPagesTest.post("/assessments", f, "organisation", name, "once", open("/"));
        assertEquals(303, second.statusCode());
        assertNotEquals(first.header("Location"), second.header("Location"));
        assertEquals(2, assessmentsNamed(name));
    }

    @Test
    void aNewAssessmentFormSentFourTimesAtOnceCreatesOne() throws Exception {
        String name = "Once At Once Ltd " + System.nanoTime();
        Form f = ReviewPagesTest.csrf("/");
        String once = open("/");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> clicks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clicks.add(pool.submit(() -> ReviewPagesTest.post("/assessments", f, "organisation", name, "once", once)));
            }
            List<String> locations = new ArrayList<>();
            for (Future<Response> click : clicks) {
                Response r = click.get();
                assertEquals(303, r.statusCode(), r.asString());
                locations.add(r.header("Location"));
            }
            assertEquals(1, locations.stream().distinct().count(), "every send shows the one assessment: " + locations);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, assessmentsNamed(name));
    }

    @Test
    void aNewRespondentFormSentTwiceAddsOneAndSaysSo() {
        long id = Api.createAssessment("Once Respondent Ltd");
        String page = "/assessments/" + id;
        Form f = ReviewPagesTest.csrf(page);
        String once = open(page);
        // refused (no role): nothing recorded, so the same form corrected is sent again and adds
        ReviewPagesTest.post(page + "/respondents", f, "role", "", "name", "Platform lead", "once", once)
                .then().statusCode(422);
        assertEquals(0, respondents(id));
        Response first = ReviewPagesTest.post(page + "/respondents", f, "role", "OPERATIONS", "name", "Platform lead",
                "once", once);
        assertEquals(303, first.statusCode());
        assertEquals(1, respondents(id));
        Response again = ReviewPagesTest.post(page + "/respondents", f, "role", "OPERATIONS", "name", "Platform lead",
                "once", once);
        assertEquals(303, again.statusCode());
        assertEquals(1, respondents(id), "the second send adds nobody");
        String location = again.header("Location");
        assertTrue(location.contains(page + "?resent=respondent"), location);
        Api.consultant().get(location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", "")).then().statusCode(200)
                .body(containsString("the respondent was added once, by the first send"));
        // a new form adds another
        ReviewPagesTest.post(page + "/respondents", f, "role", "OPERATIONS", "name", "Second operator", "once",
                open(page)).then().statusCode(303);
        assertEquals(2, respondents(id));
    }
}
