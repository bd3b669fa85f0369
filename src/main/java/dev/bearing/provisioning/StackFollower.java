package dev.bearing.provisioning;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The background job that follows executing runs: every tick (default 1 s,
 * {@code bearing.provisioning.tick}) it claims due runs in PostgreSQL, so any instance may do it
 * and each run is read by one instance at a time; progress is stored, so any instance shows it.
 * While the application stops it starts no tick; the stop waits for a tick under way (at most
 * {@link #STOP_WAIT}) before the beans and the connection pool go, and a tick cut short then ends quietly.
 */
@ApplicationScoped
public class StackFollower {

    private static final Logger LOG = Logger.getLogger(StackFollower.class);
    /** How long the application's stop waits for a tick under way (one tick reads at most 5 stacks). */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @Inject
    ProvisioningService provisioning;

    /** Whether the last tick failed: a failure (the database down, say) is logged once, not every tick. */
    private volatile boolean failing;

    /** Whether the application has begun to stop (its beans and connection pool go away then). */
    volatile boolean stopping;

    /** Held while a tick runs, so the stop can wait for it. */
    private final ReentrantLock ticking = new ReentrantLock();

    /** Starts no further tick and waits, at most {@link #STOP_WAIT}, for one under way to finish. */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
        try {
            if (ticking.tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                ticking.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // not while the application stops: the connection pool closes then, and a tick would only log
    // its failure (the runs it would have followed are followed at the next start)
    @Scheduled(every = "${bearing.provisioning.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${bearing.provisioning.tick:1s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        ticking.lock();
        try {
            if (!stopping) { // the skip predicate may have let it through just before the stop
                followDue();
            }
        } finally {
            ticking.unlock();
        }
    }

    private void followDue() {
        try {
            provisioning.followDue(5);
        } catch (RuntimeException e) {
            if (stopping) {
                // a tick that began before the stop outlived the beans or the pool it used: expected, and
                // nothing is lost (a claimed run's lease runs out and the next start follows it)
                LOG.debugf("Following provisioning runs stopped with the application (%s)", e.getMessage());
                return;
            }
            if (!failing) {
                failing = true;
                String message = "Following provisioning runs failed (%s); trying again every tick, and saying so "
                        + "here once it works again";
                if (databaseUnreachable(e)) {
                    // expected while PostgreSQL is down or restarting: the cause says it all, no stack trace
                    LOG.warnf(message, rootMessage(e));
                } else {
                    LOG.warnf(e, message, e.getMessage());
                }
            }
            return;
        }
        if (failing) {
            failing = false;
            LOG.info("Following provisioning runs works again");
        }
    }

    private static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true; // SQLSTATE class 08: connection exception
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
