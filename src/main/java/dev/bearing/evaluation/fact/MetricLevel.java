package dev.bearing.evaluation.fact;

import dev.bearing.evaluation.fact.Vocabulary.Metric;

/**
 * The organisation's level on one DORA metric: the median of the respondents' levels (the lower
 * median when their number is even, so a split view does not flatter).
 *
 * @param metric the metric
 * @param level 1 low, 2 medium, 3 high, 4 elite
 * @param answers respondents who answered it (other than "don't know")
 * @param rule rule name
 */
public record MetricLevel(Metric metric, int level, int answers, String rule) implements Derived {
}
