package dev.bearing.evaluation.fact;

/**
 * A stack layer (or one kind of tool in it) the client does not need yet, with the reason; its
 * menu is still shown, but nothing is proposed for it while the client runs nothing there.
 *
 * @param layer layer key
 * @param kind kind key, or null for the whole layer
 * @param reason plain-words reason, true of this client
 * @param rule rule name
 */
public record NotNeeded(String layer, String kind, String reason, String rule) implements Derived {
}
