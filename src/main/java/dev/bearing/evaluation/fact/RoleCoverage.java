package dev.bearing.evaluation.fact;

/**
 * How many submitted respondents answered from a role (zero facts are inserted too).
 */
public final class RoleCoverage {

    private final String role;
    private final int respondents;

    /**
     * @param role role
     * @param respondents submitted respondents of that role
     */
    public RoleCoverage(String role, int respondents) {
        this.role = role;
        this.respondents = respondents;
    }

    /** @return role */
    public String getRole() {
        return role;
    }

    /** @return submitted respondents of that role */
    public int getRespondents() {
        return respondents;
    }

    @Override
    public String toString() {
        return "RoleCoverage[" + "role=" + role + ", " + "respondents=" + respondents + "]";
    }
}
