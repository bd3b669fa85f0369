package dev.bearing.evaluation;

import java.util.List;

/**
 * One DORA peer group and the client's answered metrics compared with it.
 *
 * @param kind {@code INDUSTRY} or {@code SIZE}
 * @param key the group's key in the benchmark file, e.g. {@code financial_services}; {@code all} when the
 *        requested key is absent or unknown for the edition
 * @param name DORA's name for the group, e.g. {@code Financial Services}, {@code All industries}
 * @param metrics answered metrics in DORA's order: leadtime, deployfreq, failurerecovery, changefailure, rework
 */
public record PeerGroup(String kind, String key, String name, List<MetricComparison> metrics) {

    /** Kind of a group compared by industry. */
    public static final String INDUSTRY = "INDUSTRY";
    /** Kind of a group compared by organisation size. */
    public static final String SIZE = "SIZE";

    /**
     * @param key an industry group's key
     * @param name DORA's name for it
     * @return its respondents in words: "Financial Services respondents"; for DORA's "Other"
     *     group, "respondents who gave their industry as "other"" (not "other industries", which
     *     would read as every industry but the client's)
     */
    public static String industryRespondents(String key, String name) {
        return "other".equals(key) ? "respondents who gave their industry as \"other\"" : name + " respondents";
    }
}
