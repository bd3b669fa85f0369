package dev.bearing.web;

import static dev.bearing.web.Redirects.seeOther;

import dev.bearing.common.ProblemException;
import dev.bearing.security.AccountService;
import dev.bearing.security.AccountService.AccountView;
import dev.bearing.security.AuditEvent;
import dev.bearing.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Admins manage accounts (create, disable, enable, reset the password) and read the whole audit log. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminPages {

    @Inject
    AccountService accounts;

    @Inject
    SecurityIdentity identity;

    @Inject
    OneTimeFlash flash;

    @Inject
    dev.bearing.common.BearingConfig config;

    /** A one-time password to hand over, shown once. */
    public record Handover(String username, String password) {
    }

    /**
     * The new-account form as typed (kept when refused).
     *
     * @param username username
     * @param displayName name
     * @param email e-mail address
     * @param role CONSULTANT or ADMIN
     */
    public record NewAccount(String username, String displayName, String email, String role) {

        static final NewAccount EMPTY = new NewAccount("", "", "", "CONSULTANT");
    }

    /** The new-account form's fields in order, name → label. */
    static final java.util.Map<String, String> FIELDS = AccountPages.labels("username", "Username", "displayName", "Name",
            "email", "E-mail", "role", "Role");

    /** The page that shows a one-time password. */
    static final String PAGE = "/admin/accounts";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(List<AccountView> accounts, List<Handover> handovers, FormErrors errors,
                NewAccount form);

        static native TemplateInstance audit(List<AuditEvent> events);
    }

    /**
     * @return every account with the form to create one; the one-time passwords just made (each
     *     carried by {@link OneTimeFlash} from its create or reset POST in a cookie keyed by the
     *     account, so a second account added before this page loaded loses nothing) are shown this
     *     once, oldest first, and their cookies cleared
     */
    @GET
    @Path("accounts")
    public Response list(@Context HttpHeaders headers) {
        Map<String, Cookie> cookies = headers.getCookies();
        List<Handover> handovers = flash.openAll(cookies, PAGE, me()).stream().map(v -> v.split("\n", 2))
                .filter(p -> p.length == 2).map(p -> new Handover(p[0], p[1])).toList();
        Response.ResponseBuilder b = Response.ok(Templates.accounts(accounts.accounts(), handovers, FormErrors.NONE, NewAccount.EMPTY));
        b.cookie(flash.clearAll(cookies, PAGE, config.publicHttps()));
        return b.build();
    }

    /**
     * Creates an account and ends in a 303 to the list, which shows its one-time password once (a
     * reload makes no second account); refused, the form again naming every field at fault, as typed.
     */
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("username") String username, @FormParam("displayName") String displayName,
            @FormParam("email") String email, @FormParam("role") String role) {
        try {
            AccountService.OneTime t = accounts.create(username, displayName, email, role);
            return handOver(t);
        } catch (ProblemException e) {
            NewAccount typed = new NewAccount(username == null ? "" : username, displayName == null ? "" : displayName,
                    email == null ? "" : email, role == null ? "" : role);
            return Response.status(e.status()).entity(Templates.accounts(accounts.accounts(), List.of(),
                    FormErrors.of(e, "", FIELDS), typed)).build();
        }
    }

    /** Disables an account: its sessions and API tokens stop at their next request. */
    @POST
    @Path("accounts/{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("id") long id) {
        try {
            accounts.setEnabled(id, false, identity.getPrincipal().getName());
        } catch (ProblemException e) {
            return failed(e);
        }
        return seeOther("/admin/accounts");
    }

    /** Enables an account again (and lifts a login lock). */
    @POST
    @Path("accounts/{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") long id) {
        accounts.setEnabled(id, true, identity.getPrincipal().getName());
        return seeOther("/admin/accounts");
    }

    /** Resets an account's password to a one-time password, shown once on the list (303, as {@link #create}). */
    @POST
    @Path("accounts/{id}/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@PathParam("id") long id) {
        return handOver(accounts.resetPassword(id));
    }

    /** @return the newest 500 audit events across all assessments and accounts */
    @GET
    @Path("audit")
    @Transactional
    public TemplateInstance audit() {
        return Templates.audit(AuditEvent.find("order by occurredAt desc, id desc").page(0, 500).list());
    }

    private Response failed(ProblemException e) {
        return Response.status(e.status()).entity(Templates.accounts(accounts.accounts(), List.of(),
                new FormErrors(List.of(), e.fieldMessage()), NewAccount.EMPTY)).build();
    }

    /** @return a 303 to the list, the one-time password carried to it for this admin only */
    private Response handOver(AccountService.OneTime t) {
        return Redirects.seeOtherWith(PAGE).cookie(flash.carry(PAGE, Long.toString(t.account().id()), me(), t.account().username() + "\n" + t.secret(), config.publicHttps()))
                .build();
    }

    private long me() {
        return dev.bearing.common.Identities.accountId(identity);
    }

}
