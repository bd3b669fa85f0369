package dev.bearing.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Produces the {@link Clock} that all domain code reads time from (UTC). */
@ApplicationScoped
public class TimeAndTokens {

    /** @return the system clock in UTC; tests may replace it with an alternative bean */
    @Produces
    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
