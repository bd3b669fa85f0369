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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Admins manage accounts (create, disable, enable, reset the password) and read the whole audit log. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AdminPages {

    @Inject
    AccountService accounts;

    @Inject
    SecurityIdentity identity;

    /** A one-time password to hand over, shown once. */
    public record Handover(String username, String password) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(List<AccountView> accounts, Handover handover, String error, String field);

        static native TemplateInstance audit(List<AuditEvent> events);
    }

    /** @return every account with the form to create one */
    @GET
    @Path("accounts")
    public TemplateInstance list() {
        return Templates.accounts(accounts.accounts(), null, null, null);
    }

    /** Creates an account and shows its one-time password once. */
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("username") String username, @FormParam("displayName") String displayName,
            @FormParam("email") String email, @FormParam("role") String role) {
        try {
            AccountService.OneTime t = accounts.create(username, displayName, email, role);
            return Response.ok(Templates.accounts(accounts.accounts(), new Handover(t.account().username(), t.secret()),
                    null, null)).build();
        } catch (ProblemException e) {
            return failed(e);
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

    /** Resets an account's password to a one-time password shown once. */
    @POST
    @Path("accounts/{id}/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@PathParam("id") long id) {
        AccountService.OneTime t = accounts.resetPassword(id);
        return Response.ok(Templates.accounts(accounts.accounts(), new Handover(t.account().username(), t.secret()), null,
                null)).build();
    }

    /** @return the newest 500 audit events across all assessments and accounts */
    @GET
    @Path("audit")
    @Transactional
    public TemplateInstance audit() {
        return Templates.audit(AuditEvent.find("order by occurredAt desc, id desc").page(0, 500).list());
    }

    private Response failed(ProblemException e) {
        String field = e.field();
        String message = e.fieldMessage();
        return Response.status(e.status()).entity(Templates.accounts(accounts.accounts(), null, message, field)).build();
    }

}
