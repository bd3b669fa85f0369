package dev.bearing.provisioning;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Where an organisation's stacks are provisioned: account, region and the role Bearing assumes
 * there. One per organisation, identified by {@code organisation_key(name)} (V7), so a
 * re-assessment of the same organisation reuses it. Holds no secret.
 */
@Entity
@Table(name = "aws_target")
public class AwsTarget extends PanacheEntityBase {

    /** {@code organisation_key(organisation.name)}. */
    @Id
    @Column(name = "organisation_key")
    public String organisationKey;

    /** 12-digit AWS account id the consultant expects, or null (then the account is whatever the credentials reach). */
    @Column(name = "account_id", length = 12)
    public String accountId;

    /** Region, e.g. {@code eu-west-1}, or null to use {@code bearing.provisioning.region}. */
    @Column(length = 30)
    public String region;

    /** ARN of the role to assume in the client's account, or null to use Bearing's own credentials. */
    @Column(name = "role_arn", length = 2048)
    public String roleArn;

    /** External ID the role's trust policy requires ({@code sts:ExternalId}); required with a role. */
    @Column(name = "external_id", length = 1224)
    public String externalId;

    /** CloudFormation service role passed as the change set's RoleARN, or null (CloudFormation then acts as the assumed role). */
    @Column(name = "service_role_arn", length = 2048)
    public String serviceRoleArn;

    /** Who last changed it. */
    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    /** When it was last changed. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
