package dev.bearing.evaluation.fact;

/**
 * Points a rule gives (or takes from) a tool for this organisation; the sum ranks the menu of a
 * layer. Positive points come with a reason for the tool, negative points with a caveat against it.
 *
 * @param layer layer key
 * @param toolKey tool key
 * @param points points, may be negative
 * @param reason plain-words reason, true of this tool and this client
 * @param rule rule name
 */
public record Suitability(String layer, String toolKey, int points, String reason, String rule) implements Derived {
}
