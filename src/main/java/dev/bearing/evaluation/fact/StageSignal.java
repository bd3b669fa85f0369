package dev.bearing.evaluation.fact;

/**
 * The adoption stage read off the maturity percentile, before holds.
 */
public final class StageSignal {

    private final int quarter;
    private final String phase;
    private final String reason;
    private final String rule;

    /**
     * @param quarter 1..4
     * @param phase EARLY or LATE
     * @param reason plain-words reason
     * @param rule rule name
     */
    public StageSignal(int quarter, String phase, String reason, String rule) {
        this.quarter = quarter;
        this.phase = phase;
        this.reason = reason;
        this.rule = rule;
    }

    /** @return 1..4 */
    public int getQuarter() {
        return quarter;
    }

    /** @return EARLY or LATE */
    public String getPhase() {
        return phase;
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
        return "StageSignal[" + "quarter=" + quarter + ", " + "phase=" + phase + ", " + "reason=" + reason + ", " + "rule=" + rule + "]";
    }
}
