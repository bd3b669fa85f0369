package dev.bearing.evaluation.fact;

import dev.bearing.evaluation.fact.Vocabulary.ConstraintKind;

/**
 * Something the answers constrain or reveal about the organisation, e.g. "systems stay on premises".
 *
 * @param kind what it is
 * @param reason plain-words reason, quoting the answers behind it
 * @param rule rule that derived it
 */
public record Constraint(ConstraintKind kind, String reason, String rule) implements Derived {
}
