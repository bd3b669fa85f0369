package dev.bearing.evaluation.fact;

/**
 * Where the organisation sits on the assumed adoption curve.
 *
 * @param index weighted maturity index, 0..100
 * @param percentile share of organisations less mature, 0..100
 */
public record MaturityPosition(double index, double percentile) {
}
