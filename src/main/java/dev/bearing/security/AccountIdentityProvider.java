package dev.bearing.security;

import dev.bearing.common.BearingConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;

/**
 * Checks a username and password, from the login form ({@code /j_security_check}) or from HTTP
 * Basic authentication. Basic is accepted only over HTTPS, or from this machine, or when the
 * public URL is {@code https://} (TLS ends at a proxy in front): a password sent in clear over
 * a network is refused before it is checked. Repeated failures are slowed down and locked by
 * {@link LoginThrottle}.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    AccountService accounts;

    @Inject
    LoginThrottle throttle;

    @Inject
    BearingConfig config;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        // the client's address as Audit and the other filters read it (honours quarkus.http.proxy.*); null when unknown
        String address = rc == null ? null : dev.bearing.common.ClientAddress.of(rc.request());
        boolean form = rc != null && rc.normalizedPath().endsWith("/j_security_check");
        if (!form && !safeForBasic(rc, address)) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "Basic authentication is accepted only over HTTPS; use a personal API token or HTTPS."));
        }
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            boolean locked = throttle.locked(username, address);
            AccountService.LoginOutcome outcome = accounts.login(username, password, address, locked, form);
            if (outcome.identity() == null) {
                Duration hold = throttle.failed(username, address);
                throw new HeldBack(hold);
            }
            throttle.succeeded(username);
            return outcome.identity();
        }).onFailure(HeldBack.class).recoverWithUni(e -> {
            Duration hold = ((HeldBack) e).hold;
            Uni<Void> wait = hold.isZero() ? Uni.createFrom().voidItem()
                    : Uni.createFrom().voidItem().onItem().delayIt().by(hold);
            return wait.onItem().<SecurityIdentity>transformToUni(ignored -> Uni.createFrom()
                    .failure(new AuthenticationFailedException("The username or password is not right.")));
        });
    }

    private boolean safeForBasic(RoutingContext rc, String address) {
        if (config.publicUrl().toLowerCase(Locale.ROOT).startsWith("https://")) {
            return true;
        }
        if (rc != null && rc.request().isSSL()) {
            return true;
        }
        if (address == null) {
            return false; // InetAddress.getByName(null) would answer the loopback address
        }
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** A failed check, carrying how long to hold the answer back. */
    private static final class HeldBack extends RuntimeException {
        private final transient Duration hold;

        HeldBack(Duration hold) {
            super(null, null, false, false);
            this.hold = hold;
        }
    }
}
