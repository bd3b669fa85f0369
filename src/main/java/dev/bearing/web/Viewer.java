package dev.bearing.web;

import dev.bearing.common.Identities;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Who is looking at a consultant page, for the shared layout ({@code inject:viewer}). */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    /**
     * @return whether someone is logged in; false also when the request carried credentials that
     *     failed (a stale session or a survey token sent as a credential): pages that anyone may see,
     *     such as the login page, still render
     */
    public boolean isLoggedIn() {
        try {
            return !identity.isAnonymous();
        } catch (AuthenticationFailedException e) {
            return false;
        }
    }

    /** @return the username, or "" */
    public String getName() {
        return isLoggedIn() ? identity.getPrincipal().getName() : "";
    }

    /** @return whether the viewer is an admin */
    public boolean isAdmin() {
        return isLoggedIn() && Identities.isAdmin(identity);
    }
}
