package dev.bearing.provisioning.blueprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.assessment.Assessment;
import dev.bearing.common.BearingConfig;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.review.AssessmentVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;

/**
 * Composes an approved version's stack (primary picks plus overrides) into one CloudFormation
 * template from the blueprints beside the catalog ({@code rules/blueprints/}): the blueprints of
 * the tools the stack adds or replaces, parameters filled from the assessment, the other tools as
 * manual steps with the reason, and a rough monthly cost. Not offered, with the reason, when the
 * organisation's constraints exclude AWS (see {@code notOffered} in the index).
 */
@ApplicationScoped
public class StackComposer {

    @Inject
    BearingConfig config;

    @Inject
    ObjectMapper json;

    private volatile BlueprintIndex.Loaded loaded;

    /**
     * The approved version's stack as one template.
     *
     * @param version the approved version
     * @return the composed stack, or one that is not offered, with the reason
     */
    @Transactional
    public ComposedStack compose(AssessmentVersion version) {
        Assessment assessment = Assessment.findById(version.assessmentId);
        String organisation = assessment == null ? "" : assessment.organisation.name;
        EvaluationResult result;
        try {
            result = json.readValue(version.resultJson, EvaluationResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Version " + version.number + " of assessment " + version.assessmentId
                    + " holds a result Bearing cannot read", e);
        }
        return composition().compose(result, organisation, version.assessmentId, version.number);
    }

    /** @return the blueprints' index, read from the rules folder on first use */
    public BlueprintIndex index() {
        return loaded().index();
    }

    private Composition composition() {
        return new Composition(loaded());
    }

    private BlueprintIndex.Loaded loaded() {
        BlueprintIndex.Loaded l = loaded;
        if (l == null) {
            l = BlueprintIndex.load(Path.of(config.rules().dir()));
            loaded = l;
        }
        return l;
    }
}
