package dev.bearing.evaluation.fact;

/**
 * A capability's score, 0..100, for one role or combined (role COMBINED: the mean of the role scores).
 */
public final class CapabilityScore {

    private final String capability;
    private final String name;
    private final String dimension;
    private final String role;
    private final double score;
    private final int answers;

    /**
     * @param capability capability key
     * @param name capability name
     * @param dimension ALIGNMENT, TOOLING or OUTCOMES
     * @param role BUSINESS, DEVELOPMENT, OPERATIONS or COMBINED
     * @param score 0..100
     * @param answers scored answers behind it
     */
    public CapabilityScore(String capability, String name, String dimension, String role, double score, int answers) {
        this.capability = capability;
        this.name = name;
        this.dimension = dimension;
        this.role = role;
        this.score = score;
        this.answers = answers;
    }

    /** @return capability key */
    public String getCapability() {
        return capability;
    }

    /** @return capability name */
    public String getName() {
        return name;
    }

    /** @return ALIGNMENT, TOOLING or OUTCOMES */
    public String getDimension() {
        return dimension;
    }

    /** @return BUSINESS, DEVELOPMENT, OPERATIONS or COMBINED */
    public String getRole() {
        return role;
    }

    /** @return 0..100 */
    public double getScore() {
        return score;
    }

    /** @return scored answers behind it */
    public int getAnswers() {
        return answers;
    }

    @Override
    public String toString() {
        return "CapabilityScore[" + "capability=" + capability + ", " + "name=" + name + ", " + "dimension=" + dimension + ", " + "role=" + role + ", " + "score=" + score + ", " + "answers=" + answers + "]";
    }
}
