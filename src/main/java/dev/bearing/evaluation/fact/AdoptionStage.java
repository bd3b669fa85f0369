package dev.bearing.evaluation.fact;

/**
 * The final adoption stage: quarter 1..4 of the curve and its early or late phase.
 */
public final class AdoptionStage {

    private final int quarter;
    private final String phase;
    private final java.util.List<String> reasons;
    private final java.util.List<String> rules;

    /**
     * @param quarter 1 Exploring, 2 Adopting, 3 Aligning, 4 Transforming
     * @param phase EARLY or LATE
     * @param reasons plain-words reasons
     * @param rules rules behind it
     */
    public AdoptionStage(int quarter, String phase, java.util.List<String> reasons, java.util.List<String> rules) {
        this.quarter = quarter;
        this.phase = phase;
        this.reasons = reasons == null ? java.util.List.of() : java.util.List.copyOf(reasons);
        this.rules = rules == null ? java.util.List.of() : java.util.List.copyOf(rules);
    }

    /** @return 1 Exploring, 2 Adopting, 3 Aligning, 4 Transforming */
    public int getQuarter() {
        return quarter;
    }

    /** @return EARLY or LATE */
    public String getPhase() {
        return phase;
    }

    /** @return plain-words reasons */
    public java.util.List<String> getReasons() {
        return reasons;
    }

    /** @return rules behind it */
    public java.util.List<String> getRules() {
        return rules;
    }

    @Override
    public String toString() {
        return "AdoptionStage[" + "quarter=" + quarter + ", " + "phase=" + phase + ", " + "reasons=" + reasons + ", " + "rules=" + rules + "]";
    }
}
