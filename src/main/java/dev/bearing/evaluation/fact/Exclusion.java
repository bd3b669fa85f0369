package dev.bearing.evaluation.fact;

/**
 * A rule rules a tool out for this organisation.
 */
public final class Exclusion {

    private final String layer;
    private final String toolKey;
    private final String reason;
    private final String rule;

    /**
     * @param layer layer key
     * @param toolKey tool key
     * @param reason plain-words reason
     * @param rule rule name
     */
    public Exclusion(String layer, String toolKey, String reason, String rule) {
        this.layer = layer;
        this.toolKey = toolKey;
        this.reason = reason;
        this.rule = rule;
    }

    /** @return layer key */
    public String getLayer() {
        return layer;
    }

    /** @return tool key */
    public String getToolKey() {
        return toolKey;
    }

    /** @return plain-words reason */
    public String getReason() {
        return reason;
    }

    /** @return rule name */
    public String getRule() {
        return rule;
    }

    @Override
    public String toString() {
        return "Exclusion[" + "layer=" + layer + ", " + "toolKey=" + toolKey + ", " + "reason=" + reason + ", " + "rule=" + rule + "]";
    }
}
