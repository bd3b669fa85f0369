package dev.bearing.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stack catalog ({@code rules/catalog.yaml}): layers of a delivery tool stack, each with
 * real tools and the attributes the stack rules read.
 *
 * @param version catalog edition, e.g. {@code 2026-11}
 * @param layers layers in report order
 */
public record Catalog(String version, List<Layer> layers) {

    /** @return the layer with this key, if any */
    public Optional<Layer> layer(String key) {
        return layers.stream().filter(l -> l.key().equals(key)).findFirst();
    }

    /** @return the tool with this key in any layer, if any */
    public Optional<Tool> tool(String key) {
        return layers.stream().flatMap(l -> l.tools().stream()).filter(t -> t.key().equals(key)).findFirst();
    }

    /**
     * A stack layer.
     *
     * @param key layer key, e.g. {@code ci}
     * @param name name for readers
     * @param capability capability key the layer serves
     * @param description plain-words description
     * @param dependsOn layers that must be in place first
     * @param tools tools in catalog order
     */
    public record Layer(String key, String name, String capability, String description, List<String> dependsOn,
            List<Tool> tools) {
    }

    /**
     * A tool in a layer.
     *
     * @param key tool key, unique in the catalog
     * @param name product name
     * @param vendor vendor or steward
     * @param summary why one picks it, one sentence
     * @param hosting SAAS, SELF_HOSTED, AWS_MANAGED
     * @param onPremisesFit runs entirely in the client's data centre
     * @param licence OPEN_SOURCE, OPEN_CORE, COMMERCIAL, SOURCE_AVAILABLE
     * @param licenceName e.g. Apache-2.0, BUSL-1.1, Proprietary
     * @param osiApproved the edition one runs is OSI-licensed
     * @param cloudAffinity ANY, AWS, AZURE, GCP
     * @param operationalEffort LOW, MEDIUM, HIGH
     * @param skills skill tags needed
     * @param awsBlueprint Bearing can provision it on AWS
     * @param status ACTIVE, CLOSED_TO_NEW, END_OF_SALE, RETIRED, ARCHIVED
     * @param statusNote status or licence note, may be empty
     * @param bestFor tags such as small_teams, regulated, kubernetes
     */
    public record Tool(String key, String name, String vendor, String summary, Set<String> hosting,
            boolean onPremisesFit, String licence, String licenceName, boolean osiApproved, String cloudAffinity,
            String operationalEffort, Set<String> skills, boolean awsBlueprint, String status, String statusNote,
            Set<String> bestFor) {
    }
}
