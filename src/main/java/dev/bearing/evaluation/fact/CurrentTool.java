package dev.bearing.evaluation.fact;

/**
 * A tool the client uses today in a layer, with the mean satisfaction (1..5) of those who rated it, or null.
 */
public final class CurrentTool {

    private final String layer;
    private final String toolKey;
    private final Double satisfaction;
    private final int mentions;

    /**
     * @param layer layer key
     * @param toolKey catalog tool key
     * @param satisfaction mean 1..5, or null when nobody rated it
     * @param mentions respondents who named it
     */
    public CurrentTool(String layer, String toolKey, Double satisfaction, int mentions) {
        this.layer = layer;
        this.toolKey = toolKey;
        this.satisfaction = satisfaction;
        this.mentions = mentions;
    }

    /** @return layer key */
    public String getLayer() {
        return layer;
    }

    /** @return catalog tool key */
    public String getToolKey() {
        return toolKey;
    }

    /** @return mean 1..5, or null when nobody rated it */
    public Double getSatisfaction() {
        return satisfaction;
    }

    /** @return respondents who named it */
    public int getMentions() {
        return mentions;
    }

    @Override
    public String toString() {
        return "CurrentTool[" + "layer=" + layer + ", " + "toolKey=" + toolKey + ", " + "satisfaction=" + satisfaction + ", " + "mentions=" + mentions + "]";
    }
}
