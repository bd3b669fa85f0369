package dev.bearing.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.common.TokenGenerator;
import dev.bearing.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountsTest {

    @Inject
    AgroalDataSource db;

    private static Response formLogin(String username, String password) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam("j_username", username)
                .formParam("j_password", password).post("/j_security_check");
    }

    private static String newConsultant(String username) {
        return Api.admin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", "Person " + username, "role", "CONSULTANT"))
                .post("/api/v1/admin/accounts").then().statusCode(201).extract().jsonPath().getString("secret");
    }

    @Test
    void creatingOneAccountFromSeveralTabsAtOnceCreatesItOnceAndRefusesTheRestWithoutAnError() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Response>> clicks = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                clicks.add(pool.submit(() -> Api.admin().contentType(ContentType.JSON)
                        .body(Map.of("username", "twin", "displayName", "Twin", "role", "CONSULTANT"))
                        .post("/api/v1/admin/accounts")));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var click : clicks) {
                Response r = click.get();
                statuses.add(r.statusCode());
                if (r.statusCode() != 201) {
                    assertEquals("application/problem+json", r.contentType(), r.asString());
                    assertFalse(r.asString().contains("Internal error"), r.asString());
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, Api.admin().get("/api/v1/admin/accounts").then().extract().jsonPath()
                .getList("findAll { it.username == 'twin' }").size());
    }

    @Test
    void aLoginPostedFromAnotherSiteIsRefused() {
        // a browser marks a post from another site; an older one without that header names the site in Origin
        for (Map<String, String> headers : List.of(Map.of("Sec-Fetch-Site", "cross-site", "Origin", "null"),
                Map.of("Sec-Fetch-Site", "same-site", "Origin", "https://sub.attacker.example"),
                Map.of("Origin", "https://attacker.example"))) {
            Response forged = given().redirects().follow(false).headers(headers)
                    .contentType(ContentType.URLENC).formParam("j_username", Api.ADMIN)
                    .formParam("j_password", Api.ADMIN_PASSWORD).post("/j_security_check");
            assertEquals(403, forged.statusCode(), headers.toString());
            assertTrue(forged.asString().contains("The login form was sent from another site"), forged.asString());
            assertTrue(forged.headers().getValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("bearing-session=")),
                    "no session for a forged login " + headers);
        }
        // Bearing's own login page: under Referrer-Policy no-referrer the browser sends Origin: null
        for (Map<String, String> headers : List.of(Map.of("Sec-Fetch-Site", "same-origin", "Origin", "null"),
                Map.of("Origin", "null"), Map.of("Origin", dev.bearing.support.Server.url()))) {
            Response own = given().redirects().follow(false).headers(headers)
                    .contentType(ContentType.URLENC).formParam("j_username", Api.ADMIN)
                    .formParam("j_password", Api.ADMIN_PASSWORD).post("/j_security_check");
            assertEquals(302, own.statusCode(), headers.toString());
            assertTrue(own.getCookie("bearing-session") != null, "Bearing's own login page logs in " + headers);
        }
    }

    @Test
    void anApiChangeSentFromAnotherSiteWithTheSessionIsRefused() {
        String session = given().redirects().follow(false).contentType(ContentType.URLENC).formParam("j_username", Api.ADMIN)
                .formParam("j_password", Api.ADMIN_PASSWORD).post("/j_security_check").getCookie("bearing-session");
        for (Map<String, String> headers : List.of(Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"),
                Map.of("Origin", "https://evil.example"))) {
            given().cookie("bearing-session", session).headers(headers).contentType(ContentType.JSON)
                    .body(Map.of("organisation", "Forged org")).post("/api/v1/assessments").then().statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("came from another site"));
        }
        Api.admin().get("/api/v1/assessments?organisation=Forged").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        // Bearing's own pages (same origin) and scripts without a browser still work
        given().cookie("bearing-session", session).header("Sec-Fetch-Site", "same-origin").contentType(ContentType.JSON)
                .body(Map.of("organisation", "Own page org")).post("/api/v1/assessments").then().statusCode(201);
    }

    @Test
    void aTakenUsernameIsNamedTogetherWithTheOtherFaultsOfTheSameRequest() {
        newConsultant("taken-twice");
        // the same name in other letter case and a role that does not exist: both named in one 400
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("username", "Taken-Twice", "displayName", "Someone", "role", "MANAGER"))
                .post("/api/v1/admin/accounts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("username", "role"))
                .body("errors[0].message", containsString("is taken"));
        // alone, it is still a conflict
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("username", "taken-twice", "displayName", "Someone", "role", "CONSULTANT"))
                .post("/api/v1/admin/accounts").then().statusCode(409).body("errors[0].field", equalTo("username"));
    }

    @Test
    void aLoginFormWithoutItsPasswordOrUsernameShowsTheLoginPageAgainNamingWhatIsMissing() {
        for (Map<String, String> fields : List.of(Map.of("j_username", Api.ADMIN), Map.of("j_password", Api.ADMIN_PASSWORD),
                Map.<String, String>of())) {
            Response login = given().redirects().follow(false).contentType(ContentType.URLENC).formParams(fields)
                    .post("/j_security_check");
            assertEquals(303, login.statusCode(), fields.keySet() + ": " + login.asString());
            assertEquals("/login/incomplete", java.net.URI.create(login.header("Location")).getPath(), fields.keySet().toString());
            assertTrue(login.headers().getValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("bearing-session=")),
                    "no session without a password " + fields.keySet());
            given().get(login.header("Location")).then().statusCode(200)
                    .body(containsString("Enter both your username and your password."));
        }
        // the failure is not counted against the account: the right password still logs in at once
        assertEquals(302, formLogin(Api.ADMIN, Api.ADMIN_PASSWORD).statusCode());
    }

    @Test
    void theFirstAdminLogsInWithAFormAndGetsAHardenedSessionCookie() {
        Response login = formLogin(Api.ADMIN, Api.ADMIN_PASSWORD);
        assertEquals(302, login.statusCode());
        String setCookie = login.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("bearing-session="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        String session = login.getCookie("bearing-session");
        given().cookie("bearing-session", session).get("/").then().statusCode(200).body(containsString("Log out"))
                .body(containsString(">admin</a>"));
        // logging out clears the cookie
        SurveyForm f = SurveyForm.of();
        Response out = given().redirects().follow(false).cookie("bearing-session", session).cookie("csrf-token", f.cookie)
                .formParam("csrf-token", f.token).post("/logout");
        assertEquals(303, out.statusCode());
        assertTrue(out.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("bearing-session=;")
                && c.contains("Max-Age=0")), out.headers().getValues("Set-Cookie").toString());
        assertTrue(out.header("Location").endsWith("/login?out=1"));
    }

    @Test
    void aFormSentAfterTheSessionEndedLandsOnALoginPageThatSaysNothingWasSaved() {
        // an expired session sends no valid session cookie: as if none were sent
        SurveyForm f = SurveyForm.of();
        Response sent = given().redirects().follow(false).cookie("bearing-session", "expired-or-garbage")
                .cookie("csrf-token", f.cookie).formParam("csrf-token", f.token).formParam("layer", "source_control")
                .formParam("choice", "gitlab").formParam("note", "Group standard.").post("/assessments/1/review/overrides");
        assertEquals(303, sent.statusCode());
        assertTrue(sent.header("Location").endsWith("/login?ended=1"), sent.header("Location"));
        given().get(sent.header("Location")).then().statusCode(200)
                .body(containsString("You were not logged in when you sent that form"))
                .body(containsString("so nothing was saved"));
        // a page asked for without a session goes to the plain login page
        Response page = given().redirects().follow(false).get("/assessments/1/review");
        assertTrue(page.header("Location").endsWith("/login"), page.header("Location"));
    }

    @Test
    void theAuditLogShowsWhereALoginCameFromAsForEveryOtherEntry() {
        String oneTime = newConsultant("fromwhere");
        formLogin("fromwhere", "not-the-password").then().statusCode(303);
        formLogin("fromwhere", oneTime).then().statusCode(302);
        String log = Api.admin().get("/admin/audit").then().statusCode(200).extract().asString();
        String created = from(log, Api.ADMIN, "account.created", "\"fromwhere\" as consultant");
        assertFalse(created.isBlank(), "the account's creation names the admin's address");
        assertEquals(created, from(log, "fromwhere", "login.failed", "wrong password"), "a failed login, from the same client");
        assertEquals(created, from(log, "fromwhere", "login.succeeded", ""), "a login, from the same client");
    }

    /** @return the "From" cell of the newest audit row with this actor, action and detail on the admin's audit page */
    private static String from(String page, String actor, String action, String detail) {
        // cells may carry a class (typed text wraps anywhere: class="text")
        Matcher row = Pattern.compile("<tr><td[^>]*>[^<]*</td><td[^>]*>" + Pattern.quote(actor) + "</td><td[^>]*>"
                + Pattern.quote(action) + "</td>\\s*<td[^>]*>[^<]*</td><td[^>]*>" + Pattern.quote(detail.replace("\"", "&quot;"))
                + "</td><td[^>]*>([^<]*)</td></tr>")
                .matcher(page);
        assertTrue(row.find(), actor + " " + action + " " + detail + " is on the audit page");
        return row.group(1);
    }

    @Test
    void aFailedLoginDoesNotSayWhichPartWasWrong() {
        newConsultant("wrongpart");
        Response wrongPassword = formLogin("wrongpart", "not-the-password");
        Response unknownUser = formLogin("nobody-here", "not-the-password");
        assertEquals(303, wrongPassword.statusCode());
        assertEquals(wrongPassword.header("Location"), unknownUser.header("Location"));
        assertTrue(wrongPassword.header("Location").endsWith("/login/failed"));
        String page = given().get("/login/failed").then().statusCode(200).extract().asString();
        assertTrue(page.contains("That username and password did not match."));
        assertFalse(page.toLowerCase().contains("unknown"));
    }

    @Test
    void repeatedFailuresSlowDownThenLockEvenTheRightPasswordUntilAnAdminLiftsIt() {
        String oneTime = newConsultant("locksmith");
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            formLogin("locksmith", "wrong " + i).then().statusCode(303).header("Location", containsString("failed"));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 6.5, "failures 3, 4 and 5 were held back 1 + 2 + 4 s; took " + seconds);
        formLogin("locksmith", oneTime).then().statusCode(303).header("Location", containsString("failed"));
        given().auth().preemptive().basic("locksmith", oneTime).get("/api/v1/account").then().statusCode(401);
        long id = Api.admin().get("/api/v1/admin/accounts").then().extract().jsonPath()
                .getLong("find { it.username == 'locksmith' }.id");
        Api.admin().get("/api/v1/admin/accounts").then().body("find { it.username == 'locksmith' }.lockedUntil",
                org.hamcrest.Matchers.notNullValue());
        // the accounts page offers the admin a way to lift the lock
        Api.admin().get("/admin/accounts").then().statusCode(200)
                .body(containsString("action=\"/admin/accounts/" + id + "/enable\""), containsString(">Unlock</button>"));
        Api.admin().contentType(ContentType.JSON).post("/api/v1/admin/accounts/" + id + "/enable").then().statusCode(200);
        formLogin("locksmith", oneTime).then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.not(containsString("failed")));
    }

    @Inject
    LoginThrottle throttle;

    @Test
    void anAddressPausedByOneAccountsFailuresSaysSoAndUnlockingThatAccountLiftsIt() {
        // a script retried "scripted"'s old password from this address until the address paused
        String oneTime = newConsultant("scripted");
        String other = newConsultant("bystander");
        long id = Api.admin().get("/api/v1/admin/accounts").then().extract().jsonPath()
                .getLong("find { it.username == 'scripted' }.id");
        // the admin's personal API token: not a password login, so the address pause does not hold it
        SurveyForm f = SurveyForm.of();
        Matcher m = Pattern.compile("<code id=\"new-token\">(bearing_[A-Za-z0-9_-]{43})</code>").matcher(
                Api.afterSeeOther(Api.admin().redirects().follow(false).cookie("csrf-token", f.cookie)
                        .formParam("csrf-token", f.token).formParam("name", "unlock").post("/account/tokens"), Api::admin));
        assertTrue(m.find());
        String adminToken = m.group(1);
        try {
            for (int i = 0; i < LoginThrottle.LOCK_ADDRESS_AFTER; i++) {
                throttle.failed("scripted", "127.0.0.1");
            }
            // even another account's right password is refused, and the page says why
            formLogin("bystander", other).then().statusCode(303).header("Location", containsString("failed"));
            String page = given().get("/login/failed").then().statusCode(200).extract().asString();
            assertTrue(page.contains("Logging in from your network address is paused"), page);
            assertFalse(page.contains("did not match"));
            // an admin (on another address or session) unlocks "scripted": the address pause goes with it
            given().auth().oauth2(adminToken).contentType(ContentType.JSON).post("/api/v1/admin/accounts/" + id + "/enable")
                    .then().statusCode(200);
            assertFalse(throttle.addressLocked("127.0.0.1"));
            formLogin("bystander", other).then().statusCode(302)
                    .header("Location", org.hamcrest.Matchers.not(containsString("failed")));
            formLogin("scripted", oneTime).then().statusCode(302)
                    .header("Location", org.hamcrest.Matchers.not(containsString("failed")));
        } finally {
            throttle.lift("scripted"); // never leave the test address paused for the other tests
        }
    }

    @Test
    void aGeneratedPasswordMustBeChangedBeforeAnythingElse() {
        String oneTime = newConsultant("newcomer");
        given().auth().preemptive().basic("newcomer", oneTime).get("/api/v1/assessments").then().statusCode(403)
                .body("detail", containsString("/account/password"));
        given().auth().preemptive().basic("newcomer", oneTime).redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", "/account/password");
        given().auth().preemptive().basic("newcomer", oneTime).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", oneTime, "newPassword", "short")).post("/api/v1/account/password")
                .then().statusCode(400).body("errors[0].field", equalTo("newPassword"))
                .body("type", equalTo(dev.bearing.common.ProblemTypes.INVALID_VALUE));
        // a field left out is named as missing, not as too short or wrong
        given().auth().preemptive().basic("newcomer", oneTime).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", oneTime)).post("/api/v1/account/password")
                .then().statusCode(400).body("errors[0].field", equalTo("newPassword"))
                .body("errors[0].message", startsWith("Enter a new password"));
        given().auth().preemptive().basic("newcomer", oneTime).contentType(ContentType.JSON)
                .body(Map.of("newPassword", "a long enough passphrase")).post("/api/v1/account/password")
                .then().statusCode(400).body("errors[0].field", equalTo("currentPassword"))
                .body("errors[0].message", equalTo("Enter your current password."));
        // bcrypt reads 72 bytes: 36 accented letters and a tail are 77 bytes, refused rather than cut
        given().auth().preemptive().basic("newcomer", oneTime).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", oneTime, "newPassword", "é".repeat(36) + "Tail1")).post("/api/v1/account/password")
                .then().statusCode(400).body("errors[0].field", equalTo("newPassword"))
                .body("errors[0].message", containsString("72 bytes"));
        given().auth().preemptive().basic("newcomer", oneTime).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", oneTime, "newPassword", "a long enough passphrase"))
                .post("/api/v1/account/password").then().statusCode(204);
        given().auth().preemptive().basic("newcomer", oneTime).get("/api/v1/assessments").then().statusCode(401);
        given().auth().preemptive().basic("newcomer", "a long enough passphrase").get("/api/v1/assessments").then()
                .statusCode(200);
    }

    @Test
    void changingThePasswordInTheFormSaysItWasChanged() {
        String oneTime = newConsultant("confirmed");
        SurveyForm f = SurveyForm.of();
        given().auth().preemptive().basic("confirmed", oneTime).redirects().follow(false).cookie("csrf-token", f.cookie)
                .formParam("csrf-token", f.token).formParam("currentPassword", oneTime)
                .formParam("newPassword", "a passphrase they chose").formParam("repeatPassword", "a passphrase they chose")
                .post("/account/password").then().statusCode(303).header("Location", "/account?changed=1");
        String page = given().auth().preemptive().basic("confirmed", "a passphrase they chose").get("/account?changed=1")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("<p class=\"notice\" role=\"status\" id=\"password-changed\">Your password was changed.</p>"),
                "the change is confirmed as a status message");
        String later = given().auth().preemptive().basic("confirmed", "a passphrase they chose").get("/account")
                .then().statusCode(200).extract().asString();
        assertFalse(later.contains("Your password was changed."), "only right after the change");
    }

    @Test
    void anAdminPasswordResetRevokesTheAccountsApiTokens() {
        String oneTime = newConsultant("resetme");
        given().auth().preemptive().basic("resetme", oneTime).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", oneTime, "newPassword", "a passphrase of their own"))
                .post("/api/v1/account/password").then().statusCode(204);
        SurveyForm f = SurveyForm.of();
        String page = Api.afterSeeOther(given().auth().preemptive().basic("resetme", "a passphrase of their own")
                .redirects().follow(false).cookie("csrf-token", f.cookie).formParam("csrf-token", f.token)
                .formParam("name", "laptop script").post("/account/tokens"),
                () -> given().auth().preemptive().basic("resetme", "a passphrase of their own"));
        Matcher m = Pattern.compile("<code id=\"new-token\">(bearing_[A-Za-z0-9_-]{43})</code>").matcher(page);
        assertTrue(m.find(), "the token is shown once");
        given().auth().oauth2(m.group(1)).get("/api/v1/account").then().statusCode(200);
        long id = Api.admin().get("/api/v1/admin/accounts").then().extract().jsonPath()
                .getLong("find { it.username == 'resetme' }.id");
        String reset = Api.admin().contentType(ContentType.JSON).post("/api/v1/admin/accounts/" + id + "/reset-password")
                .then().statusCode(200).extract().jsonPath().getString("secret");
        given().auth().oauth2(m.group(1)).get("/api/v1/account").then().statusCode(401);
        // and it stays revoked once the owner has set a new password
        given().auth().preemptive().basic("resetme", reset).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", reset, "newPassword", "another passphrase of theirs"))
                .post("/api/v1/account/password").then().statusCode(204);
        given().auth().oauth2(m.group(1)).get("/api/v1/account").then().statusCode(401);
    }

    @Test
    void personalApiTokensWorkUntilRevokedAndOnlyTheirHashIsStored() throws SQLException {
        SurveyForm f = SurveyForm.of();
        String page = Api.afterSeeOther(Api.consultant().redirects().follow(false).cookie("csrf-token", f.cookie)
                .formParam("csrf-token", f.token).formParam("name", "nightly export").post("/account/tokens"), Api::consultant);
        Matcher m = Pattern.compile("<code id=\"new-token\">(bearing_[A-Za-z0-9_-]{43})</code>").matcher(page);
        assertTrue(m.find(), "the token is shown once");
        String token = m.group(1);
        given().auth().oauth2(token).get("/api/v1/account").then().statusCode(200).body("username", equalTo(Api.CONSULTANT));
        assertFalse(Api.consultant().get("/account").asString().contains(token), "never shown again");
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from api_token where token_hash = ? and name = ?")) {
            s.setString(1, TokenGenerator.hash(token));
            s.setString(2, "nightly export");
            ResultSet r = s.executeQuery();
            r.next();
            assertEquals(1, r.getInt(1));
        }
        Matcher id = Pattern.compile("/account/tokens/(\\d+)/revoke").matcher(page);
        assertTrue(id.find());
        Api.consultant().redirects().follow(false).cookie("csrf-token", f.cookie).formParam("csrf-token", f.token)
                .post("/account/tokens/" + id.group(1) + "/revoke").then().statusCode(303);
        // a form for a token that is gone (revoked in another tab, say) gets a page, not the API's JSON
        Api.consultant().redirects().follow(false).cookie("csrf-token", f.cookie).formParam("csrf-token", f.token)
                .post("/account/tokens/999999999/revoke").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("API token 999999999 does not exist."));
        given().auth().oauth2(token).get("/api/v1/account").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(dev.bearing.common.ProblemTypes.UNAUTHORIZED));
        given().auth().oauth2("bearing_" + "x".repeat(43)).get("/api/v1/assessments").then().statusCode(401);
    }

    @Test
    void aDisabledAccountIsShutOutAtItsNextRequest() {
        String oneTime = newConsultant("leaver");
        given().auth().preemptive().basic("leaver", oneTime).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", oneTime, "newPassword", "a passphrase of their own"))
                .post("/api/v1/account/password").then().statusCode(204);
        String session = formLogin("leaver", "a passphrase of their own").getCookie("bearing-session");
        given().cookie("bearing-session", session).get("/api/v1/account").then().statusCode(200);
        long id = Api.admin().get("/api/v1/admin/accounts").then().extract().jsonPath()
                .getLong("find { it.username == 'leaver' }.id");
        Api.admin().contentType(ContentType.JSON).post("/api/v1/admin/accounts/" + id + "/disable").then().statusCode(200)
                .body("enabled", equalTo(false));
        given().cookie("bearing-session", session).get("/api/v1/account").then().statusCode(401);
        given().auth().preemptive().basic("leaver", "a passphrase of their own").get("/api/v1/account").then().statusCode(401);
        // an admin cannot lock everyone out by disabling themselves
        long me = Api.admin().get("/api/v1/account").then().extract().jsonPath().getLong("id");
        Api.admin().contentType(ContentType.JSON).post("/api/v1/admin/accounts/" + me + "/disable").then().statusCode(400)
                .body("errors[0].field", equalTo("enabled"));
        // so the accounts page offers no Disable button on the admin's own row, and one on the others'
        newConsultant("stayer");
        long other = Api.admin().get("/api/v1/admin/accounts").then().extract().jsonPath()
                .getLong("find { it.username == 'stayer' }.id");
        String page = Api.admin().get("/admin/accounts").then().statusCode(200).extract().asString();
        assertFalse(page.contains("action=\"/admin/accounts/" + me + "/disable\""), "own row offers Disable");
        assertTrue(page.contains("action=\"/admin/accounts/" + other + "/disable\""), "another's row offers Disable");
    }

    @Test
    void consultantsSeeOnlyTheirOwnAssessmentsAndAdminsSeeAll() {
        long mine = Api.createAssessment("Casey's client");
        long theirs = Api.otherConsultant().contentType(ContentType.JSON).body(Map.of("organisation", "Olivia's client"))
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.consultant().get("/api/v1/assessments?size=100").then().body("items.id", org.hamcrest.Matchers.hasItem((int) mine))
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) theirs)));
        Api.consultant().get("/api/v1/assessments/" + theirs).then().statusCode(404)
                .body("detail", equalTo("Assessment " + theirs + " does not exist."))
                .body("type", equalTo(dev.bearing.common.ProblemTypes.NOT_FOUND));
        Api.admin().get("/api/v1/assessments?size=100").then().body("items.id",
                org.hamcrest.Matchers.hasItems((int) mine, (int) theirs));
        // shared to work on, not to delete or re-share
        Api.consultant().contentType(ContentType.JSON).put("/api/v1/assessments/" + mine + "/shares/" + Api.OTHER_CONSULTANT)
                .then().statusCode(200).body("sharedWith", org.hamcrest.Matchers.hasItem(Api.OTHER_CONSULTANT));
        Api.otherConsultant().get("/api/v1/assessments/" + mine).then().statusCode(200);
        Api.otherConsultant().delete("/api/v1/assessments/" + mine).then().statusCode(403)
                .body("type", equalTo(dev.bearing.common.ProblemTypes.FORBIDDEN));
        Api.otherConsultant().contentType(ContentType.JSON).put("/api/v1/assessments/" + mine + "/shares/admin")
                .then().statusCode(403);
        Api.consultant().get("/api/v1/assessments/" + mine).then().statusCode(200);
    }

    @Test
    void surveyLinksAreStoredOnlyAsHashesAndLoginsAreAudited() throws SQLException {
        long id = Api.createAssessment("Hashed links org");
        String token = Api.addRespondent(id, "OPERATIONS");
        Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then()
                .body("[0].token", org.hamcrest.Matchers.nullValue()).body("[0].surveyUrl", org.hamcrest.Matchers.nullValue());
        given().get("/survey/" + token).then().statusCode(200);
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select r.token_hash from respondent r where r.assessment_id = ?")) {
                s.setLong(1, id);
                ResultSet r = s.executeQuery();
                r.next();
                assertEquals(TokenGenerator.hash(token), r.getString(1));
            }
            try (PreparedStatement s = c.prepareStatement("select count(*) from information_schema.columns "
                    + "where table_name = 'respondent' and column_name = 'token'")) {
                ResultSet r = s.executeQuery();
                r.next();
                assertEquals(0, r.getInt(1), "no plain token column");
            }
            formLogin(Api.CONSULTANT, "wrong").then().statusCode(303);
            try (PreparedStatement s = c.prepareStatement("select detail from audit_event where action = 'login.failed' "
                    + "and actor = ? order by id desc limit 1")) {
                s.setString(1, Api.CONSULTANT);
                ResultSet r = s.executeQuery();
                assertTrue(r.next());
                assertEquals("wrong password", r.getString(1));
            }
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("delete from audit_event"),
                    "the audit log is append-only");
        }
    }

    /** A CSRF cookie and token, taken from a public page that carries a form. */
    record SurveyForm(String cookie, String token) {
        static SurveyForm of() {
            long id = Api.createAssessment("Form source");
            String t = Api.addRespondent(id, "BUSINESS");
            Response page = given().get("/survey/" + t + "/s/context");
            Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
            assertTrue(m.find());
            return new SurveyForm(page.getCookie("csrf-token"), m.group(1));
        }
    }
}
