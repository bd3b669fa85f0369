package dev.bearing.provisioning;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The background job that follows executing runs: every tick (default 1 s,
 * {@code bearing.provisioning.tick}) it claims due runs in PostgreSQL, so any instance may do it
 * and each run is read by one instance at a time; progress is stored, so any instance shows it.
 */
@ApplicationScoped
public class StackFollower {

    private static final Logger LOG = Logger.getLogger(StackFollower.class);

    @Inject
    ProvisioningService provisioning;

    /** Whether the last tick failed: a failure (the database down, say) is logged once, not every tick. */
    private volatile boolean failing;

    // not while the application stops: the connection pool closes then, and a tick would only log
    // its failure (the runs it would have followed are followed at the next start)
    @Scheduled(every = "${bearing.provisioning.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${bearing.provisioning.tick:1s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            provisioning.followDue(5);
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warnf(e, "Following provisioning runs failed (%s); trying again every tick, and saying so here once "
                        + "it works again", e.getMessage());
            }
            return;
        }
        if (failing) {
            failing = false;
            LOG.info("Following provisioning runs works again");
        }
    }
}
