package dev.bearing.common;

/**
 * The kinds of problem Bearing reports, one URI each ({@link Problem#type()}), so that clients
 * such as {@code survey.js} switch on the kind, never on the message prose.
 */
public final class ProblemTypes {

    private ProblemTypes() {
    }

    private static final String BASE = "https://bearing.dev/problems/";

    /** The thing named does not exist, or the caller may not see it (404). */
    public static final String NOT_FOUND = BASE + "not-found";
    /** Submit refused: required answers are missing; the errors list each question (422). */
    public static final String INCOMPLETE = BASE + "incomplete";
    /** The request conflicts with the current state, e.g. a name already taken (409). */
    public static final String CONFLICT = BASE + "conflict";
    /** Not logged in, or the credential was refused (401). */
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    /** Logged in without the role or ownership the action needs (403). */
    public static final String FORBIDDEN = BASE + "forbidden";
    /** A value that does not fit its field or question (400). */
    public static final String INVALID_VALUE = BASE + "invalid-value";
    /** An answer to a question the respondent is not shown (400). */
    public static final String NOT_VISIBLE = BASE + "not-visible";
    /** An edit based on an older version than the stored one (409). */
    public static final String STALE_VERSION = BASE + "stale-version";
    /** A change after the survey was submitted (409). */
    public static final String SUBMITTED = BASE + "submitted";
    /** A request body that is not {@code application/json} (415). */
    public static final String UNSUPPORTED_MEDIA_TYPE = BASE + "unsupported-media-type";
    /** A request body over the server's size limit (413). */
    public static final String TOO_LARGE = BASE + "too-large";
    /** Too many requests for one survey link (429, with Retry-After). */
    public static final String TOO_MANY_REQUESTS = BASE + "too-many-requests";
    /** The database cannot be reached (503, with Retry-After). */
    public static final String UNAVAILABLE = BASE + "unavailable";

    /**
     * @param status an HTTP status
     * @return the problem type a failure with that status has when nothing more precise is
     *     known: not-found, invalid-value, conflict, forbidden, unauthorized; {@code about:blank}
     *     otherwise
     */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_VALUE;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            default -> "about:blank";
        };
    }
}
