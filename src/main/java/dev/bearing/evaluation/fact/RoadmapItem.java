package dev.bearing.evaluation.fact;

/**
 * A roadmap item proposed by a rule; the scheduler keeps dependencies in order.
 */
public final class RoadmapItem {

    private final String key;
    private final String title;
    private final String capability;
    private final String layer;
    private final int phase;
    private final java.util.List<String> dependsOn;
    private final String rationale;
    private final String rule;

    /**
     * @param key stable key, e.g. ci.adopt
     * @param title what to do
     * @param capability capability key
     * @param layer stack layer key or null
     * @param phase 1: 30 days, 2: 90 days, 3: 6 months, 4: 12 months
     * @param dependsOn keys of items that must come first
     * @param rationale plain-words why
     * @param rule rule name
     */
    public RoadmapItem(String key, String title, String capability, String layer, int phase, java.util.List<String> dependsOn, String rationale, String rule) {
        this.key = key;
        this.title = title;
        this.capability = capability;
        this.layer = layer;
        this.phase = phase;
        this.dependsOn = dependsOn == null ? java.util.List.of() : java.util.List.copyOf(dependsOn);
        this.rationale = rationale;
        this.rule = rule;
    }

    /** @return stable key, e.g. ci.adopt */
    public String getKey() {
        return key;
    }

    /** @return what to do */
    public String getTitle() {
        return title;
    }

    /** @return capability key */
    public String getCapability() {
        return capability;
    }

    /** @return stack layer key or null */
    public String getLayer() {
        return layer;
    }

    /** @return 1: 30 days, 2: 90 days, 3: 6 months, 4: 12 months */
    public int getPhase() {
        return phase;
    }

    /** @return keys of items that must come first */
    public java.util.List<String> getDependsOn() {
        return dependsOn;
    }

    /** @return plain-words why */
    public String getRationale() {
        return rationale;
    }

    /** @return rule name */
    public String getRule() {
        return rule;
    }

    @Override
    public String toString() {
        return "RoadmapItem[" + "key=" + key + ", " + "title=" + title + ", " + "capability=" + capability + ", " + "layer=" + layer + ", " + "phase=" + phase + ", " + "dependsOn=" + dependsOn + ", " + "rationale=" + rationale + ", " + "rule=" + rule + "]";
    }
}
