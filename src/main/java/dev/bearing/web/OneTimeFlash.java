package dev.bearing.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries a one-time secret (a new API token, a one-time password) from the form POST that made it
 * across its 303 to the GET page that shows it once, so a reload never makes a second one. The
 * secret travels in a cookie encrypted and authenticated with AES-GCM under a key derived from the
 * session key ({@code BEARING_SESSION_KEY}, so any replica reads it; without one, a random key of
 * this process), HttpOnly, SameSite=Strict, scoped to the one page's path, two minutes long. It
 * opens only for the account that made it and only for the page it was made for; the page that
 * shows it clears it, so a reload or the back button no longer shows the secret. It never appears
 * in a URL, a log or the database.
 */
@ApplicationScoped
public class OneTimeFlash {

    /** Name of the cookie. */
    static final String COOKIE = "bearing-once";

    /** How long the secret waits for its page, in seconds. */
    static final int SECONDS = 120;

    private static final int IV_BYTES = 12;

    // Optional: an empty setting reads as absent (a String with an empty default fails to load)
    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    java.util.Optional<String> sessionKey;

    @Inject
    Clock clock;

    private SecretKeySpec key;

    private final SecureRandom random = new SecureRandom();

    @PostConstruct
    void init() {
        byte[] material = new byte[32];
        if (sessionKey.isEmpty() || sessionKey.get().isBlank()) {
            random.nextBytes(material);
        } else {
            try {
                material = MessageDigest.getInstance("SHA-256")
                        .digest(("bearing one-time flash\n" + sessionKey.get()).getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }
        key = new SecretKeySpec(material, "AES");
    }

    /**
     * @param path the page that shows the secret, e.g. {@code /account}
     * @param accountId the account that made it (the only one that may read it)
     * @param secret the text to show once (no line breaks)
     * @param https whether the cookie is for HTTPS only
     * @return the cookie to send with the 303
     */
    NewCookie carry(String path, long accountId, String secret, boolean https) {
        long expires = clock.instant().getEpochSecond() + SECONDS;
        byte[] plain = (accountId + "\n" + path + "\n" + expires + "\n" + secret).getBytes(StandardCharsets.UTF_8);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(plain);
            String value = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
            return cookie(path, value, SECONDS, https);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /**
     * @param value the cookie's value, may be null
     * @param path the page asking
     * @param accountId the account asking
     * @return the secret, when the cookie was made for this page and account and has not expired
     */
    Optional<String> open(String value, String path, long accountId) {
        if (value == null || value.isEmpty() || value.length() > 2000) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(value);
            if (all.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            String[] parts = new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8).split("\n", 4);
            if (parts.length == 4 && parts[0].equals(Long.toString(accountId)) && parts[1].equals(path)
                    && Long.parseLong(parts[2]) >= clock.instant().getEpochSecond()) {
                return Optional.of(parts[3]);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // tampered with, made by another key (a restart without BEARING_SESSION_KEY) or malformed: nothing to show
        }
        return Optional.empty();
    }

    /** @return the cookie that removes the secret (sent with the page that shows it) */
    NewCookie clear(String path, boolean https) {
        return cookie(path, "", 0, https);
    }

    private static NewCookie cookie(String path, String value, int maxAge, boolean https) {
        return new NewCookie.Builder(COOKIE).value(value).path(path).maxAge(maxAge).httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
