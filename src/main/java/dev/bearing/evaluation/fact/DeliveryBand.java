package dev.bearing.evaluation.fact;

/**
 * The organisation's delivery performance band.
 */
public final class DeliveryBand {

    private final String band;
    private final int thresholdsYear;
    private final String reason;
    private final String rule;

    /**
     * @param band LOW, MEDIUM, HIGH, ELITE or UNKNOWN
     * @param thresholdsYear year of the DORA thresholds used
     * @param reason plain-words reason
     * @param rule rule name
     */
    public DeliveryBand(String band, int thresholdsYear, String reason, String rule) {
        this.band = band;
        this.thresholdsYear = thresholdsYear;
        this.reason = reason;
        this.rule = rule;
    }

    /** @return LOW, MEDIUM, HIGH, ELITE or UNKNOWN */
    public String getBand() {
        return band;
    }

    /** @return year of the DORA thresholds used */
    public int getThresholdsYear() {
        return thresholdsYear;
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
        return "DeliveryBand[" + "band=" + band + ", " + "thresholdsYear=" + thresholdsYear + ", " + "reason=" + reason + ", " + "rule=" + rule + "]";
    }
}
