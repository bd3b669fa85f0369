package dev.bearing.security;

/**
 * The two roles a Bearing account can hold, as used in {@code @RolesAllowed}. Respondents hold no
 * role: their survey link (token) is their only key, checked by the survey endpoints themselves.
 */
public final class Roles {

    /** Runs assessments: sees those they own or are shared on. */
    public static final String CONSULTANT = "consultant";

    /** Manages accounts and sees every assessment; can do everything a consultant can. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
