package dev.bearing.evaluation.fact;

/**
 * A fact about the organisation derived by a context rule, e.g. ON_PREMISES_ONLY, CLOUD_AWS, OSI_ONLY, SMALL_TEAM, REGULATED.
 */
public final class Constraint {

    private final String kind;
    private final String reason;
    private final String rule;

    /**
     * @param kind constraint kind
     * @param reason plain-words reason
     * @param rule rule that derived it
     */
    public Constraint(String kind, String reason, String rule) {
        this.kind = kind;
        this.reason = reason;
        this.rule = rule;
    }

    /** @return constraint kind */
    public String getKind() {
        return kind;
    }

    /** @return plain-words reason */
    public String getReason() {
        return reason;
    }

    /** @return rule that derived it */
    public String getRule() {
        return rule;
    }

    @Override
    public String toString() {
        return "Constraint[" + "kind=" + kind + ", " + "reason=" + reason + ", " + "rule=" + rule + "]";
    }
}
