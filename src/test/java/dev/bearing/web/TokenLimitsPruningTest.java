package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.common.BearingConfig;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * The per-link budgets stay cheap with many links: 30,000 respondents saving within a minute
 * (bench/parts/20-autosave) keep every budget (their limits still hold) and the budgets are
 * scanned for idle ones a handful of times, not once per request (which took three quarters of
 * the server's CPU); links idle for a minute are forgotten once new links arrive.
 */
class TokenLimitsPruningTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void manyActiveLinksKeepTheirBudgetsWithFewScans() {
        TokenLimits limits = limits();
        long t = 0;
        for (int i = 0; i < 30_000; i++) {
            t += SECOND / 1000; // 1,000 saves a second: every link active within the last minute
            assertEquals(0, limits.acquire("link-" + i, t));
            limits.release("link-" + i);
        }
        assertEquals(30_000, limits.tracked());
        assertTrue(limits.scans <= 2, "scans: " + limits.scans);
    }

    @Test
    void idleLinksAreForgottenWhenNewOnesArrive() {
        TokenLimits limits = limits();
        for (int i = 0; i < TokenLimits.MAX_TRACKED; i++) {
            assertEquals(0, limits.acquire("old-" + i, 0));
            limits.release("old-" + i);
        }
        assertEquals(0, limits.acquire("busy", 0)); // in flight, never released
        long later = TokenLimits.IDLE_NANOS + SECOND;
        assertEquals(0, limits.acquire("new", later));
        assertEquals(2, limits.tracked(), "the busy link and the new one");
        // the busy link's request still counts: its budget was kept
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limits.acquire("busy", later));
        }
        assertEquals(1, limits.acquire("busy", later), "a fifth request at once waits");
    }

    private static TokenLimits limits() {
        BearingConfig.Limits l = (BearingConfig.Limits) Proxy.newProxyInstance(TokenLimits.class.getClassLoader(),
                new Class<?>[] { BearingConfig.Limits.class }, (p, m, a) -> switch (m.getName()) {
                    case "concurrentPerToken" -> 4;
                    case "perSecond" -> 10;
                    case "burst" -> 30;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        TokenLimits limits = new TokenLimits();
        limits.config = (BearingConfig) Proxy.newProxyInstance(TokenLimits.class.getClassLoader(),
                new Class<?>[] { BearingConfig.class }, (p, m, a) -> {
                    if (m.getName().equals("limits")) {
                        return l;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return limits;
    }
}
