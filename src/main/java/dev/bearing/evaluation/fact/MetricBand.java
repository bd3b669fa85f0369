package dev.bearing.evaluation.fact;

import dev.bearing.evaluation.fact.Vocabulary.Metric;

/**
 * One respondent's answer to a DORA metric placed in a band level.
 *
 * @param metric the metric
 * @param respondentId respondent id
 * @param level 1 low, 2 medium, 3 high, 4 elite
 * @param rule rule name
 */
public record MetricBand(Metric metric, long respondentId, int level, String rule) implements Derived {
}
