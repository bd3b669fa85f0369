package dev.bearing.provisioning.blueprint;

import dev.bearing.review.AssessmentVersion;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Composes an approved version's stack (primary picks plus overrides) into one CloudFormation
 * template from the blueprints beside the catalog ({@code rules/blueprints/}).
 *
 * <p>CONTRACT ONLY (placeholder until the blueprint work lands): the provisioning run code calls
 * {@link #compose(AssessmentVersion)} and {@link CfnLint}; the blueprint work replaces the body.
 */
@ApplicationScoped
public class StackComposer {

    /**
     * The approved version's stack as one template.
     *
     * @param version the approved version
     * @return the composed stack, or one that is not offered, with the reason
     */
    public ComposedStack compose(AssessmentVersion version) {
        throw new UnsupportedOperationException("blueprints not yet composed");
    }
}
