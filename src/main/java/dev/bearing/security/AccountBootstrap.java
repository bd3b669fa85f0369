package dev.bearing.security;

import dev.bearing.common.BearingConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * On first start (no account yet) creates the first admin: from {@code BEARING_ADMIN_USERNAME} /
 * {@code BEARING_ADMIN_PASSWORD}, or, without a password, with a generated one-time password
 * printed once here in the log, to be changed at first login. Runs before the demo is created.
 */
@ApplicationScoped
public class AccountBootstrap {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);

    @Inject
    AccountService accounts;

    @Inject
    BearingConfig config;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION - 100) StartupEvent event) {
        java.util.Optional<AccountService.OneTime> created;
        try {
            created = accounts.bootstrapAdmin();
        } catch (RuntimeException databaseDown) {
            LOG.warnf("Could not check for accounts (%s); the first admin is created at the next start with the "
                    + "database reachable.", databaseDown.getMessage());
            return;
        }
        created.ifPresentOrElse(t -> {
            LOG.infof("First admin created. Log in at %s/login as \"%s\" with this one-time password: %s", config.publicUrl(),
                    t.account().username(), t.secret());
            LOG.info("  It is shown only this once and must be changed at first login. "
                    + "Set BEARING_ADMIN_PASSWORD before the first start to choose it yourself.");
        }, () -> LOG.debugf("Accounts exist; no admin created"));
    }
}
