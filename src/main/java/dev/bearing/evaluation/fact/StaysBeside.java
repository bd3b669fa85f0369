package dev.bearing.evaluation.fact;

/**
 * A tool in use that stays whatever the layer's pick is, because it is a free part of a product the
 * client keeps (Dependabot alerts, part of GitHub): the pick is added beside it, not moved to.
 *
 * @param layer layer key
 * @param toolKey catalog key of the tool that stays
 * @param rule rule name
 */
public record StaysBeside(String layer, String toolKey, String rule) implements Derived {
}
