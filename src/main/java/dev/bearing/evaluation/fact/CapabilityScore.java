package dev.bearing.evaluation.fact;

import dev.bearing.questionnaire.Dimension;

/**
 * A capability's combined score: the mean of the role scores.
 *
 * @param capability capability key
 * @param name capability name
 * @param dimension ALIGNMENT, TOOLING or OUTCOMES
 * @param score 0..100
 */
public record CapabilityScore(String capability, String name, Dimension dimension, double score) {
}
