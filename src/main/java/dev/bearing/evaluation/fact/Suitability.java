package dev.bearing.evaluation.fact;

/**
 * Points a rule gives (or takes from) a tool for this organisation; the sum ranks the menu of a layer.
 */
public final class Suitability {

    private final String layer;
    private final String toolKey;
    private final int points;
    private final String reason;
    private final String rule;

    /**
     * @param layer layer key
     * @param toolKey tool key
     * @param points points, may be negative
     * @param reason plain-words reason
     * @param rule rule name
     */
    public Suitability(String layer, String toolKey, int points, String reason, String rule) {
        this.layer = layer;
        this.toolKey = toolKey;
        this.points = points;
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

    /** @return points, may be negative */
    public int getPoints() {
        return points;
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
        return "Suitability[" + "layer=" + layer + ", " + "toolKey=" + toolKey + ", " + "points=" + points + ", " + "reason=" + reason + ", " + "rule=" + rule + "]";
    }
}
