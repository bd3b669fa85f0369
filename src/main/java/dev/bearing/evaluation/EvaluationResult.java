package dev.bearing.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Everything an evaluation produced; stored as JSON with the evaluation and rendered in the PDF.
 *
 * @param ruleSetVersion SHA-256 (hex) of the {@code rules/} folder the evaluation ran on
 * @param catalogVersion stack catalog edition
 * @param questionnaireKey questionnaire key
 * @param questionnaireVersion questionnaire version
 * @param respondents submitted respondents included, by role
 * @param capabilities capability scores in report order
 * @param dimensions dimension scores 0..100 (ALIGNMENT, TOOLING, OUTCOMES), absent when unanswered
 * @param maturity maturity index and position on the curve
 * @param stage adoption stage
 * @param delivery delivery performance band
 * @param stack recommended stack per layer
 * @param findings findings, highest risk first
 * @param roadmap roadmap items by phase, dependencies first
 * @param firedRules names of the rules that fired, sorted
 */
public record EvaluationResult(String ruleSetVersion, String catalogVersion, String questionnaireKey,
        int questionnaireVersion, Map<String, Integer> respondents, List<CapabilityResult> capabilities,
        Map<String, Double> dimensions, Maturity maturity, Stage stage, Delivery delivery,
        List<LayerRecommendation> stack, List<FindingResult> findings, List<RoadmapEntry> roadmap,
        List<String> firedRules) {

    /**
     * Scores of one capability.
     *
     * @param key capability key
     * @param name capability name
     * @param dimension ALIGNMENT, TOOLING or OUTCOMES
     * @param combined mean of the role scores, 0..100, or null when unanswered
     * @param byRole score per role (BUSINESS, DEVELOPMENT, OPERATIONS) that answered, 0..100
     * @param gap highest minus lowest role score in points, or null with fewer than two roles
     * @param highRole role with the highest score, or null
     * @param lowRole role with the lowest score, or null
     * @param disagreements questions whose role scores diverge most (up to 3), largest first
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CapabilityResult(String key, String name, String dimension, Double combined,
            Map<String, Double> byRole, Double gap, String highRole, String lowRole,
            List<QuestionGap> disagreements) {
    }

    /**
     * A question on which roles disagree.
     *
     * @param questionKey question key
     * @param text question text
     * @param byRole mean score per role, 0..100
     * @param spread highest minus lowest, in points
     */
    public record QuestionGap(String questionKey, String text, Map<String, Double> byRole, double spread) {
    }

    /**
     * Maturity index and its place on the curve of organisations.
     *
     * @param index weighted maturity index, 0..100
     * @param percentile share of organisations less mature on the assumed curve, 0..100
     * @param curveMean the curve's mean index
     * @param curveStandardDeviation the curve's standard deviation
     * @param curveSource where the curve's calibration comes from
     */
    public record Maturity(double index, double percentile, double curveMean, double curveStandardDeviation,
            String curveSource) {
    }

    /**
     * Adoption stage.
     *
     * @param quarter 1..4 (1 least mature)
     * @param phase EARLY or LATE
     * @param name stage name, e.g. Adopting
     * @param label e.g. "Late phase of the second quarter (Adopting)"
     * @param description what the stage means
     * @param reasons plain-words reasons
     * @param rules rules behind it
     */
    public record Stage(int quarter, String phase, String name, String label, String description,
            List<String> reasons, List<String> rules) {
    }

    /**
     * Delivery performance band.
     *
     * @param band LOW, MEDIUM, HIGH, ELITE or UNKNOWN
     * @param thresholdsYear year of the DORA report whose cluster thresholds are used
     * @param metrics per DORA metric, the band levels of the answers
     * @param reason plain-words reason
     * @param rules rules behind it
     */
    public record Delivery(String band, int thresholdsYear, Map<String, String> metrics, String reason,
            List<String> rules) {
    }

    /**
     * The recommendation for one stack layer.
     *
     * @param layer layer key
     * @param layerName layer name
     * @param capability capability key the layer serves
     * @param current tools the client uses today in this layer (names)
     * @param primary recommended tool, or null when every tool is excluded
     * @param alternatives the rest of the menu, best first
     * @param excluded tools ruled out, with reasons
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LayerRecommendation(String layer, String layerName, String capability, List<String> current,
            ToolOption primary, List<ToolOption> alternatives, List<ToolOption> excluded) {
    }

    /**
     * A tool on a layer's menu.
     *
     * @param key tool key
     * @param name product name
     * @param vendor vendor
     * @param summary one-sentence summary
     * @param points sum of the rules' suitability points
     * @param hosting hosting models
     * @param licenceName licence
     * @param awsBlueprint can be provisioned on AWS by Bearing
     * @param status catalog status
     * @param statusNote status note, may be empty
     * @param reasons plain-words reasons from the rules
     * @param rules rules that scored or excluded it
     */
    public record ToolOption(String key, String name, String vendor, String summary, int points,
            List<String> hosting, String licenceName, boolean awsBlueprint, String status, String statusNote,
            List<String> reasons, List<String> rules) {
    }

    /**
     * A finding.
     *
     * @param key finding key
     * @param subject what it is about (capability or tool key)
     * @param title headline
     * @param risk HIGH, MEDIUM or LOW
     * @param capability capability key, may be null
     * @param rationale plain-words explanation
     * @param rule rule that raised it
     */
    public record FindingResult(String key, String subject, String title, String risk, String capability,
            String rationale, String rule) {
    }

    /**
     * A roadmap item.
     *
     * @param key item key
     * @param title what to do
     * @param phase 1: first 30 days, 2: 90 days, 3: 6 months, 4: 12 months
     * @param phaseLabel e.g. "First 30 days"
     * @param capability capability key
     * @param layer stack layer key, or null
     * @param tool recommended tool of that layer, or null
     * @param dependsOn keys of items that come first
     * @param rationale plain-words why
     * @param rule rule that proposed it
     */
    public record RoadmapEntry(String key, String title, int phase, String phaseLabel, String capability,
            String layer, String tool, List<String> dependsOn, String rationale, String rule) {
    }
}
