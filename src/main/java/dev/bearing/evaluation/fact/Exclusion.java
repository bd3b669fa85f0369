package dev.bearing.evaluation.fact;

/**
 * A rule rules a tool out for this organisation.
 *
 * @param layer layer key
 * @param toolKey tool key
 * @param reason plain-words reason
 * @param rule rule name
 */
public record Exclusion(String layer, String toolKey, String reason, String rule) implements Derived {
}
