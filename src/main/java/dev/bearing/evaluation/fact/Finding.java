package dev.bearing.evaluation.fact;

import dev.bearing.evaluation.fact.Vocabulary.Risk;

/**
 * A finding for leadership.
 *
 * @param key stable key; one finding per key and subject
 * @param subject what it is about, e.g. a capability or tool key
 * @param title headline
 * @param risk risk level
 * @param capability capability key, may be null
 * @param rationale plain-words explanation
 * @param rule rule name
 */
public record Finding(String key, String subject, String title, Risk risk, String capability, String rationale,
        String rule) implements Derived {
}
