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
}
