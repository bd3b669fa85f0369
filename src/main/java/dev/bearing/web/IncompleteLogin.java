package dev.bearing.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A login form sent without its username or its password gets the login page again, saying what
 * is missing. Quarkus' form login looks an account up only when both fields are there; otherwise it
 * lets the request through anonymous, and its own handler of {@code /j_security_check} (route
 * order -150) answers it with an empty 200. This route runs just before that one. No account is
 * looked up, so nothing is counted against one; a login that succeeded or failed was answered
 * already (a redirect to the landing page or to {@code /login/failed}) and is left as it is.
 */
@ApplicationScoped
public class IncompleteLogin {

    /** Where the form posts, as {@code quarkus.http.auth.form.post-location} leaves it. */
    static final String POST_LOCATION = "/j_security_check";

    /** The key under which Quarkus keeps the request's identity, still to be resolved. */
    private static final String DEFERRED_IDENTITY = "io.quarkus.vertx.http.deferred-identity";

    void register(@Observes Router router) {
        router.post(POST_LOCATION).order(-151).handler(this::answer);
    }

    private void answer(RoutingContext rc) {
        Uni<SecurityIdentity> identity = rc.get(DEFERRED_IDENTITY);
        if (identity == null) {
            rc.next();
            return;
        }
        identity.subscribe().with(id -> {
            if (rc.response().ended()) {
                return;
            }
            if (id == null || id.isAnonymous()) {
                rc.response().setStatusCode(303).putHeader("Location", "/login/incomplete").end();
            } else {
                rc.next();
            }
        }, rc::fail);
    }
}
