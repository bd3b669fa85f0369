package dev.bearing.assessment;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dashboard's orders. The URL value is the field, with a leading {@code -} for descending
 * ({@code -activity} = most recent activity first). Ties are broken by assessment id in the same
 * direction, so every page is stable. Assessments not evaluated yet come last when sorting by stage.
 */
public enum DashboardSort {

    ACTIVITY_NEWEST("-activity", "Last activity, most recent first", "a.last_activity_at desc, a.id desc"),
    ACTIVITY_OLDEST("activity", "Last activity, longest quiet first", "a.last_activity_at, a.id"),
    CREATED_NEWEST("-created", "Created, newest first", "a.created_at desc, a.id desc"),
    CREATED_OLDEST("created", "Created, oldest first", "a.created_at, a.id"),
    ORGANISATION_AZ("organisation", "Organisation, A to Z", "a.organisation_sort, a.id"),
    ORGANISATION_ZA("-organisation", "Organisation, Z to A", "a.organisation_sort desc, a.id desc"),
    STAGE_MOST("-stage", "Stage, most mature first", "a.stage_rank desc nulls last, a.id desc"),
    STAGE_LEAST("stage", "Stage, least mature first", "a.stage_rank nulls last, a.id");

    /** The order used when none is asked for. */
    public static final DashboardSort DEFAULT = ACTIVITY_NEWEST;

    private final String param;
    private final String label;
    private final String orderBy;

    DashboardSort(String param, String label, String orderBy) {
        this.param = param;
        this.label = label;
        this.orderBy = orderBy;
    }

    /** @return the URL value, e.g. {@code -activity} */
    public String param() {
        return param;
    }

    /** @return the words in the sort menu */
    public String label() {
        return label;
    }

    /** @return the SQL ORDER BY list over aliases {@code a} (assessment) and {@code o} (organisation) */
    String orderBy() {
        return orderBy;
    }

    /** @return the sort a URL value names, if any (exact, case-insensitive) */
    public static Optional<DashboardSort> fromParam(String value) {
        String v = value.strip();
        return Arrays.stream(values()).filter(s -> s.param.equalsIgnoreCase(v)).findFirst();
    }

    /** @return the URL values, comma-separated, for messages */
    public static String params() {
        return Arrays.stream(values()).map(DashboardSort::param).collect(Collectors.joining(", "));
    }
}
