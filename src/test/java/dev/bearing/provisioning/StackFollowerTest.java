package dev.bearing.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.ShutdownEvent;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The follower and the application's stop, and what it writes to the log when a tick fails. A
 * user saw, on SIGTERM, a WARN with a long stack trace ("ArC container not initialized"): a tick
 * under way outlived the beans it used. Now no tick starts once the stop has begun, the stop waits
 * for one under way, and one cut short logs nothing at WARN; while the database is unreachable a
 * single line without a stack trace; a stack trace only for a failure nobody expects.
 */
class StackFollowerTest {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(StackFollower.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    /** A follower whose every tick fails with {@code failure}. */
    private static StackFollower failingWith(RuntimeException failure) {
        StackFollower follower = new StackFollower();
        follower.provisioning = new ProvisioningService() {
            @Override
            public int followDue(int limit) {
                throw failure;
            }
        };
        return follower;
    }

    private List<LogRecord> warnings() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    @Test
    void noTickRunsOnceTheStopHasBegun() {
        AtomicInteger calls = new AtomicInteger();
        StackFollower follower = new StackFollower();
        follower.provisioning = new ProvisioningService() {
            @Override
            public int followDue(int limit) {
                calls.incrementAndGet();
                return 0;
            }
        };
        follower.tick();
        follower.stopping(new ShutdownEvent());
        follower.tick();
        assertEquals(1, calls.get(), "only the tick before the stop followed runs");
    }

    @Test
    void theStopWaitsForATickUnderWay() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StackFollower follower = new StackFollower();
        follower.provisioning = new ProvisioningService() {
            @Override
            public int followDue(int limit) {
                entered.countDown();
                await(release);
                return 0;
            }
        };
        Thread tick = new Thread(follower::tick);
        tick.start();
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        Thread stop = new Thread(() -> follower.stopping(new ShutdownEvent()));
        stop.start();
        stop.join(300);
        assertTrue(stop.isAlive(), "the stop waits while the tick still uses the database");
        release.countDown();
        stop.join(5000);
        assertFalse(stop.isAlive(), "the stop goes on once the tick is done");
        tick.join(5000);
        assertEquals(List.of(), warnings());
    }

    @Test
    void aTickCutShortByTheStopLogsNoWarning() throws Exception {
        // what a tick met when the stop did not wait for it (seen with SIGTERM ~0.5 s after start)
        StackFollower follower = new StackFollower();
        follower.provisioning = new ProvisioningService() {
            @Override
            public int followDue(int limit) {
                while (!follower.stopping) {
                    Thread.onSpinWait();
                }
                throw new RuntimeException("Error injecting dev.bearing.provisioning.AwsAccess "
                        + "dev.bearing.provisioning.ProvisioningService.aws",
                        new IllegalStateException("ArC container not initialized"));
            }
        };
        Thread tick = new Thread(follower::tick);
        tick.start();
        follower.stopping(new ShutdownEvent());
        tick.join(5000);
        assertFalse(tick.isAlive());
        assertEquals(List.of(), warnings().stream().map(LogRecord::getMessage).toList());
        assertTrue(records.stream().allMatch(r -> r.getThrown() == null), "no stack trace at any level");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anUnreachableDatabaseIsOneWarningWithItsCauseAndNoStackTrace() {
        StackFollower follower = failingWith(new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:9 refused.", "08001")));
        follower.tick();
        follower.tick();
        List<LogRecord> warnings = warnings();
        assertEquals(1, warnings.size(), "said once, not every tick");
        assertTrue(formatted(warnings.get(0)).contains("Connection to 127.0.0.1:9 refused."), formatted(warnings.get(0)));
        assertNull(warnings.get(0).getThrown());
    }

    @Test
    void anUnexpectedFailureKeepsItsStackTrace() {
        StackFollower follower = failingWith(new IllegalArgumentException("a bug"));
        follower.tick();
        List<LogRecord> warnings = warnings();
        assertEquals(1, warnings.size());
        assertNotNull(warnings.get(0).getThrown());
    }

    private static String formatted(LogRecord r) {
        return r.getParameters() == null ? r.getMessage() : String.format(r.getMessage(), r.getParameters());
    }
}
