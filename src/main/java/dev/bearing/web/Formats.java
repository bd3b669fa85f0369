package dev.bearing.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Template extensions for the pages: times as people read them. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** @return e.g. "30 November 2026 at 16:24 UTC"; "" for null */
    static String human(Instant instant) {
        return dev.bearing.common.UserText.when(instant);
    }

    /** @return e.g. "30 Nov 2026" (UTC); "" for null */
    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** @return a delivery band as the report names it: "Medium" for MEDIUM, "Not enough answers" for UNKNOWN */
    static String bandLabel(String band) {
        return dev.bearing.report.ReportView.deliveryBandLabel(band);
    }

    /** @return rounded to a whole number, as the report and the review page show the maturity index and percentile */
    static long whole(Number n) {
        return Math.round(n.doubleValue());
    }

    /**
     * @return an amount of money as people write it, always with cents: "113.00", "1,234.50"
     *     (the currency code goes before it, "USD 113.00")
     */
    static String money(Number n) {
        return String.format(Locale.UK, "%,.2f", n.doubleValue());
    }

    /** @return e.g. "30,000" */
    static String grouped(Number n) {
        return String.format(Locale.UK, "%,d", n.longValue());
    }
}
