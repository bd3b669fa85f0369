package dev.bearing.web;

import static dev.bearing.web.Redirects.seeOther;

import dev.bearing.common.Identities;
import dev.bearing.common.Problem;
import dev.bearing.common.ProblemMappers;
import dev.bearing.common.ProblemTypes;
import dev.bearing.assessment.AccessControl;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Access decisions common to every route, after each route's own {@code @RolesAllowed} /
 * {@code @PermitAll} (unannotated routes are denied: {@code deny-unannotated-endpoints}):
 * <ul>
 * <li>anyone not logged in who reaches a consultant route: the API answers 401 problem+json
 * (with {@code WWW-Authenticate}), a page redirects to the login page;</li>
 * <li>a logged-in account without the route's role: 403;</li>
 * <li>an account whose password must change first: every route but the password page and
 * logout answers with the password page (API: 403 naming it);</li>
 * <li>a path naming an assessment ({@code /assessments/{id}...}, {@code /api/v1/assessments/{id}...})
 * that the caller may not see answers 404, exactly like one that does not exist.</li>
 * </ul>
 */
@ApplicationScoped
public class AccessFilters {

    /** What an API caller without a valid login is told. */
    static final String LOG_IN = "Log in, or send a personal API token as \"Authorization: Bearer bearing_...\" "
            + "(create one at /account).";

    private static final Pattern ASSESSMENT_PATH = Pattern.compile("^/(?:api/v1/)?assessments/(\\d{1,18})(?:/.*)?$");

    @Inject
    SecurityIdentity identity;

    @Inject
    AccessControl access;

    /**
     * Password first; then the assessment in the path must be one the caller may see. Not
     * transactional as a whole: survey requests (every autosave) pass straight through, and only
     * the access query runs in a transaction.
     */
    @ServerRequestFilter
    public Response gate(ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        if (respondentPath(path) || identity.isAnonymous()) {
            return null;
        }
        boolean api = path.startsWith("/api/");
        if (Boolean.TRUE.equals(identity.getAttribute(Identities.MUST_CHANGE_PASSWORD)) && !path.equals("/account/password")
                && !path.equals("/api/v1/account/password") && !path.equals("/logout")) {
            String detail = "Set a new password first, at /account/password.";
            return api ? problem(ProblemTypes.FORBIDDEN, 403, "Forbidden", detail) : seeOther("/account/password");
        }
        Matcher m = ASSESSMENT_PATH.matcher(path);
        if (m.matches() && !QuarkusTransaction.joiningExisting().call(() -> access.maySee(Long.parseLong(m.group(1))))) {
            String detail = "Assessment " + m.group(1) + " does not exist.";
            return api ? problem(ProblemTypes.NOT_FOUND, 404, "Not found", detail)
                    : Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                            .entity(ExpiredFormPage.page("Not found", detail)).build();
        }
        return null;
    }

    /** Not logged in (or a wrong API token or password): 401 for the API, the login page otherwise. */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, ContainerRequestContext context) {
        String path = context.getUriInfo().getPath();
        if (ProblemMappers.databaseUnavailable(e)) {
            // the account could not be read: say the database is away, not that the login is wrong
            return new ProblemMappers().unexpected(e, context.getUriInfo());
        }
        if (path.startsWith("/api/")) {
            return Response.status(401).type(Problem.MEDIA_TYPE)
                    .header("WWW-Authenticate", "Bearer realm=\"Bearing\"")
                    .entity(new Problem(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401, LOG_IN, List.of()))
                    .build();
        }
        // a failed login form lands here too (the mapper sees authentication failures outside JAX-RS)
        if (path.endsWith("/j_security_check")) {
            return seeOther("/login/failed");
        }
        // a form sent after the session ended: the login page says that nothing was saved
        return seeOther("POST".equals(context.getMethod()) ? "/login?ended=1" : "/login");
    }

    /** Logged in without the role the route needs. */
    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(ContainerRequestContext context) {
        String detail = "Your account may not use this part of Bearing.";
        if (context.getUriInfo().getPath().startsWith("/api/")) {
            return problem(ProblemTypes.FORBIDDEN, 403, "Forbidden", detail);
        }
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE).entity(ExpiredFormPage.page("Not allowed", detail))
                .build();
    }

    /**
     * @return whether the path is one respondents use (their token is the key): no login is
     *     looked at there, so a stray Authorization header cannot break a survey
     */
    static boolean respondentPath(String path) {
        return path.startsWith("/survey/") || path.startsWith("/api/v1/respondents/")
                || path.startsWith("/api/v1/questionnaires") || path.startsWith("/login");
    }

    private static Response problem(String type, int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(new Problem(type, title, status, detail, List.of()))
                .build();
    }

}
