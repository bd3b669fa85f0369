package dev.bearing.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * in a URL, a log or the database. A second secret can be made before the page showing the first
 * has loaded (the admin adds two accounts quickly, two tabs each create an API token), so each
 * travels in a cookie of its own, named by what it belongs to.
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
     * Seals a secret for the page that shows it, in a cookie of its own for {@code owner}, so a
     * second secret made before the page showing the first has loaded (a second account added, a
     * second API token created) does not overwrite the first: the page opens every one
     * ({@link #openAll}).
     *
     * @param path the page that shows the secret, e.g. {@code /account}
     * @param owner what the secret belongs to, letters and digits (e.g. the account's or token's
     *     id); a second secret for the same owner replaces the first (only the newest one is valid)
     * @param accountId the account that made it (the only one that may read it)
     * @param secret the text to show once
     * @param https whether the cookie is for HTTPS only
     * @return the cookie to send with the 303
     */
    NewCookie carry(String path, String owner, long accountId, String secret, boolean https) {
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
            return cookie(name(owner), path, value, SECONDS, https);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /**
     * @param cookies the request's cookies
     * @param path the page asking
     * @param accountId the account asking
     * @return every secret carried to this page for this account (the keyed cookies, and the plain
     *     {@link #COOKIE} an older version set), oldest first
     */
    List<String> openAll(Map<String, Cookie> cookies, String path, long accountId) {
        // expiry is in whole seconds, so secrets made within one second are ordered by their owner's
        // number (account ids grow as accounts are made), then by cookie name
        Comparator<Map.Entry<String, Opened>> order = Comparator.comparingLong(e -> e.getValue().expires());
        order = order.thenComparingLong(e -> ownerNumber(e.getKey())).thenComparing(Map.Entry::getKey);
        return cookies.entrySet().stream().filter(e -> carries(e.getKey()))
                .flatMap(e -> opened(e.getValue().getValue(), path, accountId).stream().map(o -> Map.entry(e.getKey(), o)))
                .sorted(order).map(e -> e.getValue().secret()).toList();
    }

    /** @return the number a keyed cookie's name ends with ({@code bearing-once-42} → 42), or -1 */
    private static long ownerNumber(String cookieName) {
        String owner = cookieName.startsWith(COOKIE + "-") ? cookieName.substring(COOKIE.length() + 1) : "";
        return owner.matches("\\d{1,18}") ? Long.parseLong(owner) : -1;
    }

    /** @return the cookies that remove every secret the request carried (sent with the page that shows them) */
    NewCookie[] clearAll(Map<String, Cookie> cookies, String path, boolean https) {
        return cookies.keySet().stream().filter(OneTimeFlash::carries).map(n -> cookie(n, path, "", 0, https))
                .toArray(NewCookie[]::new);
    }

    private record Opened(long expires, String secret) {
    }

    private Optional<Opened> opened(String value, String path, long accountId) {
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
                return Optional.of(new Opened(Long.parseLong(parts[2]), parts[3]));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // tampered with, made by another key (a restart without BEARING_SESSION_KEY) or malformed: nothing to show
        }
        return Optional.empty();
    }

    private static String name(String owner) {
        if (owner == null || !owner.matches("[A-Za-z0-9]{1,40}")) {
            throw new IllegalArgumentException("a one-time cookie's owner holds letters and digits only: " + owner);
        }
        return COOKIE + "-" + owner;
    }

    private static boolean carries(String cookieName) {
        return cookieName.equals(COOKIE) || cookieName.startsWith(COOKIE + "-");
    }

    private static NewCookie cookie(String name, String path, String value, int maxAge, boolean https) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAge).httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
