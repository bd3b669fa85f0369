package dev.bearing.security;

import dev.bearing.common.Identities;
import dev.bearing.security.AccountService.AccountView;
import dev.bearing.security.AccountService.OneTime;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Accounts through the API: who am I, and (admins) create, disable, enable and reset accounts. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountService accounts;

    @Inject
    SecurityIdentity identity;

    /**
     * @param username 2–100 letters, digits, {@code . _ @ -}
     * @param displayName the person's name
     * @param email optional
     * @param role {@code CONSULTANT} or {@code ADMIN}
     */
    public record NewAccount(String username, String displayName, String email, String role) {
    }

    /** @return the caller's account */
    @GET
    @Path("/account")
    @Authenticated
    public AccountView me() {
        return accounts.get(Identities.accountId(identity));
    }

    /**
     * @param currentPassword the password now
     * @param newPassword the new password (12 to 72 characters, not containing the username)
     */
    public record PasswordChange(String currentPassword, String newPassword) {
    }

    /** Changes the caller's password (204); 400 names the field at fault. */
    @POST
    @Path("/account/password")
    @Authenticated
    public Response changePassword(@Valid @NotNull PasswordChange request) {
        accounts.changePassword(Identities.accountId(identity), request.currentPassword(), request.newPassword(), null);
        return Response.noContent().build();
    }

    /** @return every account */
    @GET
    @Path("/admin/accounts")
    @RolesAllowed(Roles.ADMIN)
    public List<AccountView> list() {
        return accounts.accounts();
    }

    /** Creates an account; 201 with its one-time password ({@code secret}), which must be changed at first login. */
    @POST
    @Path("/admin/accounts")
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull NewAccount request) {
        OneTime t = accounts.create(request.username(), request.displayName(), request.email(), request.role());
        return Response.status(201).entity(t).build();
    }

    /** Disables an account. */
    @POST
    @Path("/admin/accounts/{id}/disable")
    @RolesAllowed(Roles.ADMIN)
    public AccountView disable(@PathParam("id") long id) {
        return accounts.setEnabled(id, false, identity.getPrincipal().getName());
    }

    /** Enables an account. */
    @POST
    @Path("/admin/accounts/{id}/enable")
    @RolesAllowed(Roles.ADMIN)
    public AccountView enable(@PathParam("id") long id) {
        return accounts.setEnabled(id, true, identity.getPrincipal().getName());
    }

    /** Resets the password to a one-time password, returned once. */
    @POST
    @Path("/admin/accounts/{id}/reset-password")
    @RolesAllowed(Roles.ADMIN)
    public OneTime reset(@PathParam("id") long id) {
        return accounts.resetPassword(id);
    }
}
