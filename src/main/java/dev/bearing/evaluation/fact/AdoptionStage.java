package dev.bearing.evaluation.fact;

import dev.bearing.evaluation.fact.Vocabulary.Phase;
import java.util.List;

/**
 * The organisation's adoption stage.
 *
 * @param quarter 1 Exploring, 2 Adopting, 3 Aligning, 4 Transforming
 * @param phase early or late half of the quarter
 * @param reasons plain-words reasons
 * @param rules rules behind it
 * @param rule rule that concluded it
 */
public record AdoptionStage(int quarter, Phase phase, List<String> reasons, List<String> rules, String rule)
        implements Derived {
}
