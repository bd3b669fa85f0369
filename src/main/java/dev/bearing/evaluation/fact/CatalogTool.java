package dev.bearing.evaluation.fact;

/**
 * A tool of the stack catalog (rules/catalog.yaml) as the rules see it.
 */
public final class CatalogTool {

    private final String layer;
    private final String key;
    private final String name;
    private final int catalogOrder;
    private final java.util.Set<String> hosting;
    private final String licence;
    private final boolean osiApproved;
    private final boolean onPremisesFit;
    private final String cloudAffinity;
    private final String operationalEffort;
    private final java.util.Set<String> skills;
    private final boolean awsBlueprint;
    private final String status;
    private final java.util.Set<String> bestFor;

    /**
     * @param layer layer key
     * @param key tool key
     * @param name product name
     * @param catalogOrder position in its layer, 0-based; breaks ties
     * @param hosting SAAS, SELF_HOSTED, AWS_MANAGED
     * @param licence OPEN_SOURCE, OPEN_CORE, COMMERCIAL, SOURCE_AVAILABLE
     * @param osiApproved edition run is OSI-licensed
     * @param onPremisesFit runs entirely in the client's data centre
     * @param cloudAffinity ANY, AWS, AZURE, GCP
     * @param operationalEffort LOW, MEDIUM, HIGH
     * @param skills skill tags needed
     * @param awsBlueprint Bearing can provision it on AWS
     * @param status ACTIVE, CLOSED_TO_NEW, END_OF_SALE, RETIRED, ARCHIVED
     * @param bestFor tags such as small_teams, regulated
     */
    public CatalogTool(String layer, String key, String name, int catalogOrder, java.util.Set<String> hosting, String licence, boolean osiApproved, boolean onPremisesFit, String cloudAffinity, String operationalEffort, java.util.Set<String> skills, boolean awsBlueprint, String status, java.util.Set<String> bestFor) {
        this.layer = layer;
        this.key = key;
        this.name = name;
        this.catalogOrder = catalogOrder;
        this.hosting = hosting == null ? java.util.Set.of() : java.util.Set.copyOf(hosting);
        this.licence = licence;
        this.osiApproved = osiApproved;
        this.onPremisesFit = onPremisesFit;
        this.cloudAffinity = cloudAffinity;
        this.operationalEffort = operationalEffort;
        this.skills = skills == null ? java.util.Set.of() : java.util.Set.copyOf(skills);
        this.awsBlueprint = awsBlueprint;
        this.status = status;
        this.bestFor = bestFor == null ? java.util.Set.of() : java.util.Set.copyOf(bestFor);
    }

    /** @return layer key */
    public String getLayer() {
        return layer;
    }

    /** @return tool key */
    public String getKey() {
        return key;
    }

    /** @return product name */
    public String getName() {
        return name;
    }

    /** @return position in its layer, 0-based; breaks ties */
    public int getCatalogOrder() {
        return catalogOrder;
    }

    /** @return SAAS, SELF_HOSTED, AWS_MANAGED */
    public java.util.Set<String> getHosting() {
        return hosting;
    }

    /** @return OPEN_SOURCE, OPEN_CORE, COMMERCIAL, SOURCE_AVAILABLE */
    public String getLicence() {
        return licence;
    }

    /** @return edition run is OSI-licensed */
    public boolean isOsiApproved() {
        return osiApproved;
    }

    /** @return runs entirely in the client's data centre */
    public boolean isOnPremisesFit() {
        return onPremisesFit;
    }

    /** @return ANY, AWS, AZURE, GCP */
    public String getCloudAffinity() {
        return cloudAffinity;
    }

    /** @return LOW, MEDIUM, HIGH */
    public String getOperationalEffort() {
        return operationalEffort;
    }

    /** @return skill tags needed */
    public java.util.Set<String> getSkills() {
        return skills;
    }

    /** @return Bearing can provision it on AWS */
    public boolean isAwsBlueprint() {
        return awsBlueprint;
    }

    /** @return ACTIVE, CLOSED_TO_NEW, END_OF_SALE, RETIRED, ARCHIVED */
    public String getStatus() {
        return status;
    }

    /** @return tags such as small_teams, regulated */
    public java.util.Set<String> getBestFor() {
        return bestFor;
    }

    @Override
    public String toString() {
        return "CatalogTool[" + "layer=" + layer + ", " + "key=" + key + ", " + "name=" + name + ", " + "catalogOrder=" + catalogOrder + ", " + "hosting=" + hosting + ", " + "licence=" + licence + ", " + "osiApproved=" + osiApproved + ", " + "onPremisesFit=" + onPremisesFit + ", " + "cloudAffinity=" + cloudAffinity + ", " + "operationalEffort=" + operationalEffort + ", " + "skills=" + skills + ", " + "awsBlueprint=" + awsBlueprint + ", " + "status=" + status + ", " + "bestFor=" + bestFor + "]";
    }
}
