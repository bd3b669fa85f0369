package dev.bearing.provisioning.blueprint;

import java.util.List;

/**
 * An approved version's stack as one CloudFormation template, ready for a change set.
 *
 * @param offered false when provisioning is not offered to this organisation (then only
 *     {@code notOfferedReason} is set)
 * @param notOfferedReason why provisioning is not offered (e.g. the organisation's constraints
 *     exclude AWS), else null
 * @param templateBody the composed template (YAML), or null when not offered
 * @param parameters the template's parameters with the values filled from the assessment; a null
 *     value must be supplied by the consultant before planning
 * @param blueprints blueprints composed into the template, in template order
 * @param manualSteps tools of the approved stack that have no blueprint, with the reason
 * @param cost rough monthly cost of the composed blueprints (an estimate)
 */
public record ComposedStack(boolean offered, String notOfferedReason, String templateBody,
        List<TemplateParameter> parameters, List<BlueprintRef> blueprints, List<ManualStep> manualSteps,
        CostEstimate cost) {

    /**
     * A template parameter.
     *
     * @param key parameter name in the template
     * @param label what it is, in plain words, for the form
     * @param value value filled from the assessment, or null when the consultant must give it
     * @param noEcho true when CloudFormation must not echo it (never stored or logged by Bearing)
     */
    public record TemplateParameter(String key, String label, String value, boolean noEcho) {
    }

    /**
     * A blueprint in the composed template.
     *
     * @param key blueprint key
     * @param tool catalog tool key it provisions
     * @param name product name
     * @param creates one line per kind of resource it creates, in plain words
     */
    public record BlueprintRef(String key, String tool, String name, List<String> creates) {
    }

    /**
     * A tool of the approved stack that Bearing does not provision.
     *
     * @param layer stack entry key
     * @param tool catalog tool key, or null for a typed name
     * @param name product name
     * @param reason why it is a manual step
     */
    public record ManualStep(String layer, String tool, String name, String reason) {
    }

    /**
     * A rough monthly cost, labelled an estimate.
     *
     * @param currency ISO currency code (USD)
     * @param monthlyTotal sum of the lines
     * @param region region the prices are from
     * @param pricesAsOf date the published on-demand prices were read (YYYY-MM-DD)
     * @param lines one line per blueprint
     */
    public record CostEstimate(String currency, double monthlyTotal, String region, String pricesAsOf,
            List<CostLine> lines) {
    }

    /**
     * One blueprint's rough monthly cost.
     *
     * @param blueprint blueprint key
     * @param monthly monthly amount
     * @param assumptions sizes and hours assumed, in plain words
     */
    public record CostLine(String blueprint, double monthly, List<String> assumptions) {
    }
}
