package dev.bearing.evaluation.fact;

import dev.bearing.evaluation.fact.Vocabulary.Phase;

/**
 * The stage the maturity index alone points to.
 *
 * @param quarter 1..4
 * @param phase early or late half
 * @param reason plain-words reason
 * @param rule rule name
 */
public record StageSignal(int quarter, Phase phase, String reason, String rule) implements Derived {
}
