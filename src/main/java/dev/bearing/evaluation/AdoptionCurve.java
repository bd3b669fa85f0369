package dev.bearing.evaluation;

import java.util.List;
import java.util.Map;

/**
 * The assumed distribution of DevOps maturity across organisations ({@code rules/adoption-curve.yaml}):
 * a normal curve of the maturity index, cut into quarters (quartiles, each 25 % of
 * organisations), each split into an early and a late phase.
 *
 * @param mean mean maturity index of organisations, 0..100
 * @param standardDeviation its standard deviation, in index points
 * @param weights weight of each dimension (ALIGNMENT, TOOLING, OUTCOMES) in the maturity index
 * @param source where the calibration comes from, shown in the report
 * @param stages the four quarters in order
 */
public record AdoptionCurve(double mean, double standardDeviation, Map<String, Double> weights, String source,
        List<Stage> stages) {

    /**
     * A quarter of the curve.
     *
     * @param quarter 1..4, 1 the least mature
     * @param name e.g. Exploring
     * @param description what organisations in this quarter typically look like
     */
    public record Stage(int quarter, String name, String description) {
    }

    /**
     * @param index maturity index 0..100
     * @return the share of organisations with a lower index, 0..100 (normal CDF)
     */
    public double percentile(double index) {
        return 100.0 * normalCdf((index - mean) / standardDeviation);
    }

    /** @return the stage of a quarter 1..4 */
    public Stage stage(int quarter) {
        return stages.stream().filter(s -> s.quarter() == quarter).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No stage for quarter " + quarter));
    }

    /**
     * Standard normal CDF, Abramowitz and Stegun 7.1.26 approximation of erf (error below 1.5e-7).
     *
     * @param z standard score
     * @return probability 0..1
     */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                + 0.254829592) * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
