package dev.bearing.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code bearing reset-password USERNAME}: the way back in when nobody can log in as an admin. */
@QuarkusTest
class ResetPasswordCommandTest {

    @Inject
    ResetPasswordCommand command;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return command.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    @Test
    void aDisabledAdminGetsBackInWithAOneTimePasswordToChangeAtLogin() {
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("username", "second-admin", "displayName", "Second admin", "role", "ADMIN"))
                .post("/api/v1/admin/accounts").then().statusCode(201);
        long id = Api.admin().get("/api/v1/admin/accounts").jsonPath()
                .getLong("find { it.username == 'second-admin' }.id");
        Api.admin().contentType(ContentType.JSON).post("/api/v1/admin/accounts/" + id + "/disable").then().statusCode(200);

        assertEquals(0, run(ResetPasswordCommand.NAME, "Second-Admin"), err.toString());
        Matcher shown = Pattern.compile("One-time password for \"second-admin\": (\\S+)").matcher(out.toString());
        assertTrue(shown.find(), out.toString());
        String oneTime = shown.group(1);
        assertTrue(out.toString().contains("/login; the password must be changed at that login."), out.toString());

        // enabled again, and the one-time password works only to change it
        given().auth().preemptive().basic("second-admin", oneTime).get("/api/v1/assessments").then().statusCode(403)
                .body("detail", containsString("/account/password"));
        given().auth().preemptive().basic("second-admin", oneTime).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", oneTime, "newPassword", "back in after the reset"))
                .post("/api/v1/account/password").then().statusCode(204);
        given().auth().preemptive().basic("second-admin", "back in after the reset").get("/api/v1/admin/accounts")
                .then().statusCode(200);
        String audit = Api.admin().get("/admin/audit").then().statusCode(200).extract().asString();
        assertTrue(audit.contains("from the command line (bearing reset-password); the account was disabled and is enabled again"),
                "the audit page records the reset and who made it");
    }

    @Test
    void anUnknownUsernameChangesNothingAndNamesTheAccountsThereAre() {
        assertEquals(ResetPasswordCommand.NO_USER, run(ResetPasswordCommand.NAME, "nobody-here"));
        assertTrue(err.toString().contains("There is no account named \"nobody-here\". Accounts: "), err.toString());
        assertTrue(err.toString().contains(Api.ADMIN), err.toString());
        assertEquals("", out.toString());
        // the admin's password still works
        Api.admin().get("/api/v1/admin/accounts").then().statusCode(200);
    }

    @Test
    void aCommandLineWithoutOneUsernameShowsHowToUseIt() {
        assertEquals(ResetPasswordCommand.USAGE, run(ResetPasswordCommand.NAME));
        assertTrue(err.toString().startsWith("usage: bearing reset-password USERNAME"), err.toString());
        assertEquals(ResetPasswordCommand.USAGE, run(ResetPasswordCommand.NAME, "admin", "extra"));
        assertEquals(ResetPasswordCommand.USAGE, run(ResetPasswordCommand.NAME, " "));
    }
}
