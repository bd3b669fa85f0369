package dev.bearing.evaluation.fact;

/**
 * Where the organisation sits on the assumed adoption curve.
 *
 * @param index weighted maturity index, 0..100
 * @param percentile share of organisations less mature, 0..100
 * @param largestGap largest alignment gap in points outside the delivery metrics, 0 with fewer than two roles
 */
public record MaturityPosition(double index, double percentile, double largestGap) {
}
