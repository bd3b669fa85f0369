package dev.bearing.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read the Prometheus metrics at {@code /q/metrics}: the machine Bearing runs on
 * (loopback, like the details of {@code /q/health}), and a scraper that sends
 * {@code Authorization: Bearer <BEARING_METRICS_TOKEN>} when that setting is made (Prometheus in a
 * cluster reaches each pod from another address and cannot log in). Anyone else gets 404, as if
 * there were no metrics: they name routes, pool sizes and traffic, which outsiders need not know.
 */
@ApplicationScoped
public class MetricsAccess {

    private final Optional<String> token;

    /** @param config Bearing's settings: the scrapers' bearer token ({@code bearing.metrics.token}) */
    @jakarta.inject.Inject
    public MetricsAccess(dev.bearing.common.BearingConfig config) {
        this(config.metrics().token());
    }

    /** @param token the scrapers' bearer token; empty: loopback only */
    MetricsAccess(Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, 960);
    }

    void filter(RoutingContext rc) {
        String path = rc.request().path();
        if (path == null || !(path.equals("/q/metrics") || path.startsWith("/q/metrics/"))
                || allowed(dev.bearing.common.ClientAddress.of(rc.request()),
                        rc.request().getHeader("Authorization"))) {
            rc.next();
            return;
        }
        rc.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end("Not found");
    }

    /**
     * @param remoteAddress the caller's IP address, may be null
     * @param authorization the Authorization header, may be null
     * @return whether the caller may read the metrics: from loopback, or with the configured token
     */
    boolean allowed(String remoteAddress, String authorization) {
        if (HealthForOutsiders.isLocal(remoteAddress)) {
            return true;
        }
        if (token.isEmpty() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8),
                authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
