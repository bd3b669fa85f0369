package dev.bearing.provisioning;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One provisioning run of an assessment: a deployment of its approved stack, or the tear-down of
 * the stack. Written by {@link ProvisioningService} and {@link StackFollower} only.
 */
@Entity
@Table(name = "provisioning_run")
public class ProvisioningRun extends PanacheEntity {

    /** Deploy the approved stack, or delete the stack. */
    public enum Kind {
        DEPLOY, TEARDOWN
    }

    @Column(name = "assessment_id", nullable = false)
    public long assessmentId;

    /** 1, 2, 3… per assessment. */
    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public RunState state;

    /** Approved version deployed (null for a tear-down). */
    @Column(name = "version_number")
    public Integer versionNumber;

    /** 12-digit account the credentials reached (from STS GetCallerIdentity). */
    @Column(name = "account_id", length = 12)
    public String accountId;

    @Column(nullable = false, length = 30)
    public String region;

    /** Role assumed, or null when Bearing's own credentials were used. */
    @Column(name = "role_arn", length = 2048)
    public String roleArn;

    /** CloudFormation service role passed with the change set or deletion, or null. */
    @Column(name = "service_role_arn", length = 2048)
    public String serviceRoleArn;

    @Column(name = "stack_name", nullable = false, length = 128)
    public String stackName;

    /** Stack ARN once known. */
    @Column(name = "stack_id", length = 2048)
    public String stackId;

    /** CREATE or UPDATE (deploy only). */
    @Column(name = "change_set_type", length = 10)
    public String changeSetType;

    @Column(name = "change_set_name", length = 128)
    public String changeSetName;

    @Column(name = "change_set_id", length = 2048)
    public String changeSetId;

    /** CreateChangeSet's ClientToken, made once with the run. */
    @Column(name = "client_token", nullable = false, length = 128)
    public String clientToken;

    /** ExecuteChangeSet's / DeleteStack's ClientRequestToken, made once with the run. */
    @Column(name = "execute_token", nullable = false, length = 128)
    public String executeToken;

    /** The newest stack event id before execution; later events belong to this run. */
    @Column(name = "events_after", length = 1024)
    public String eventsAfter;

    /** The preview ({@link ProvisioningApi.Plan} as JSON). */
    @Column(name = "plan_json")
    public String planJson;

    /** The template sent to CloudFormation (deploy only). */
    @Column(name = "template_body")
    public String templateBody;

    /** Stack outputs on success, JSON object of key to value. */
    @Column(name = "outputs_json")
    public String outputsJson;

    /** The stack's last status, e.g. CREATE_COMPLETE. */
    @Column(length = 64)
    public String status;

    /** Why it failed (or the stack's status reason). */
    @Column(name = "status_reason")
    public String statusReason;

    /** Logical id and type of the first resource that failed, e.g. "ArtefactBucket (AWS::S3::Bucket)". */
    @Column(name = "failed_resource", length = 512)
    public String failedResource;

    /** What Bearing did on the way, for the reader (e.g. "deleted the empty stack left by a failed creation"). */
    @Column
    public String note;

    @Column(name = "requested_by", nullable = false, length = 100)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "confirmed_by", length = 100)
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** When the follower looks at the stack next (EXECUTING only). */
    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    /** Polls in a row answered with Throttling; the interval doubles with each. */
    @Column(name = "throttled_polls", nullable = false)
    public int throttledPolls;

    /** @return the assessment's runs, newest first */
    public static List<ProvisioningRun> ofAssessment(long assessmentId) {
        return list("assessmentId = ?1 order by number desc", assessmentId);
    }

    /** @return run {@code number} of the assessment */
    public static Optional<ProvisioningRun> byNumber(long assessmentId, int number) {
        return find("assessmentId = ?1 and number = ?2", assessmentId, number).firstResultOptional();
    }
}
