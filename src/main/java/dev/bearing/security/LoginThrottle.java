package dev.bearing.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username (known or not, so a lock says nothing about whether an
 * account exists) and per client address, within a 15-minute window. From the third failure on,
 * each failed answer is held back (1 s, 2 s, then 4 s); the fifth failure for a username or the
 * twentieth for an address locks it for 15 minutes, during which logins are refused without the
 * password being checked. A success clears its username's count. An admin who unlocks an account
 * (or resets its password) also lifts the pause of every address its failures came from, so a
 * script retrying one account's old password does not keep the whole office out. Kept in memory,
 * per replica; a known account's lock is also written to the database ({@link Account#lockedUntil})
 * so it survives a restart and shows on the admin page.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Failures before answers are held back. */
    static final int SLOW_AFTER = 2;
    /** Failures that lock a username. */
    static final int LOCK_USERNAME_AFTER = 5;
    /** Failures that lock an address (a shared office address tries many usernames). */
    static final int LOCK_ADDRESS_AFTER = 20;
    /** How long a window of failures, and a lock, lasts. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    private record Failures(int count, Instant since, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    /** username key -> the addresses its failures came from in the window (to lift with it) */
    private final Map<String, java.util.Set<String>> addressesOf = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    /** @return whether logins for this username or from this address are locked now */
    public boolean locked(String username, String address) {
        Instant now = clock.instant();
        return lockedKey(userKey(username), now) || lockedKey(addressKey(address), now);
    }

    /**
     * Records a failure.
     *
     * @return how long to hold back the failed answer
     */
    public Duration failed(String username, String address) {
        Instant now = clock.instant();
        int u = bump(userKey(username), LOCK_USERNAME_AFTER, now);
        int a = bump(addressKey(address), LOCK_ADDRESS_AFTER, now);
        if (addressesOf.size() < 100_000) {
            addressesOf.computeIfAbsent(userKey(username), k -> ConcurrentHashMap.newKeySet()).add(addressKey(address));
        }
        int worst = Math.max(u, a / 4);
        if (worst <= SLOW_AFTER) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(Math.min(4, 1L << Math.min(2, worst - SLOW_AFTER - 1)));
    }

    /** Clears a username's failures after a successful login. */
    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    /**
     * An admin lifts a username's lock: its failures and the pause of every address they came from.
     *
     * @return how many paused addresses were lifted
     */
    public int lift(String username) {
        Instant now = clock.instant();
        failures.remove(userKey(username));
        java.util.Set<String> addresses = addressesOf.remove(userKey(username));
        int lifted = 0;
        for (String a : addresses == null ? java.util.Set.<String>of() : addresses) {
            if (lockedKey(a, now)) {
                lifted++;
            }
            failures.remove(a);
        }
        return lifted;
    }

    /** @return whether logins from this address are paused now, whatever the username */
    public boolean addressLocked(String address) {
        return lockedKey(addressKey(address), clock.instant());
    }

    /** @return failures counted for the username in the current window (0 when none) */
    public int failuresOf(String username) {
        Failures f = failures.get(userKey(username));
        return f == null || f.since().plus(WINDOW).isBefore(clock.instant()) ? 0 : f.count();
    }

    private int bump(String key, int lockAfter, Instant now) {
        Failures f = failures.compute(key, (k, old) -> {
            if (old == null || old.since().plus(WINDOW).isBefore(now) && (old.lockedUntil() == null || old.lockedUntil().isBefore(now))) {
                return new Failures(1, now, null);
            }
            int count = old.count() + 1;
            Instant lock = count >= lockAfter ? now.plus(WINDOW) : old.lockedUntil();
            return new Failures(count, old.since(), lock);
        });
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> e.getValue().since().plus(WINDOW.multipliedBy(2)).isBefore(now));
            addressesOf.keySet().removeIf(k -> !failures.containsKey(k));
        }
        return f.count();
    }

    private boolean lockedKey(String key, Instant now) {
        Failures f = failures.get(key);
        return f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now);
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + (address == null ? "unknown" : address);
    }
}
