package dev.bearing.benchmark;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where an organisation sits among the consultancy's approved assessments of other organisations:
 * overall, among the same industry and among organisations of the same size. Figures are
 * aggregates only; no other organisation is named. A group shows figures only once it holds at
 * least {@code minimum} approved assessments. {@code GET /api/v1/assessments/{id}/benchmark}
 * returns it; the PDF and the assessment page show it.
 *
 * @param assessmentId the assessment placed
 * @param basis what of this assessment is placed, e.g. "the evaluation of 3 March 2026"; null when
 *     it has not been evaluated yet
 * @param minimum approved assessments a group needs before its figures are shown
 *     ({@code bearing.benchmark.minimum-assessments})
 * @param groups overall first, then industry and size (each present when the respondents named it)
 * @param method how the figures are worked out, for readers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Benchmark(long assessmentId, String basis, int minimum, List<Group> groups, String method) {

    /**
     * One comparison group.
     *
     * @param kind {@code ALL}, {@code INDUSTRY} or {@code SIZE}
     * @param key industry or size choice key (questionnaire v2), null for {@code ALL}
     * @param name for readers, e.g. "All approved assessments", "Financial Services",
     *     "100 to 499 employees"
     * @param assessments approved assessments of other organisations in the group
     * @param shown whether the group is large enough for its figures to be shown
     * @param message why the figures are not shown, e.g. "Shown once 5 approved assessments exist
     *     in this group; 3 so far."; null when shown
     * @param capabilities percentile per capability (empty unless shown)
     * @param stages the group's adoption stages (empty unless shown)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Group(String kind, String key, String name, int assessments, boolean shown, String message,
            List<CapabilityPercentile> capabilities, List<StageShare> stages) {
    }

    /**
     * A capability's percentile within a group.
     *
     * @param key capability key
     * @param name capability name
     * @param score this organisation's combined score, 0..100 (one decimal)
     * @param compared assessments of the group that scored this capability
     * @param percentile share of those with a lower score, 0..100 rounded to a whole number (as
     *     PostgreSQL's hypothetical-set {@code percent_rank}: equal scores do not count as lower);
     *     null when fewer than the minimum scored it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CapabilityPercentile(String key, String name, double score, int compared, Integer percentile) {
    }

    /**
     * How many of a group's assessments are at one adoption stage.
     *
     * @param quarter adoption-curve quarter 1..4
     * @param stage the stage's name, e.g. Adopting
     * @param assessments assessments of the group at that stage
     * @param percent their share of the group, 0..100 rounded
     * @param yours whether this organisation is at that stage
     */
    public record StageShare(int quarter, String stage, int assessments, int percent, boolean yours) {
    }
}
