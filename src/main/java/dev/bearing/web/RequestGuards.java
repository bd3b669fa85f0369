package dev.bearing.web;

import dev.bearing.common.BearingConfig;
import dev.bearing.common.Problem;
import dev.bearing.common.ProblemTypes;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every request passes before it reaches a page or the API, in this order:
 * <ol>
 * <li><b>Host allow-list</b> (DNS rebinding): the host name of {@code bearing.public-url}, the
 * loopback names ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) and
 * {@code bearing.allowed-hosts}; any other {@code Host} gets 421.</li>
 * <li><b>No credentials for the API</b>: a request under {@code /api/} other than the respondents'
 * and questionnaires' routes, with neither an {@code Authorization} header nor the session
 * cookie, gets 401 problem+json whatever else is wrong with it.</li>
 * <li><b>Content type of state-changing requests</b> (CSRF): a POST, PUT or PATCH under
 * {@code /api/} must be {@code application/json} (415 otherwise, a problem+json); a POST to a
 * page must be {@code application/x-www-form-urlencoded} (415 otherwise, a page), so that the
 * CSRF filter, which checks only form posts, sees every page post. DELETE is API-only and
 * cannot be sent cross-site without a CORS preflight, which Bearing never grants.</li>
 * <li><b>Forms from another site</b> (login CSRF, and CSRF beside the forms' tokens): a page POST
 * (the login's {@code /j_security_check} included) that the
 * browser marks as coming from another site ({@code Sec-Fetch-Site}), or, from a browser that
 * does not send that header, whose {@code Origin} names a host Bearing does not serve, gets 403
 * (a page), so that another site cannot log a visitor into an account of its choosing. The login
 * form carries no token (the CSRF filter sees only REST form posts). {@code Origin} alone cannot
 * tell: under Bearing's {@code Referrer-Policy: no-referrer} browsers send {@code Origin: null}
 * with a form posted from Bearing's own login page.</li>
 * <li><b>API calls from another site with the session</b>: a state-changing request under
 * {@code /api/} that carries the session cookie (no {@code Authorization}) and that the browser
 * marks as coming from another site, or whose {@code Origin} names another host, gets 403 (the
 * SameSite=Strict cookie and the JSON content type already keep browsers from sending one; this
 * holds even for a browser that did).</li>
 * <li><b>Body size</b>: a request whose {@code Content-Length} is over
 * {@code quarkus.http.limits.max-body-size} gets 413 with a problem+json naming the limit (a
 * page for pages), before any of it is read.</li>
 * <li><b>Security headers</b> on every response: a Content-Security-Policy the pages satisfy
 * (no inline script or style), frames denied, {@code nosniff}, {@code Referrer-Policy:
 * no-referrer} (survey links carry the token), HSTS when served over HTTPS, and
 * {@code Cache-Control: no-store} on every page and API answer (not on {@code /assets/}).</li>
 * </ol>
 */
@ApplicationScoped
public class RequestGuards {

    /** The policy the pages satisfy: scripts and styles only from Bearing's own files. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Quarkus's tool pages (Swagger UI, Dev UI in dev mode) use inline script; they get that allowance. */
    static final String CSP_SWAGGER = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    static final String HSTS = "max-age=31536000";

    @Inject
    BearingConfig config;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.limits.max-body-size",
            defaultValue = "10240K")
    io.quarkus.runtime.configuration.MemorySize maxBodySize;

    private Set<String> allowedHosts;
    private boolean publicHttps;

    void register(@Observes Filters filters) {
        allowedHosts = allowedHosts(config.publicUrl(), config.allowedHosts());
        publicHttps = config.publicHttps();
        filters.register(this::guard, 1000);
    }

    void guard(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        String path = request.path() == null ? "/" : request.path();
        addHeaders(response.headers(), path, request.isSSL() || publicHttps);
        rc.addHeadersEndHandler(v -> pageCharset(response.headers()));
        if (publicHttps && !request.isSSL()) {
            // TLS ends at a proxy in front: cookies (session, CSRF, new link) must still be Secure
            response.headersEndHandler(v -> secureCookies(response.headers()));
        }
        String host = request.getHeader("Host");
        if (host == null && request.authority() != null) {
            host = request.authority().toString();
        }
        if (!hostAllowed(host, allowedHosts)) {
            if (path.startsWith("/api/")) {
                problem(response, new Problem("about:blank", "Misdirected request", 421,
                        "This server does not answer for that host name.", List.of()));
            } else {
                response.setStatusCode(421).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("This server does not answer for that host name.\n");
            }
            return;
        }
        if (path.startsWith("/api/") && !AccessFilters.respondentPath(path) && request.method() != HttpMethod.OPTIONS
                && request.getHeader("Authorization") == null && !hasSessionCookie(request.getHeader("Cookie"))) {
            // no credentials at all for a route that needs a login: that comes first, before what is
            // wrong with the request itself (content type, size, method or route)
            response.putHeader("WWW-Authenticate", "Bearer realm=\"Bearing\"");
            problem(response, new Problem(ProblemTypes.UNAUTHORIZED, "Unauthorized", 401, AccessFilters.LOG_IN, List.of()));
            return;
        }
        String refusal = refusedContentType(request.method(), path, request.getHeader("Content-Type"));
        if (refusal != null) {
            if (path.startsWith("/api/")) {
                problem(response, new Problem(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", 415, refusal,
                        List.of()));
            } else {
                response.setStatusCode(415).putHeader("Content-Type", "text/html; charset=utf-8")
                        .end(ExpiredFormPage.page("This form could not be accepted",
                                "The request did not come from one of Bearing's own forms. Nothing was changed. "
                                        + "Go back, reload the page and try again."));
            }
            return;
        }
        if (request.method() == HttpMethod.POST && !path.startsWith("/api/")
                && !loginFromOwnSite(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), allowedHosts)) {
            // a page form sent from another site: the SameSite session cookie and the form's token
            // stop it already; this refuses it before either is looked at
            response.setStatusCode(403).putHeader("Content-Type", "text/html; charset=utf-8")
                    .end("/j_security_check".equals(path)
                            ? ExpiredFormPage.page("This login could not be accepted",
                                    "The login form was sent from another site. Open Bearing's own login page and log in there.")
                            : ExpiredFormPage.page("This form could not be accepted",
                                    "The form was sent from another site. Nothing was changed. Open the page in Bearing "
                                            + "and send it from there."));
            return;
        }
        if (path.startsWith("/api/") && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD
                && request.method() != HttpMethod.OPTIONS && request.getHeader("Authorization") == null
                && hasSessionCookie(request.getHeader("Cookie"))
                && !loginFromOwnSite(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), allowedHosts)) {
            problem(response, new Problem(ProblemTypes.FORBIDDEN, "Forbidden", 403,
                    "This request came from another site with your session; nothing was changed. "
                            + "Scripts use a personal API token (Authorization: Bearer).", List.of()));
            return;
        }
        String tooLarge = tooLarge(request.getHeader("Content-Length"), maxBodySize.asLongValue());
        if (tooLarge != null) {
            if (path.startsWith("/api/")) {
                response.putHeader("Connection", "close");
                problem(response, new Problem(ProblemTypes.TOO_LARGE, "Request too large", 413, "body: " + tooLarge,
                        List.of(new Problem.FieldError("body", tooLarge))));
            } else {
                response.setStatusCode(413).putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Connection", "close")
                        .end(ExpiredFormPage.page("This form is too large",
                                "What was sent is larger than Bearing accepts (" + tooLarge + "). Nothing was changed. "
                                        + "Go back, shorten the text and try again."));
            }
            return;
        }
        rc.next();
    }

    /** Answers with a problem+json body, written by Jackson as every other API error is. */
    private void problem(HttpServerResponse response, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A problem cannot be written as JSON", e);
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }

    /**
     * @param fetchSite the Sec-Fetch-Site header, may be null (a browser without it, or not a browser)
     * @param origin the Origin header, may be null
     * @param allowed accepted host names
     * @return whether a login post may be accepted: the browser says it came from Bearing's own
     *     pages (or from the user, "none"); without that header, an Origin naming another host is
     *     refused, and none or "null" (sent under {@code Referrer-Policy: no-referrer}) accepted,
     *     as the session cookie is SameSite=Strict and the form has no token to steal
     */
    static boolean loginFromOwnSite(String fetchSite, String origin, Set<String> allowed) {
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            return site.equals("same-origin") || site.equals("none");
        }
        if (origin == null || origin.strip().equals("null")) {
            return true;
        }
        try {
            URI uri = URI.create(origin.strip());
            return uri.getHost() != null && hostAllowed(uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()), allowed);
        } catch (IllegalArgumentException e) {
            return false; // not an origin at all
        }
    }

    /** @return whether the Cookie header carries Bearing's session cookie */
    static boolean hasSessionCookie(String cookieHeader) {
        if (cookieHeader == null) {
            return false;
        }
        for (String part : cookieHeader.split(";")) {
            if (part.strip().startsWith(AccountPages.SESSION_COOKIE + "=")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param contentLength the Content-Length header, may be null or not a number
     * @param limit the largest body accepted, in bytes
     * @return why the body is refused (413), or null when it is within the limit or its length
     *     is not declared (the HTTP server then enforces the limit while reading)
     */
    static String tooLarge(String contentLength, long limit) {
        if (contentLength == null) {
            return null;
        }
        long length;
        try {
            length = Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (length <= limit) {
            return null;
        }
        return "the request body is " + megabytes(length) + "; at most " + megabytes(limit) + " is accepted";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /**
     * @param method request method
     * @param path request path
     * @param contentType the Content-Type header, may be null
     * @return why the request is refused (415), or null when its content type is accepted
     */
    static String refusedContentType(HttpMethod method, String path, String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (path.startsWith("/api/")) {
            if ((method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)
                    && !type.equals("application/json")) {
                return "Send Content-Type: application/json (was " + (type.isEmpty() ? "none" : type) + ").";
            }
            return null;
        }
        if (path.startsWith("/q/")) {
            return null;
        }
        if (method == HttpMethod.POST && !type.equals("application/x-www-form-urlencoded")) {
            return "Forms are posted as application/x-www-form-urlencoded (was " + (type.isEmpty() ? "none" : type) + ").";
        }
        return null;
    }

    /**
     * @param h the response headers to add to
     * @param path request path
     * @param https whether the request came over TLS or the public URL is HTTPS (behind a proxy)
     */
    static void addHeaders(io.vertx.core.MultiMap h, String path, boolean https) {
        boolean toolPage = path.startsWith("/q/swagger-ui") || path.startsWith("/q/dev-ui");
        h.set("Content-Security-Policy", toolPage ? CSP_SWAGGER : CSP);
        h.set("X-Frame-Options", "DENY");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        if (https) {
            h.set("Strict-Transport-Security", HSTS);
        }
        if (!path.startsWith("/assets/") && !toolPage) {
            h.set("Cache-Control", "no-store");
        }
    }

    /**
     * Pages written from a {@code Response} (dashboard, assessment, login, error pages) are typed
     * "text/html" with no charset; every page is rendered as UTF-8, so the header says so, as
     * it does for the other pages. Other types are left as they are.
     *
     * @param h the response headers as they are about to be sent
     */
    static void pageCharset(io.vertx.core.MultiMap h) {
        String type = h.get("Content-Type");
        if (type != null && type.trim().equalsIgnoreCase("text/html")) {
            h.set("Content-Type", "text/html;charset=UTF-8");
        }
    }

    /**
     * Marks every cookie being set {@code Secure}, for deployments whose public URL is HTTPS while
     * Bearing itself is reached over plain HTTP from a TLS-terminating proxy.
     *
     * @param h the response headers
     */
    static void secureCookies(io.vertx.core.MultiMap h) {
        java.util.List<String> cookies = h.getAll("Set-Cookie");
        if (cookies.isEmpty()) {
            return;
        }
        java.util.List<String> secured = cookies.stream()
                .map(c -> c.toLowerCase(Locale.ROOT).contains("; secure") ? c : c + "; Secure").toList();
        h.remove("Set-Cookie");
        secured.forEach(c -> h.add("Set-Cookie", c));
    }

    /**
     * @param publicUrl the configured public URL
     * @param extra further host names the deployment answers for
     * @return host names (lower case, no port) accepted in the Host header
     */
    static Set<String> allowedHosts(String publicUrl, Optional<Set<String>> extra) {
        Set<String> hosts = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        String host = URI.create(publicUrl).getHost();
        if (host != null) {
            hosts.add(host.toLowerCase(Locale.ROOT));
        }
        extra.ifPresent(e -> e.forEach(x -> hosts.add(x.strip().toLowerCase(Locale.ROOT))));
        return hosts;
    }

    /**
     * @param hostHeader the Host header (name, optionally with {@code :port}), may be null
     * @param allowed accepted host names
     * @return whether the request names a host this deployment serves
     */
    static boolean hostAllowed(String hostHeader, Set<String> allowed) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h : h.substring(0, end + 1);
        } else if (h.indexOf(':') >= 0) {
            h = h.substring(0, h.indexOf(':'));
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return allowed.contains(h);
    }
}
