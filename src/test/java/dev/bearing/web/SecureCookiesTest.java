package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecureCookiesTest {

    @Test
    void behindAnHttpsProxyEveryCookieIsMarkedSecureOnce() {
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        h.add("Set-Cookie", "bearing-session=abc; Path=/; HTTPOnly; SameSite=Strict");
        h.add("Set-Cookie", "csrf-token=x; Path=/; HttpOnly; Secure");
        h.add("Content-Type", "text/html");
        RequestGuards.secureCookies(h);
        assertEquals(List.of("bearing-session=abc; Path=/; HTTPOnly; SameSite=Strict; Secure",
                "csrf-token=x; Path=/; HttpOnly; Secure"), h.getAll("Set-Cookie"));
        assertEquals("text/html", h.get("Content-Type"));
    }
}
