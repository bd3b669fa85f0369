package dev.bearing.common;

import io.quarkus.security.identity.SecurityIdentity;

/** What a logged-in caller's {@link SecurityIdentity} carries besides its name and roles. */
public final class Identities {

    /** Attribute holding the caller's account id ({@code Long}). */
    public static final String ACCOUNT_ID = "bearing.account-id";

    /** Attribute holding whether the caller must set a new password before anything else ({@code Boolean}). */
    public static final String MUST_CHANGE_PASSWORD = "bearing.must-change-password";

    private Identities() {
    }

    /** @return the caller's account id, or null when anonymous */
    public static Long accountId(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(ACCOUNT_ID);
    }

    /** @return whether the caller is an admin */
    public static boolean isAdmin(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous() && identity.hasRole("admin");
    }
}
