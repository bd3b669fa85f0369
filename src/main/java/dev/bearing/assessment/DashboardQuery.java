package dev.bearing.assessment;

import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import dev.bearing.common.ProblemTypes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a dashboard page shows: which assessments (status, archived, organisation name contains)
 * in which order, and which page of them.
 *
 * @param status only assessments in this status, or null for all
 * @param archived true for the archived assessments only; false (the default) hides them
 * @param organisation only organisations whose name contains this, any case; null for all
 * @param sort the order
 * @param page 1-based page number
 * @param size assessments per page, 1..{@value #MAX_SIZE}
 */
public record DashboardQuery(DashboardStatus status, boolean archived, String organisation, DashboardSort sort,
        int page, int size) {

    /** Assessments per page when none is asked for. */
    public static final int DEFAULT_SIZE = 20;

    /** The largest page. */
    public static final int MAX_SIZE = 100;

    /** The parameters a dashboard URL takes. */
    public static final Set<String> PARAMETERS = Set.of("status", "organisation", "sort", "page", "size");

    /** The status value that lists archived assessments. */
    public static final String ARCHIVED = "archived";

    /** The first page of every assessment not archived, most recent activity first. */
    public static DashboardQuery defaults() {
        return new DashboardQuery(null, false, null, DashboardSort.DEFAULT, 1, DEFAULT_SIZE);
    }

    /**
     * Reads the query from URL parameters; absent or empty parameters take their defaults.
     *
     * @param params query parameters as received (name to all its values)
     * @param strict true to refuse parameters other than {@link #PARAMETERS} (the API); pages ignore them
     * @return the query
     * @throws ProblemException 400 naming the first parameter at fault: unknown, repeated, or a bad value
     */
    public static DashboardQuery parse(Map<String, List<String>> params, boolean strict) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!PARAMETERS.contains(e.getKey())) {
                if (strict) {
                    errors.add(new Problem.FieldError(e.getKey(),
                            "is not a parameter of this list; use status, organisation, sort, page or size"));
                }
            } else if (e.getValue().size() > 1) {
                errors.add(new Problem.FieldError(e.getKey(), "is given " + e.getValue().size() + " times; give it once"));
            }
        }
        String statusValue = single(params, "status");
        DashboardStatus status = null;
        boolean archived = false;
        if (statusValue != null) {
            if (statusValue.equalsIgnoreCase(ARCHIVED)) {
                archived = true;
            } else {
                status = DashboardStatus.fromParam(statusValue).orElse(null);
                if (status == null) {
                    errors.add(new Problem.FieldError("status", "must be one of " + DashboardStatus.params() + ", "
                            + ARCHIVED + " (or empty for every assessment not archived), was '" + clip(statusValue) + "'"));
                }
            }
        }
        String organisation = single(params, "organisation");
        if (organisation != null && organisation.length() > 200) {
            errors.add(new Problem.FieldError("organisation", "must be at most 200 characters, was " + organisation.length()));
        }
        String sortValue = single(params, "sort");
        DashboardSort sort = DashboardSort.DEFAULT;
        if (sortValue != null) {
            sort = DashboardSort.fromParam(sortValue).orElse(null);
            if (sort == null) {
                errors.add(new Problem.FieldError("sort", "must be one of " + DashboardSort.params() + ", was '"
                        + clip(sortValue) + "'"));
                sort = DashboardSort.DEFAULT;
            }
        }
        int page = number(params, "page", 1, 1, 1_000_000, errors);
        int size = number(params, "size", DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            Problem.FieldError first = errors.get(0);
            throw new ProblemException(400, "Invalid input", first.field() + ": " + first.message(), errors,
                    ProblemTypes.INVALID_VALUE);
        }
        return new DashboardQuery(status, archived, organisation, sort, page, size);
    }

    /** @return the status as a URL value: a status, {@code archived}, or "" for all */
    public String statusParam() {
        return archived ? ARCHIVED : status == null ? "" : status.param();
    }

    /** @return whether any filter narrows the list (status, archived or organisation) */
    public boolean filtered() {
        return status != null || archived || organisation != null;
    }

    /** @return this query on another page */
    public DashboardQuery onPage(int other) {
        return new DashboardQuery(status, archived, organisation, sort, other, size);
    }

    /**
     * @param other page number
     * @return the URL query string (starting with {@code ?}) of this query on that page, leaving
     *     out parameters at their defaults
     */
    public String link(int other) {
        StringBuilder s = new StringBuilder();
        append(s, "status", statusParam());
        append(s, "organisation", organisation);
        append(s, "sort", sort == DashboardSort.DEFAULT ? null : sort.param());
        append(s, "page", other == 1 ? null : String.valueOf(other));
        append(s, "size", size == DEFAULT_SIZE ? null : String.valueOf(size));
        return s.length() == 0 ? "?" : s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null && !value.isEmpty()) {
            s.append(s.length() == 0 ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return null;
        }
        return dev.bearing.common.UserText.stripInvisible(values.get(0)).strip();
    }

    private static int number(Map<String, List<String>> params, String name, int fallback, int min, int max,
            List<Problem.FieldError> errors) {
        String v = single(params, name);
        if (v == null) {
            return fallback;
        }
        // ASCII digits only: Integer.parseInt also reads "+2" and other scripts' digits ("２", "٢")
        if (v.matches("[0-9]{1,9}")) {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        }
        errors.add(new Problem.FieldError(name, "must be a whole number from " + min + " to " + max + ", was '" + clip(v) + "'"));
        return fallback;
    }

    private static String clip(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
