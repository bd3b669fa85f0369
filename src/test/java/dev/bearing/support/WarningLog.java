package dev.bearing.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The warnings the application logs while it is open: records at WARN or above that carry a stack
 * trace, or come from the transaction manager (Narayana, {@code com.arjuna}) or Hibernate's JDBC
 * error log. An expected refusal of bad input logs none of them. Tests run in the application's
 * JVM, so a handler on the root logger sees what the application logs.
 */
public final class WarningLog implements AutoCloseable {

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String name = r.getLoggerName() == null ? "" : r.getLoggerName();
            if (r.getLevel().intValue() >= Level.WARNING.intValue() && (r.getThrown() != null
                    || name.startsWith("com.arjuna") || name.startsWith("org.hibernate.orm.jdbc.error")
                    || name.startsWith("org.hibernate.engine.jdbc.spi.SqlExceptionHelper"))) {
                seen.add(name + ": " + r.getMessage() + (r.getThrown() == null ? "" : " with " + r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private WarningLog() {
        Logger.getLogger("").addHandler(handler);
    }

    /** @return a capture that lasts until it is closed */
    public static WarningLog open() {
        return new WarningLog();
    }

    /** @return what was logged so far, "logger: message" */
    public List<String> warnings() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
