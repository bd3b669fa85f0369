package dev.bearing.report;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.jboss.logging.Logger;

/**
 * Routes openhtmltopdf's own log (which otherwise prints its progress at INFO straight to the
 * console on every render) into the application log, keeping only warnings and errors.
 */
final class PdfRendererLog implements XRLogger {

    private static final Logger LOG = Logger.getLogger("com.openhtmltopdf");

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            LOG.errorf(th, "%s: %s", where, msg);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            LOG.warnf(th, "%s: %s", where, msg);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels come from the application's log configuration
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue();
    }
}
