package dev.bearing.security;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that encrypts login sessions. Without {@code BEARING_SESSION_KEY}, Quarkus would make a
 * temporary key and print it in the log, where anyone who reads the log could forge an admin's
 * session. Before Quarkus boots, this makes a random key instead (256 bits, never logged), so
 * sessions last until the next restart; set {@code BEARING_SESSION_KEY} for sessions that survive
 * restarts and work across replicas.
 */
public final class SessionKey {

    /** The Quarkus setting the key goes to. */
    static final String PROPERTY = "quarkus.http.auth.session.encryption-key";

    private SessionKey() {
    }

    /** Sets a random session key as a system property unless one is configured. */
    public static void ensure() {
        String configured = System.getenv("BEARING_SESSION_KEY");
        if (configured != null && !configured.isBlank() || System.getProperty(PROPERTY) != null) {
            return;
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        System.setProperty(PROPERTY, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
    }
}
