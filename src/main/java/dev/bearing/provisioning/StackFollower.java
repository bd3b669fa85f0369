package dev.bearing.provisioning;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The background job that follows executing runs: every tick (default 1 s,
 * {@code bearing.provisioning.tick}) it claims due runs in PostgreSQL, so any instance may do it
 * and each run is read by one instance at a time; progress is stored, so any instance shows it.
 */
@ApplicationScoped
public class StackFollower {

    @Inject
    ProvisioningService provisioning;

    // not while the application stops: the connection pool closes then, and a tick would only log
    // its failure (the runs it would have followed are followed at the next start)
    @Scheduled(every = "${bearing.provisioning.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${bearing.provisioning.tick:1s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        provisioning.followDue(5);
    }
}
