package dev.bearing.evaluation.fact;

import java.util.List;

/**
 * A roadmap item a rule proposes.
 *
 * @param key stable key, e.g. ci.every_change
 * @param title what to do
 * @param capability capability key
 * @param layer stack layer key or null
 * @param phase 1: 30 days, 2: 90 days, 3: 6 months, 4: 12 months
 * @param dependsOn keys of items that must come first
 * @param effort effort range in plain words, e.g. "2–4 person-weeks"
 * @param owner role that owns it, e.g. "Head of Platform"
 * @param rationale plain-words why
 * @param rule rule name
 * @param onToolInUse the item is done with the tool the client uses today in its layer, before any
 *     move the stack plans there (so the roadmap names that tool, not the one it moves to)
 */
public record RoadmapItem(String key, String title, String capability, String layer, int phase, List<String> dependsOn,
        String effort, String owner, String rationale, String rule, boolean onToolInUse) implements Derived {

    /** Canonical constructor: dependencies never null. */
    public RoadmapItem {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** An item done with the layer's recommended tool (most items). */
    public RoadmapItem(String key, String title, String capability, String layer, int phase, List<String> dependsOn,
            String effort, String owner, String rationale, String rule) {
        this(key, title, capability, layer, phase, dependsOn, effort, owner, rationale, rule, false);
    }
}
