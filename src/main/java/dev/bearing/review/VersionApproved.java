package dev.bearing.review;

/**
 * CDI event fired (synchronously, inside the approving transaction) after a version is written.
 *
 * @param versionId the new {@link AssessmentVersion}'s id
 * @param assessmentId its assessment
 */
public record VersionApproved(long versionId, long assessmentId) {
}
