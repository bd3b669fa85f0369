package dev.bearing.evaluation.fact;

import java.util.Collection;

/** Small arithmetic the rules share. */
public final class Levels {

    private Levels() {
    }

    /**
     * @param levels integer levels, at least one
     * @return their median; with an even number of levels the lower of the two middle ones, so a
     *     split view does not flatter
     */
    public static int lowerMedian(Collection<?> levels) {
        int[] sorted = levels.stream().mapToInt(l -> ((Number) l).intValue()).sorted().toArray();
        return sorted[(sorted.length - 1) / 2];
    }
}
