package dev.bearing.common;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Holds back Flyway, the first to connect at start-up (Hibernate and everything else come after
 * the migrations), until the embedded PostgreSQL that {@code BearingMain} started alongside
 * Quarkus' boot accepts connections ({@link EmbeddedDatabase#awaitReady}); with an external
 * database it does nothing.
 */
@Singleton
public class EmbeddedDatabaseWait implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        EmbeddedDatabase.awaitReady();
    }
}
