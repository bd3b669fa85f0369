package dev.bearing.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code /q/health} and its sub-paths show their details (which checks ran, the database's
 * host, port and error text) only to the machine Bearing runs on. Any other caller, such as a
 * load balancer, gets the overall status alone: {@code {"status":"UP"}} with 200, or
 * {@code {"status":"DOWN"}} with 503.
 */
@ApplicationScoped
public class HealthForOutsiders {

    @Inject
    SmallRyeHealthReporter reporter;

    void register(@Observes Filters filters) {
        filters.register(this::filter, 950);
    }

    void filter(RoutingContext rc) {
        String path = rc.request().path();
        if (path == null || !(path.equals("/q/health") || path.startsWith("/q/health/"))
                || isLocal(dev.bearing.common.ClientAddress.of(rc.request()))) {
            rc.next();
            return;
        }
        String group = path.substring("/q/health".length());
        rc.vertx().<SmallRyeHealth>executeBlocking(() -> switch (group) {
            case "/live" -> reporter.getLiveness();
            case "/ready" -> reporter.getReadiness();
            case "/started" -> reporter.getStartup();
            default -> reporter.getHealth();
        }, false).onComplete(result -> {
            boolean down = result.failed() || result.result().isDown();
            rc.response().setStatusCode(down ? 503 : 200).putHeader("Content-Type", "application/json")
                    .end(down ? "{\"status\":\"DOWN\"}" : "{\"status\":\"UP\"}");
        });
    }

    /**
     * @param address remote IP address, may be null
     * @return whether it is a loopback address (127.0.0.0/8 or ::1)
     */
    static boolean isLocal(String address) {
        if (address == null) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
