package dev.bearing.evaluation.fact;

import dev.bearing.evaluation.fact.Vocabulary.Band;

/**
 * The organisation's delivery performance band.
 *
 * @param band the band
 * @param thresholdsYear year of the DORA report whose thresholds are used
 * @param reason plain-words reason
 * @param rule rule name
 */
public record DeliveryBand(Band band, int thresholdsYear, String reason, String rule) implements Derived {
}
