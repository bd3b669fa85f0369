package dev.bearing.evaluation.fact;

/**
 * A reason to hold the stage back.
 *
 * @param phases phases held back, >= 1
 * @param reason plain-words reason
 * @param rule rule name
 */
public record StageHold(int phases, String reason, String rule) implements Derived {

    /**
     * @param holds StageHold facts in any order
     * @return the same holds sorted by reason, so results read the same whatever order rules fired in
     */
    public static java.util.List<StageHold> byReason(java.util.Collection<?> holds) {
        return holds.stream().map(StageHold.class::cast)
                .sorted(java.util.Comparator.comparing(StageHold::reason)).toList();
    }
}
