package dev.bearing;

import dev.bearing.common.EmbeddedDatabase;
import dev.bearing.evaluation.RuleEngine;
import dev.bearing.security.SessionKey;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of the packaged application. Before Quarkus boots, it makes a session key unless
 * one is configured ({@link SessionKey}); the rule base ({@link RuleEngine#compileAhead}) and the
 * embedded PostgreSQL (unless an external database is configured, see {@link EmbeddedDatabase})
 * then start on threads of their own while Quarkus boots.
 */
@QuarkusMain
public final class BearingMain {

    private BearingMain() {
    }

    /**
     * Starts the embedded database when needed, then runs Bearing until it is stopped.
     *
     * @param args command-line arguments, passed on to Quarkus
     */
    public static void main(String... args) {
        // the rule base loads (2–3 s when it compiles) while PostgreSQL starts and Quarkus boots; the
        // folder as application.properties names it (bearing.rules.dir=${BEARING_RULES_DIR:rules})
        String rules = System.getProperty("bearing.rules.dir", System.getenv("BEARING_RULES_DIR"));
        RuleEngine.compileAhead(rules == null || rules.isBlank() ? "rules" : rules);
        SessionKey.ensure();
        EmbeddedDatabase.startUnlessConfigured();
        Quarkus.run(args);
    }
}
