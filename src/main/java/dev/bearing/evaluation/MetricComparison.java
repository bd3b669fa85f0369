package dev.bearing.evaluation;

/**
 * One metric of the client against one peer group, all on DORA's 0..10 score scale, higher is better.
 *
 * @param metric DORA key: leadtime, deployfreq, failurerecovery, changefailure or rework
 * @param metricName DORA's label, e.g. {@code Lead time for changes}
 * @param clientScore the client's score 0..10: option 1..6 recoded linearly (1 = 0, 6 = 10), or
 *        {@code 10 - percent / 10} for change fail rate and rework rate
 * @param peerMean the group's mean score, 0..10 (instability-scale figures of the file already inverted)
 * @param peerStd the group's standard deviation, in score points
 * @param percentile 0..100, the share of the group the client scores above, assuming scores are normally
 *        distributed: {@code 100 * Phi((clientScore - peerMean) / peerStd)}; Bearing's estimate, not a DORA figure
 * @param words the percentile for readers, rounded to 5, e.g. {@code better than about 70 % of Financial Services respondents}
 */
public record MetricComparison(String metric, String metricName, double clientScore, double peerMean, double peerStd,
        double percentile, String words) {
}
