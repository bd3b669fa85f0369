package dev.bearing.evaluation.fact;

/**
 * One respondent's answer to a DORA metric placed in a band (1 low .. 4 elite) by 2024 thresholds.
 */
public final class MetricBand {

    private final String metric;
    private final long respondentId;
    private final int level;
    private final String rule;

    /**
     * @param metric deployment_frequency, lead_time, recovery_time, change_fail_rate
     * @param respondentId respondent id
     * @param level 1 low, 2 medium, 3 high, 4 elite
     * @param rule rule name
     */
    public MetricBand(String metric, long respondentId, int level, String rule) {
        this.metric = metric;
        this.respondentId = respondentId;
        this.level = level;
        this.rule = rule;
    }

    /** @return deployment_frequency, lead_time, recovery_time, change_fail_rate */
    public String getMetric() {
        return metric;
    }

    /** @return respondent id */
    public long getRespondentId() {
        return respondentId;
    }

    /** @return 1 low, 2 medium, 3 high, 4 elite */
    public int getLevel() {
        return level;
    }

    /** @return rule name */
    public String getRule() {
        return rule;
    }

    @Override
    public String toString() {
        return "MetricBand[" + "metric=" + metric + ", " + "respondentId=" + respondentId + ", " + "level=" + level + ", " + "rule=" + rule + "]";
    }
}
