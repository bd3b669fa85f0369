package dev.bearing.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The consultant's forms as a user meets them: a refused form names every field at fault at once,
 * beside each field and in a summary at the top, and keeps what was typed; a form that creates
 * something with a one-time secret (an API token, an account's one-time password) ends in a 303,
 * so reloading the page that shows the secret creates nothing twice, and the secret is shown once,
 * to its creator only, never in a URL.
 */
@QuarkusTest
class FormPagesTest {

    @Test
    void aNewAccountWithThreeBadFieldsIsRefusedNamingAllThreeAndKeepsWhatWasTyped() {
        Csrf f = Csrf.of(Api::admin, "/admin/accounts");
        Response r = f.post(Api::admin, "/admin/accounts", Map.of("username", "not valid!", "displayName", "  ",
                "email", "kim at example", "role", "ADMIN"));
        assertEquals(400, r.statusCode());
        Page page = new Page(r.asString());
        assertEquals(List.of("Username: Use 2 to 100 letters, digits, dots, hyphens, underscores or @.",
                "Name: Give the person's name (up to 200 characters).",
                "E-mail: Give an e-mail address such as name@example.com, or leave it empty."),
                page.summary(), "the summary names every field at fault, in the form's order");
        for (String field : List.of("username", "displayName", "email")) {
            assertEquals("true", page.attr(field, "aria-invalid"), field);
            assertEquals(field + "-error", page.attr(field, "aria-describedby"), field);
            assertFalse(page.text(field + "-error").isEmpty(), field + ": its message beside it");
        }
        assertEquals("not valid!", page.attr("username", "value"));
        assertEquals("kim at example", page.attr("email", "value"));
        assertEquals("ADMIN", page.selected("role"), "the role chosen is kept");
        assertFalse(page.has("role", "aria-invalid"));
        assertTrue(Api.admin().get("/api/v1/admin/accounts").then().extract().jsonPath()
                .getList("username").stream().noneMatch("not valid!"::equals), "nothing created");
    }

    @Test
    void aPasswordChangeWithThreeBadFieldsNamesAllThree() {
        Api.as("formfiller"); // an account whose own password is set
        Supplier<RequestSpecification> me = () -> Api.as("formfiller");
        Csrf f = Csrf.of(me, "/account/password");
        Response r = f.post(me, "/account/password", Map.of("currentPassword", "not my password",
                "newPassword", "short", "repeatPassword", "different"));
        assertEquals(400, r.statusCode());
        Page page = new Page(r.asString());
        assertEquals(List.of("Current password: That is not your current password.",
                "New password: Use at least 12 characters.",
                "New password again: The two new passwords differ."), page.summary());
        assertEquals("Use at least 12 characters.", page.text("newPassword-error"));
        assertEquals("true", page.attr("repeatPassword", "aria-invalid"));
        assertEquals("", page.attr("newPassword", "value"), "a password is never sent back in the page");
        // the API names them all too, from the same check
        Api.as("formfiller").contentType(ContentType.JSON).body(Map.of("currentPassword", "", "newPassword", "short"))
                .post("/api/v1/account/password").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("currentPassword", "newPassword"));
    }

    @Test
    void aRespondentWithThreeBadFieldsIsRefusedNamingAllThreeAndKeepsWhatWasTyped() {
        long id = Api.createAssessment("Form Errors Ltd");
        String path = "/assessments/" + id;
        Csrf f = Csrf.of(Api::consultant, path);
        String longName = "Head of Platform Engineering and Developer Experience, ".repeat(4);
        Response r = f.post(Api::consultant, path + "/respondents", Map.of("role", "", "name", longName,
                "email", "dana at example"));
        assertEquals(422, r.statusCode());
        Page page = new Page(r.asString());
        assertEquals(List.of("Role: Choose the respondent's role: business, development or operations.",
                "Name or job title: Must be at most 200 characters.",
                "E-mail: The e-mail address is not one a mail can go to (e.g. name@example.com)."), page.summary());
        assertEquals(longName, page.attr("respondent-name", "value"));
        assertEquals("dana at example", page.attr("respondent-email", "value"));
        assertEquals("true", page.attr("respondent-role", "aria-invalid"));
        assertEquals("The e-mail address is not one a mail can go to (e.g. name@example.com).", page.text("respondent-email-error"));
        assertEquals(0, Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().extract().jsonPath()
                .getList("$").size(), "nobody added");
        // one bad field: the role chosen is kept while the address is corrected
        Page again = new Page(f.post(Api::consultant, path + "/respondents", Map.of("role", "OPERATIONS",
                "name", "Ops lead", "email", "ops@")).asString());
        assertEquals(List.of("E-mail: The e-mail address is not one a mail can go to (e.g. name@example.com)."), again.summary());
        assertEquals("OPERATIONS", again.selected("respondent-role"));
    }

    @Test
    void aNewApiTokenIsShownOnceAfterA303AndReloadingCreatesNoSecond() {
        Supplier<RequestSpecification> me = () -> Api.as("tokenmaker");
        Csrf f = Csrf.of(me, "/account");
        Response posted = f.post(me, "/account/tokens", Map.of("name", "weekly export"));
        assertEquals(303, posted.statusCode(), "the form ends in a redirect");
        assertEquals("/account#tokens", posted.getHeader("Location"));
        assertFalse(posted.getHeader("Location").contains("bearing_"), "the token is not in the URL");
        String shown = Api.afterSeeOther(posted, me);
        Matcher m = Pattern.compile("<code id=\"new-token\">(bearing_[A-Za-z0-9_-]{43})</code>").matcher(shown);
        assertTrue(m.find(), "the token is shown on the page the 303 leads to");
        given().auth().oauth2(m.group(1)).get("/api/v1/account").then().statusCode(200);
        // a reload: the page cleared the cookie, so the browser sends none; the token is not shown and none is added
        String reloaded = me.get().get("/account").then().statusCode(200).extract().asString();
        assertFalse(reloaded.contains(m.group(1)), "never shown again");
        assertEquals(1, Pattern.compile("<td class=\"text\" data-label=\"Name\">weekly export</td>").matcher(reloaded).results().count(), "one token, not two");
        // the cookie opens for its creator only
        Response again = f.post(me, "/account/tokens", Map.of("name", "second script"));
        Response other = Api.otherConsultant().cookies(jar(again)).get("/account");
        assertFalse(other.asString().contains("new-token"), "another account's page shows no token from the cookie");
        // a refused name: the form again with the name as typed, marked
        Page refused = new Page(f.post(me, "/account/tokens", Map.of("name", "x".repeat(101))).asString());
        assertEquals(List.of("New token named: Name the token (up to 100 characters), e.g. \"nightly export\"."),
                refused.summary());
        assertEquals("x".repeat(101), refused.attr("token-name", "value"));
    }

    /** What a form says of a field that holds a NUL character: the API's words (StorableText). */
    static final String NUL = "contains a NUL character (U+0000), which cannot be stored; remove it; nothing was saved";

    @Test
    void textWithANulCharacterIsRefusedNamingItsFieldKeepingTheRestAndLogsNoStackTrace() {
        try (dev.bearing.support.WarningLog log = dev.bearing.support.WarningLog.open()) {
            // a token's name: the form again, the field named and marked, the name as typed
            Supplier<RequestSpecification> me = () -> Api.as("nulfiller");
            Csrf f = Csrf.of(me, "/account");
            Response token = f.post(me, "/account/tokens", Map.of("name", "cron\u0000sweeper"));
            assertEquals(400, token.statusCode());
            Page page = new Page(token.asString());
            assertEquals(List.of("New token named: " + NUL), page.summary());
            assertEquals("true", page.attr("token-name", "aria-invalid"));
            assertFalse(me.get().get("/account").asString().contains("sweeper"), "no token made");
            // a new account: the name holds it; the other fields stay as typed
            String username = "nul" + System.nanoTime() % 100000;
            Csrf admin = Csrf.of(Api::admin, "/admin/accounts");
            Response account = admin.post(Api::admin, "/admin/accounts", Map.of("username", username,
                    "displayName", "Kim\u0000Lee", "email", "kim@example.com", "role", "ADMIN"));
            assertEquals(400, account.statusCode());
            Page form = new Page(account.asString());
            assertEquals(List.of("Name: " + NUL), form.summary());
            assertEquals(username, form.attr("username", "value"));
            assertEquals("kim@example.com", form.attr("email", "value"));
            assertEquals("ADMIN", form.selected("role"));
            assertTrue(Api.admin().get("/api/v1/admin/accounts").then().extract().jsonPath().getList("username")
                    .stream().noneMatch(username::equals), "nothing created");
            // sharing: the username named
            long id = Api.createAssessment("Nul Shares Ltd");
            Csrf share = Csrf.of(Api::consultant, "/assessments/" + id);
            Response shared = share.post(Api::consultant, "/assessments/" + id + "/shares", Map.of("username", "bo\u0000b"));
            assertEquals(400, shared.statusCode());
            assertTrue(shared.asString().contains(NUL), "the sharing form says what is wrong with the username");
            assertEquals(List.of(), log.warnings(), "an expected refusal logs no warning or stack trace");
        }
    }

    @Test
    void theOrganisationTheRespondentAndTheReopenNoteWithANulAreRefusedOnThePageNamingTheField() {
        // the organisation of a new assessment: refused, not stored without the NUL
        String unique = "NulOrg" + System.nanoTime() % 100000;
        Csrf home = Csrf.of(Api::consultant, "/");
        Response created = home.post(Api::consultant, "/assessments", Map.of("organisation", unique + "\u0000 Ltd"));
        assertEquals(422, created.statusCode());
        assertEquals("Organisation: " + NUL + ".", new Page(created.asString()).text("organisation-error"));
        assertEquals(0L, (long) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                dev.bearing.assessment.Organisation.count("name like ?1", unique + "%")), "nothing saved");

        // a respondent's name: the form again, the field named, nobody added
        long id = dev.bearing.support.Approvals.evaluated("Nul Notes Ltd", new int[] {2}, Map.of());
        String path = "/assessments/" + id;
        Csrf f = Csrf.of(Api::consultant, path);
        Response added = f.post(Api::consultant, path + "/respondents", Map.of("role", "BUSINESS", "name", "Head\u0000of Sales"));
        assertEquals(422, added.statusCode());
        assertEquals(List.of("Name or job title: " + NUL), new Page(added.asString()).summary());
        List<Map<String, Object>> respondents = Api.consultant().get("/api/v1" + path + "/respondents").then().extract()
                .jsonPath().getList("$");
        assertEquals(3, respondents.size(), "nobody added");

        // the note that reopens a submitted survey: refused naming it, the survey stays submitted
        Object rid = respondents.get(0).get("id");
        Csrf answers = Csrf.of(Api::consultant, path + "/respondents/" + rid);
        Response reopened = answers.post(Api::consultant, path + "/respondents/" + rid + "/reopen",
                Map.of("note", "asked\u0000to change two answers"));
        assertEquals(422, reopened.statusCode());
        assertTrue(reopened.asString().contains("Why (the note): " + NUL + "."), reopened.asString());
        Api.consultant().get("/api/v1" + path + "/respondents").then().body("[0].submittedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aNewAccountsOneTimePasswordIsShownOnceAfterA303AndReloadingCreatesNoSecond() {
        String username = "handover" + System.nanoTime() % 100000;
        Csrf f = Csrf.of(Api::admin, "/admin/accounts");
        Response posted = f.post(Api::admin, "/admin/accounts", Map.of("username", username, "displayName", "Hannah Over",
                "email", "", "role", "CONSULTANT"));
        assertEquals(303, posted.statusCode());
        assertEquals("/admin/accounts", posted.getHeader("Location"));
        Page page = new Page(Api.afterSeeOther(posted, Api::admin));
        String password = page.text("one-time-password");
        assertTrue(page.html.contains("One-time password for " + username), page.html);
        // it logs in (a wrong password gets 401), and must be changed before anything else
        given().auth().preemptive().basic(username, password).get("/api/v1/assessments").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("/account/password"));
        String reloaded = Api.admin().get("/admin/accounts").then().statusCode(200).extract().asString();
        assertFalse(reloaded.contains(password), "never shown again");
        assertEquals(1, Api.admin().get("/api/v1/admin/accounts").then().extract().jsonPath().getList("username").stream()
                .filter(username::equals).count(), "one account");
        // a reset also ends in a 303 and shows the new one-time password once
        long id = Api.admin().get("/api/v1/admin/accounts").then().extract().jsonPath()
                .getLong("find { it.username == '" + username + "' }.id");
        Response reset = f.post(Api::admin, "/admin/accounts/" + id + "/reset", Map.of());
        assertEquals(303, reset.statusCode());
        String resetPassword = new Page(Api.afterSeeOther(reset, Api::admin)).text("one-time-password");
        assertFalse(resetPassword.equals(password));
        // it logs in (a wrong password gets 401), and must be changed before anything else
        given().auth().preemptive().basic(username, resetPassword).get("/api/v1/assessments").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("/account/password"));
    }

    @Test
    void twoAccountsAddedBeforeTheListLoadsShowBothOneTimePasswords() {
        String first = "early" + System.nanoTime() % 100000;
        String second = "late" + System.nanoTime() % 100000;
        Csrf f = Csrf.of(Api::admin, "/admin/accounts");
        Response a = f.post(Api::admin, "/admin/accounts", Map.of("username", first, "displayName", "Early Bird",
                "email", "", "role", "CONSULTANT"));
        // the second form is sent before the page the first 303 leads to has loaded
        Response b = f.post(Api::admin, "/admin/accounts", Map.of("username", second, "displayName", "Late Comer",
                "email", "", "role", "CONSULTANT"));
        String html = Api.admin().cookies(jar(a, b)).get("/admin/accounts").then().statusCode(200).extract().asString();
        for (String username : List.of(first, second)) {
            Matcher m = Pattern.compile("One-time password for " + username + "</b>[^<]*<br>\\s*<code id=\"one-time-password[^\"]*\">([^<]+)</code>")
                    .matcher(html);
            assertTrue(m.find(), username + "'s one-time password is shown: " + html);
            given().auth().preemptive().basic(username, new Page("").plainText(m.group(1))).get("/api/v1/assessments").then()
                    .statusCode(403);
        }
        assertTrue(html.indexOf("One-time password for " + first) < html.indexOf("One-time password for " + second),
                "in the order the accounts were made");
        assertFalse(Api.admin().get("/admin/accounts").then().extract().asString().contains("One-time password for"),
                "shown once");
    }

    @Test
    void twoApiTokensCreatedBeforeTheAccountPageLoadsShowBoth() {
        Supplier<RequestSpecification> me = () -> Api.as("twotokens");
        Csrf f = Csrf.of(me, "/account");
        Response a = f.post(me, "/account/tokens", Map.of("name", "nightly export"));
        // the second form is sent (another tab, a double submit) before the page the first 303 leads to has loaded
        Response b = f.post(me, "/account/tokens", Map.of("name", "deploy hook"));
        assertEquals(303, a.statusCode());
        assertEquals(303, b.statusCode());
        Response page = me.get().cookies(jar(a, b)).get("/account");
        String html = page.then().statusCode(200).extract().asString();
        assertEquals(2, Pattern.compile("<code id=\"new-token[^\"]*\">bearing_").matcher(html).results().count(),
                "both new tokens are shown, neither lost: " + html);
        List<String> shown = new java.util.ArrayList<>();
        for (String name : List.of("nightly export", "deploy hook")) {
            Matcher m = Pattern.compile("Your new token \u201c" + name + "\u201d[^<]*</b><br>\\s*<code id=\"new-token[^\"]*\">"
                    + "(bearing_[A-Za-z0-9_-]{43})</code>").matcher(html);
            assertTrue(m.find(), name + "'s token is shown: " + html);
            given().auth().oauth2(m.group(1)).get("/api/v1/account").then().statusCode(200);
            shown.add(m.group(1));
        }
        assertEquals(2, new java.util.HashSet<>(shown).size(), "two different tokens");
        assertTrue(html.indexOf("nightly export\u201d") < html.indexOf("deploy hook\u201d"), "in the order they were made");
        String reloaded = me.get().cookies(jar(a, b, page)).get("/account").asString();
        assertFalse(reloaded.contains("new-token"), "shown once: the page cleared both cookies");
    }

    @Test
    void twoRespondentsAddedBeforeTheAssessmentPageLoadsShowBothLinks() {
        long id = Api.createAssessment("Quick Adds Ltd");
        String path = "/assessments/" + id;
        Csrf f = Csrf.of(Api::consultant, path);
        Response a = f.post(Api::consultant, path + "/respondents", Map.of("role", "BUSINESS", "name", "Head of Sales"));
        Response b = f.post(Api::consultant, path + "/respondents", Map.of("role", "OPERATIONS", "name", "Head of Ops"));
        assertEquals(303, a.statusCode());
        assertEquals(303, b.statusCode());
        String html = Api.consultant().cookies(jar(a, b)).get(path).then().statusCode(200).extract().asString();
        assertEquals(2, Pattern.compile("<code>http[^<]+/survey/[A-Za-z0-9_-]{43}</code>").matcher(html).results().count(),
                "both new links are shown: " + html);
    }

    @Test
    void aReminderTo400RespondentsReachesThePageWithEveryLinkShownOrCounted() {
        long id = Api.createAssessment("Large Reminder plc");
        String path = "/assessments/" + id;
        List<dev.bearing.respondent.InvitationService.Sent> sent = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            boolean mailed = i % 4 != 0;
            sent.add(new dev.bearing.respondent.InvitationService.Sent(new dev.bearing.assessment.AssessmentApi.RespondentView(
                    900_000 + i, dev.bearing.questionnaire.Role.DEVELOPMENT, "Dev " + i, String.format("%043d", i), null, 0, 72, 0,
                    null, null, "dev" + i + "@example.com", null, null), mailed ? "dev" + i + "@example.com" : null,
                    mailed ? null : "no mail server"));
        }
        Map<String, String> jar = new java.util.LinkedHashMap<>();
        for (jakarta.ws.rs.core.NewCookie c : NewLinks.cookies(id, sent, false)) {
            jar.put(c.getName(), c.getValue());
        }
        String html = Api.consultant().cookies(jar).get(path).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("300 went out by e-mail \\((\\d+) of them too many to repeat on this page\\)\\.").matcher(html);
        assertTrue(m.find(), "the page counts every mailed link: " + html);
        assertTrue(html.contains("<b>100 could not be mailed: pass those links on yourself.</b>"), html);
        assertFalse(html.contains("too many to carry"), "no link that was not mailed is lost");
    }

    /** @return the cookies a browser holds after these responses, in order (a later one of the same name replaces, an empty one removes) */
    static Map<String, String> jar(Response... responses) {
        Map<String, String> jar = new java.util.LinkedHashMap<>();
        for (Response r : responses) {
            r.getCookies().forEach((name, value) -> {
                if (value.isEmpty()) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            });
        }
        return jar;
    }

    /** A page's CSRF cookie and token, and posting its forms with them (redirects not followed). */
    record Csrf(String cookie, String token) {

        static Csrf of(Supplier<RequestSpecification> caller, String path) {
            Response page = caller.get().redirects().follow(false).get(path);
            Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
            assertTrue(m.find(), "the page " + path + " carries a CSRF token");
            return new Csrf(page.getCookie("csrf-token"), m.group(1));
        }

        Response post(Supplier<RequestSpecification> caller, String path, Map<String, String> fields) {
            RequestSpecification r = caller.get().redirects().follow(false).cookie("csrf-token", cookie)
                    .formParam("csrf-token", token);
            List<String> names = new ArrayList<>(fields.keySet());
            for (String n : names) {
                r.formParam(n, fields.get(n));
            }
            return r.post(path);
        }
    }

    /** The parts of a page these tests read, found by id. */
    record Page(String html) {

        /** @return the error summary's items as shown: "Label: message" */
        List<String> summary() {
            Matcher box = Pattern.compile("<div class=\"alert\" role=\"alert\" id=\"form-errors\">(.*?)</div>", Pattern.DOTALL)
                    .matcher(html);
            List<String> items = new ArrayList<>();
            if (box.find()) {
                Matcher li = Pattern.compile("<li><a href=\"#[^\"]+\">([^<]*)</a>: ([^<]*)</li>").matcher(box.group(1));
                while (li.find()) {
                    items.add(plain(li.group(1)) + ": " + plain(li.group(2)));
                }
            }
            return items;
        }

        /** @return the attribute of the element with that id ("" when absent) */
        String attr(String id, String name) {
            Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(tag(id));
            return m.find() ? plain(m.group(1)) : "";
        }

        boolean has(String id, String name) {
            return tag(id).contains(" " + name + "=");
        }

        /** @return the text of the element with that id */
        String text(String id) {
            Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
            assertTrue(m.find(), id + " is on the page");
            return plain(m.group(1));
        }

        /** @return the value of the select's selected option, or "" */
        String selected(String id) {
            Matcher m = Pattern.compile("id=\"" + id + "\".*?</select>", Pattern.DOTALL).matcher(html);
            assertTrue(m.find(), id + " is on the page");
            Matcher o = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(m.group());
            return o.find() ? o.group(1) : "";
        }

        private String tag(String id) {
            Matcher m = Pattern.compile("<(input|select)[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
            assertTrue(m.find(), id + " is on the page");
            return m.group();
        }

        String plainText(String s) {
            return plain(s);
        }

        private static String plain(String s) {
            return s.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        }
    }
}
