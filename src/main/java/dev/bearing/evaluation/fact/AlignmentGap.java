package dev.bearing.evaluation.fact;

/**
 * How far the roles' scores of one capability diverge: highest role score minus lowest, 0..100 points.
 */
public final class AlignmentGap {

    private final String capability;
    private final String name;
    private final String dimension;
    private final double gap;
    private final String highRole;
    private final double highScore;
    private final String lowRole;
    private final double lowScore;

    /**
     * @param capability capability key
     * @param name capability name
     * @param dimension dimension
     * @param gap points, 0..100
     * @param highRole role with the highest score
     * @param highScore its score
     * @param lowRole role with the lowest score
     * @param lowScore its score
     */
    public AlignmentGap(String capability, String name, String dimension, double gap, String highRole, double highScore, String lowRole, double lowScore) {
        this.capability = capability;
        this.name = name;
        this.dimension = dimension;
        this.gap = gap;
        this.highRole = highRole;
        this.highScore = highScore;
        this.lowRole = lowRole;
        this.lowScore = lowScore;
    }

    /** @return capability key */
    public String getCapability() {
        return capability;
    }

    /** @return capability name */
    public String getName() {
        return name;
    }

    /** @return dimension */
    public String getDimension() {
        return dimension;
    }

    /** @return points, 0..100 */
    public double getGap() {
        return gap;
    }

    /** @return role with the highest score */
    public String getHighRole() {
        return highRole;
    }

    /** @return its score */
    public double getHighScore() {
        return highScore;
    }

    /** @return role with the lowest score */
    public String getLowRole() {
        return lowRole;
    }

    /** @return its score */
    public double getLowScore() {
        return lowScore;
    }

    @Override
    public String toString() {
        return "AlignmentGap[" + "capability=" + capability + ", " + "name=" + name + ", " + "dimension=" + dimension + ", " + "gap=" + gap + ", " + "highRole=" + highRole + ", " + "highScore=" + highScore + ", " + "lowRole=" + lowRole + ", " + "lowScore=" + lowScore + "]";
    }
}
