package dev.bearing.evaluation.fact;

/**
 * Where the organisation sits: maturity index 0..100 and percentile 0..100 on the assumed curve of organisations (rules/adoption-curve.yaml).
 */
public final class MaturityPosition {

    private final double index;
    private final double percentile;
    private final double largestGap;

    /**
     * @param index weighted maturity index, 0..100
     * @param percentile share of organisations less mature, 0..100
     * @param largestGap largest alignment gap in points, 0 when fewer than two roles answered
     */
    public MaturityPosition(double index, double percentile, double largestGap) {
        this.index = index;
        this.percentile = percentile;
        this.largestGap = largestGap;
    }

    /** @return weighted maturity index, 0..100 */
    public double getIndex() {
        return index;
    }

    /** @return share of organisations less mature, 0..100 */
    public double getPercentile() {
        return percentile;
    }

    /** @return largest alignment gap in points, 0 when fewer than two roles answered */
    public double getLargestGap() {
        return largestGap;
    }

    @Override
    public String toString() {
        return "MaturityPosition[" + "index=" + index + ", " + "percentile=" + percentile + ", " + "largestGap=" + largestGap + "]";
    }
}
