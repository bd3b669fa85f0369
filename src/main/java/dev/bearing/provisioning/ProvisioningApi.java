package dev.bearing.provisioning;

import dev.bearing.provisioning.blueprint.ComposedStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The provisioning API's payloads. */
public final class ProvisioningApi {

    private ProvisioningApi() {
    }

    /**
     * What a consultant asks to plan.
     *
     * @param stackName CloudFormation stack name (letters, digits, hyphens; starts with a letter), or null for the default
     * @param parameters values for the template parameters the composer left empty, by parameter key
     */
    public record PlanRequest(String stackName, Map<String, String> parameters) {
    }

    /**
     * An organisation's AWS target as a consultant sets it; blank means unset.
     *
     * @param accountId 12-digit account id expected, or blank
     * @param region region, e.g. eu-west-1, or blank for the deployment's default
     * @param roleArn role to assume, or blank
     * @param externalId the role's external ID, or blank
     * @param serviceRoleArn CloudFormation service role passed with change sets and deletions, or blank
     */
    public record TargetRequest(String accountId, String region, String roleArn, String externalId, String serviceRoleArn) {
    }

    /**
     * One change a change set makes (or, for a tear-down, one resource deleted).
     *
     * @param logicalId logical id in the template
     * @param resourceType e.g. AWS::S3::Bucket
     * @param action Add, Modify, Remove, Import, Dynamic
     * @param replacement True, False or Conditional for a Modify; null otherwise
     * @param physicalId the existing resource's id, when it exists
     */
    public record Change(String logicalId, String resourceType, String action, String replacement, String physicalId) {
    }

    /**
     * A template parameter as planned. A {@code noEcho} value is never stored or shown.
     *
     * @param key parameter key
     * @param label what it is
     * @param value its value, or null for a noEcho parameter
     * @param noEcho whether the value is hidden
     */
    public record ParameterValue(String key, String label, String value, boolean noEcho) {
    }

    /**
     * The preview of a run: what it will change, roughly what it costs, and what stays manual.
     *
     * @param changes the change set's changes, or the resources a tear-down deletes
     * @param cost rough monthly cost (an estimate), null for a tear-down
     * @param manualSteps tools Bearing does not provision, with the reason
     * @param blueprints blueprints composed into the template
     * @param parameters the template's parameters
     * @param lintWarnings cfn-lint's warnings (errors stop the plan before any AWS call)
     */
    public record Plan(List<Change> changes, ComposedStack.CostEstimate cost, List<ComposedStack.ManualStep> manualSteps,
            List<ComposedStack.BlueprintRef> blueprints, List<ParameterValue> parameters, List<String> lintWarnings) {
    }

    /**
     * A stack event.
     *
     * @param at when
     * @param logicalId resource (or the stack's name)
     * @param resourceType resource type
     * @param status e.g. CREATE_COMPLETE
     * @param reason CloudFormation's reason, may be null
     */
    public record EventView(Instant at, String logicalId, String resourceType, String status, String reason) {
    }

    /**
     * A resource of the stack after the run.
     *
     * @param logicalId logical id
     * @param resourceType type
     * @param physicalId the name or ARN AWS gave it
     */
    public record ResourceView(String logicalId, String resourceType, String physicalId) {
    }

    /**
     * What a finished deployment left: the stack's outputs (URLs and names) and its resources.
     *
     * @param outputs output key to value
     * @param resources the stack's resources
     * @param outputNotes output key to the template's description of it (what it is, or the next
     *     step it asks for); null in runs recorded before descriptions were kept
     */
    public record Outcome(Map<String, String> outputs, List<ResourceView> resources, Map<String, String> outputNotes) {

        /** @return the description of an output, or "" */
        public String note(String key) {
            return outputNotes == null ? "" : outputNotes.getOrDefault(key, "");
        }
    }

    /**
     * A run as the pages and the API show it.
     *
     * @param number run number within the assessment
     * @param kind DEPLOY or TEARDOWN
     * @param state {@link RunState}
     * @param finished whether nothing more will happen
     * @param version approved version deployed, null for a tear-down
     * @param account AWS account
     * @param region region
     * @param stackName stack name
     * @param stackId stack ARN
     * @param changeSetType CREATE or UPDATE
     * @param changeSetId change set ARN
     * @param plan the preview, null while planning
     * @param outcome outputs and resources, on success
     * @param status the stack's last status
     * @param statusReason why it failed, or the stack's reason
     * @param failedResource the first resource that failed, when known
     * @param note what Bearing did on the way
     * @param requestedBy who planned
     * @param requestedAt when
     * @param confirmedBy who confirmed
     * @param confirmedAt when
     * @param finishedAt when it reached a final state
     * @param events the stack's events during the run, oldest first
     */
    public record RunView(int number, String kind, String state, boolean finished, Integer version, String account,
            String region, String stackName, String stackId, String changeSetType, String changeSetId, Plan plan,
            Outcome outcome, String status, String statusReason, String failedResource, String note, String requestedBy,
            Instant requestedAt, String confirmedBy, Instant confirmedAt, Instant finishedAt, List<EventView> events) {
    }

    /**
     * An assessment's provisioning: whether it is offered, where it would go, and its runs.
     *
     * @param assessmentId assessment
     * @param organisation organisation name
     * @param version newest approved version, or null when nothing is approved
     * @param offered whether provisioning is offered
     * @param notOfferedReason why not, or null
     * @param parametersToFill template parameters the consultant must give
     * @param target the organisation's AWS target (the external ID included: it is not a secret)
     * @param defaultStackName stack name proposed
     * @param deployedStack the stack of the newest successful deployment not torn down since, or null
     * @param runs runs, newest first, without events
     * @param active whether a run is planning or executing
     */
    public record Overview(long assessmentId, String organisation, Integer version, boolean offered, String notOfferedReason,
            List<ParameterValue> parametersToFill, TargetRequest target, String defaultStackName, String deployedStack,
            List<RunView> runs, boolean active) {
    }
}
