package dev.bearing.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Produces the {@link Clock} that all domain code reads time from (UTC). */
@ApplicationScoped
public class ClockProducer {

    /**
     * @return the system clock in UTC, ticking in microseconds: PostgreSQL stores timestamps to
     *     the microsecond, so an instant read back equals the one returned when it was written
     */
    @Produces
    @Singleton
    public Clock clock() {
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
    }
}
