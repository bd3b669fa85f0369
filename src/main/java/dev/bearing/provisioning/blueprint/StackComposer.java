package dev.bearing.provisioning.blueprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.assessment.AccessControl;
import dev.bearing.assessment.Assessment;
import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import dev.bearing.common.BearingConfig;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.review.AssessmentVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.List;

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

    @Inject
    AccessControl access;

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

    /**
     * The composed template of an approved version the caller may see, for download.
     *
     * @param assessmentId assessment id
     * @param number version number
     * @return the composed stack, offered
     * @throws ProblemException 404 when the assessment is unknown or hidden from the caller, or has
     *     no such version; 409 naming the reason when provisioning is not offered
     */
    @Transactional
    public ComposedStack offeredTemplate(long assessmentId, int number) {
        Assessment a = access.assessment(assessmentId);
        AssessmentVersion v = AssessmentVersion.find("assessmentId = ?1 and number = ?2", a.id, number).firstResult();
        if (v == null) {
            throw new ProblemException(404, "Not found", "Assessment " + assessmentId + " has no version " + number + ".",
                    List.of(new Problem.FieldError("version", "no version " + number)));
        }
        ComposedStack c = compose(v);
        if (!c.offered()) {
            throw ProblemException.conflict("Provisioning is not offered for version " + number + ": "
                    + c.notOfferedReason(), List.of(new Problem.FieldError("provisioning", c.notOfferedReason())));
        }
        return c;
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
