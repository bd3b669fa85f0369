package dev.bearing.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates unguessable tokens: 32 bytes (256 bits) from {@link SecureRandom}, URL-safe Base64
 * without padding (43 characters).
 */
@ApplicationScoped
public class TokenGenerator {

    private final SecureRandom random = new SecureRandom();

    /** @return a new 43-character URL-safe token */
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param token a token as handed out (survey link or API token), may be null
     * @return its SHA-256 as 64 lower-case hex characters, what the database keeps instead of the
     *     token (a 256-bit random token needs no salt or slow hash)
     */
    public static String hash(String token) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
