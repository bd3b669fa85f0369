package dev.bearing.security;

import dev.bearing.common.BearingConfig;
import dev.bearing.common.ProblemException;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;

/**
 * {@code bearing reset-password USERNAME}: gives an account a new one-time password from the
 * server's command line, for when nobody can log in as an admin. Run with Bearing's settings
 * (the same database) and no HTTP listener; with the embedded database, stop Bearing first.
 */
@jakarta.inject.Singleton
public class ResetPasswordCommand implements QuarkusApplication {

    /** The command's name, the first argument. */
    public static final String NAME = "reset-password";

    /** Exit status for a wrong command line (as sysexits' EX_USAGE). */
    static final int USAGE = 64;

    /** Exit status when the account is not there (as sysexits' EX_NOUSER). */
    static final int NO_USER = 67;

    @Inject
    AccountService accounts;

    @Inject
    BearingConfig config;

    @Override
    public int run(String... args) {
        return run(System.out, System.err, args);
    }

    /** @return the exit status; what the operator reads goes to {@code out}, faults to {@code err} */
    int run(PrintStream out, PrintStream err, String... args) {
        if (args.length != 2 || args[1].isBlank()) {
            err.println("usage: bearing " + NAME + " USERNAME");
            err.println("  Gives the account a new one-time password, enables it and lifts any lock; its API tokens stop working.");
            return USAGE;
        }
        AccountService.OneTime reset;
        try {
            reset = accounts.recover(args[1]);
        } catch (ProblemException noSuchAccount) {
            err.println("bearing " + NAME + ": " + noSuchAccount.errors().get(0).message());
            return NO_USER;
        }
        out.println("One-time password for \"" + reset.account().username() + "\": " + reset.secret());
        out.println("Log in at " + config.publicUrl() + "/login; the password must be changed at that login.");
        out.println("The account is enabled, any lock is lifted, and its API tokens no longer work. "
                + "The audit log records the reset.");
        return 0;
    }
}
