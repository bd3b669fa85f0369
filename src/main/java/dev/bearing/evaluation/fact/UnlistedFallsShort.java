package dev.bearing.evaluation.fact;

/**
 * The names typed under "Something else" for a layer describe something that does not do the
 * layer's job, as the answers show (CI variables typed as the secrets tool, say): the stack
 * replaces them instead of keeping them unscored.
 *
 * @param layer layer key
 * @param reason plain-words reason, true of this client
 * @param rule rule name
 */
public record UnlistedFallsShort(String layer, String reason, String rule) implements Derived {
}
