package dev.bearing.evaluation.fact;

/**
 * A reason to hold the adoption stage back by some phases (half-quarters).
 */
public final class StageHold {

    private final int phases;
    private final String reason;
    private final String rule;

    /**
     * @param phases phases held back, >= 1
     * @param reason plain-words reason
     * @param rule rule name
     */
    public StageHold(int phases, String reason, String rule) {
        this.phases = phases;
        this.reason = reason;
        this.rule = rule;
    }

    /** @return phases held back, >= 1 */
    public int getPhases() {
        return phases;
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
        return "StageHold[" + "phases=" + phases + ", " + "reason=" + reason + ", " + "rule=" + rule + "]";
    }
}
