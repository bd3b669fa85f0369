package dev.bearing.web;

import static dev.bearing.web.Redirects.seeOther;

import dev.bearing.common.Identities;
import dev.bearing.common.ProblemException;
import dev.bearing.security.AccountService;
import dev.bearing.security.AccountService.TokenView;
import dev.bearing.security.Audit;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Logging in and out, and the caller's own account: password change (forced after a generated
 * password) and personal API tokens (shown once at creation, revocable).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    /** Name of the login session cookie (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "bearing-session";

    @Inject
    dev.bearing.security.LoginThrottle throttle;

    @Inject
    AccountService accounts;

    @Inject
    SecurityIdentity identity;

    @Inject
    Audit audit;

    @Inject
    Viewer viewer;

    @Inject
    OneTimeFlash flash;

    @Inject
    dev.bearing.common.BearingConfig config;

    /** The password form's fields in order, name → label. */
    static final java.util.Map<String, String> PASSWORD_FIELDS = labels("currentPassword", "Current password",
            "newPassword", "New password", "repeatPassword", "New password again");

    /** The token form's one field. */
    static final java.util.Map<String, String> TOKEN_FIELDS = labels("name", "New token named");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, String notice, boolean addressPaused, boolean incomplete);

        static native TemplateInstance password(boolean forced, FormErrors errors);

        static native TemplateInstance account(AccountService.AccountView account, List<TokenView> tokens, List<NewToken> newTokens,
                FormErrors errors, String tokenName, boolean passwordChanged);
    }

    /** @return the login form (a logged-in caller goes to the assessments instead) */
    @GET
    @Path("login")
    @PermitAll
    public Response login(@QueryParam("out") String out, @QueryParam("ended") String ended) {
        if (viewer.isLoggedIn()) {
            return seeOther("/");
        }
        String notice = out != null ? "You are logged out."
                : ended != null ? "You were not logged in when you sent that form (a session ends after 30 minutes "
                        + "without a request), so nothing was saved. Log in, then open the page again and send it again."
                : null;
        return Response.ok(Templates.login(false, notice, false, false)).build();
    }

    /**
     * @return the login form after a failed attempt, with one message that does not say which part
     *     was wrong; or, while logins from the caller's address are paused (after many failures
     *     there, whatever the username), a message that says so, since even a right password fails then
     */
    @GET
    @Path("login/failed")
    @PermitAll
    public Response loginFailed(@jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request) {
        return Response.ok(Templates.login(true, null,
                throttle.addressLocked(dev.bearing.common.ClientAddress.of(request)), false)).build();
    }

    /** @return the login form after a form that lacked the username or the password */
    @GET
    @Path("login/incomplete")
    @PermitAll
    public Response loginIncompleteForm() {
        if (viewer.isLoggedIn()) {
            return seeOther("/");
        }
        return Response.ok(Templates.login(false, null, false, true)).build();
    }

    /** Ends the session: the cookie is cleared and the login page shown. */
    @POST
    @Path("logout")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        audit.record("logout", null, "");
        return Response.status(Response.Status.SEE_OTHER).header("Location", "/login?out=1")
                .cookie(new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }

    /** @return the password form (the only page open while a new password is required) */
    @GET
    @Path("account/password")
    @Authenticated
    public TemplateInstance passwordForm() {
        return Templates.password(mustChange(), FormErrors.NONE);
    }

    /** Changes the caller's password; the form again naming every field at fault (passwords are not sent back). */
    @POST
    @Path("account/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(@FormParam("currentPassword") String current, @FormParam("newPassword") String next,
            @FormParam("repeatPassword") String repeat) {
        try {
            accounts.changePassword(Identities.accountId(identity), current, next, repeat == null ? "" : repeat);
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.password(mustChange(), FormErrors.of(e, "", PASSWORD_FIELDS)))
                    .build();
        }
        return seeOther("/account?changed=1");
    }

    /**
     * @return the caller's account with its API tokens; after a password change ({@code ?changed=1})
     *     it says so; the tokens just created (each carried by {@link OneTimeFlash} from its POST in
     *     a cookie keyed by the token, so a second token made before this page loaded loses nothing)
     *     are shown this once, oldest first, and the cookies that carried them are cleared
     */
    @GET
    @Path("account")
    @Authenticated
    public Response account(@QueryParam("changed") String changed, @Context HttpHeaders headers) {
        long me = Identities.accountId(identity);
        Map<String, Cookie> cookies = headers.getCookies();
        List<NewToken> newTokens = flash.openAll(cookies, ACCOUNT_PAGE, me).stream().map(v -> v.split("\n", 2))
                .filter(p -> p.length == 2).map(p -> new NewToken(p[1], p[0])).toList();
        Response.ResponseBuilder b = Response.ok(Templates.account(accounts.get(me), accounts.tokens(me), newTokens,
                FormErrors.NONE, "", "1".equals(changed)));
        b.cookie(flash.clearAll(cookies, ACCOUNT_PAGE, config.publicHttps()));
        return b.build();
    }

    /**
     * A token to show once.
     *
     * @param name its name
     * @param secret the token itself
     */
    public record NewToken(String name, String secret) {
    }

    /**
     * Creates a personal API token and ends in a 303 to {@code /account}, which shows it once (a
     * reload of that page makes no second token); the form again, with the name typed, when the
     * name is refused.
     */
    @POST
    @Path("account/tokens")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@FormParam("name") String name) {
        long me = Identities.accountId(identity);
        try {
            AccountService.NewToken t = accounts.createToken(me, name);
            // one cookie per token: a second token made before the page showing the first has loaded adds its own
            return Redirects.seeOtherWith(ACCOUNT_PAGE + "#tokens").cookie(flash.carry(ACCOUNT_PAGE, Long.toString(t.id()), me,
                    t.secret() + "\n" + t.name(), config.publicHttps())).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.account(accounts.get(me), accounts.tokens(me), List.of(),
                    FormErrors.of(e, "token-", TOKEN_FIELDS), name == null ? "" : name, false)).build();
        }
    }

    /** Revokes one of the caller's tokens. */
    @POST
    @Path("account/tokens/{tokenId}/revoke")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("tokenId") long tokenId) {
        accounts.revokeToken(Identities.accountId(identity), tokenId);
        return seeOther("/account");
    }

    /** The page that shows a new token. */
    static final String ACCOUNT_PAGE = "/account";

    /** @return the pairs name, label, name, label… as an ordered map */
    static java.util.Map<String, String> labels(String... pairs) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A refused form (a token that no longer exists, revoked in another tab): the error page naming
     * it, as the other pages answer, not the API's problem+json.
     */
    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(AssessmentPages.Templates.error(e.status(), e.title(), e.getMessage())).build();
    }

    private boolean mustChange() {
        return Boolean.TRUE.equals(identity.getAttribute(Identities.MUST_CHANGE_PASSWORD));
    }

}
