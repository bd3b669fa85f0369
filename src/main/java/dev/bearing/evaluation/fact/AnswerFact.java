package dev.bearing.evaluation.fact;

import dev.bearing.questionnaire.Role;
import java.util.Set;

/**
 * One respondent's answer to one visible question.
 *
 * @param respondentId respondent id
 * @param role the respondent's role
 * @param questionKey question key
 * @param capability capability key
 * @param choices chosen choice keys, empty for other types
 * @param number SCALE or NUMBER value, or null
 * @param score 0..100, or null when unscored
 * @param notApplicable answered "not applicable"
 */
public record AnswerFact(long respondentId, Role role, String questionKey, String capability, Set<String> choices,
        Double number, Double score, boolean notApplicable) {

    /** Canonical constructor: choices never null. */
    public AnswerFact {
        choices = choices == null ? Set.of() : Set.copyOf(choices);
    }
}
