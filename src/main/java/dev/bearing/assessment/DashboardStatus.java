package dev.bearing.assessment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where an assessment stands, as the dashboard shows it. Stored in {@code assessment.status}, a
 * column the database derives from counters that triggers keep (schema V5), first match wins:
 * approved, in review, evaluated, submitted, in progress, inviting.
 */
public enum DashboardStatus {

    /** Nobody has started the survey yet (including before any respondent is added). */
    INVITING("Inviting"),
    /** At least one respondent has started or submitted, not all have submitted. */
    IN_PROGRESS("In progress"),
    /** Every respondent added has submitted; not evaluated yet. */
    SUBMITTED("Submitted"),
    /** Evaluated; no review edit since the latest evaluation. */
    EVALUATED("Evaluated"),
    /** A review edit was made after the latest evaluation and not approved since. */
    IN_REVIEW("In review"),
    /** The latest evaluation, with its edits, is approved as a version. */
    APPROVED("Approved");

    private final String label;

    DashboardStatus(String label) {
        this.label = label;
    }

    /** @return the words shown on the dashboard, e.g. "In progress" */
    public String label() {
        return label;
    }

    /** @return the value used in URLs, e.g. {@code in-progress} */
    public String param() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param value e.g. {@code in-progress}, {@code IN_PROGRESS} (any case, hyphen or underscore)
     * @return the status, if the value names one
     */
    public static Optional<DashboardStatus> fromParam(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.name().equals(v)).findFirst();
    }

    /** @return the URL values, comma-separated, for messages */
    public static String params() {
        return Arrays.stream(values()).map(DashboardStatus::param).collect(Collectors.joining(", "));
    }
}
