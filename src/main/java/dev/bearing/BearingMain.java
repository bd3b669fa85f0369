package dev.bearing;

import dev.bearing.common.EmbeddedDatabase;
import dev.bearing.evaluation.RuleEngine;
import dev.bearing.security.ResetPasswordCommand;
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
     * Starts the embedded database when needed, then runs Bearing until it is stopped; or, with
     * {@code reset-password USERNAME}, gives that account a one-time password and exits
     * ({@link ResetPasswordCommand}: no HTTP listener, no demo, no scheduled work).
     *
     * @param args command-line arguments, passed on to Quarkus
     */
    public static void main(String... args) {
        if (args.length > 0 && args[0].equals(ResetPasswordCommand.NAME)) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.scheduler.enabled", "false");
            System.setProperty("quarkus.banner.enabled", "false");
            System.setProperty("quarkus.log.level", "WARN");
            System.setProperty("bearing.demo.enabled", "false");
            SessionKey.ensure();
            try {
                EmbeddedDatabase.startUnlessConfigured();
            } catch (IllegalStateException inUse) {
                // "… belongs to a running Bearing (pid …). Stop that one, or set BEARING_DATA_DIR …": another
                // folder would be another database, so only the first half helps here
                String why = inUse.getMessage();
                int advice = why.indexOf(" Stop that one");
                System.err.println("bearing " + ResetPasswordCommand.NAME + ": " + (advice > 0 ? why.substring(0, advice) : why)
                        + " Stop it first: the command changes the same database.");
                System.exit(1);
            }
            Quarkus.run(ResetPasswordCommand.class, args);
            return;
        }
        // the rule base loads (2–3 s when it compiles) while PostgreSQL starts and Quarkus boots; the
        // folder as application.properties names it (bearing.rules.dir=${BEARING_RULES_DIR:rules})
        String rules = System.getProperty("bearing.rules.dir", System.getenv("BEARING_RULES_DIR"));
        RuleEngine.compileAhead(rules == null || rules.isBlank() ? "rules" : rules);
        SessionKey.ensure();
        EmbeddedDatabase.startUnlessConfigured();
        Quarkus.run(args);
    }
}
