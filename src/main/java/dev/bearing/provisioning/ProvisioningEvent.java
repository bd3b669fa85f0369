package dev.bearing.provisioning;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A stack event of a run, as CloudFormation's DescribeStackEvents reported it. */
@Entity
@Table(name = "provisioning_event")
public class ProvisioningEvent extends PanacheEntity {

    @Column(name = "run_id", nullable = false)
    public long runId;

    /** CloudFormation's event id. */
    @Column(name = "event_id", nullable = false, length = 1024)
    public String eventId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** Logical id of the resource (the stack's own name for stack-level events). */
    @Column(name = "logical_id", nullable = false, length = 512)
    public String logicalId;

    @Column(name = "resource_type", length = 256)
    public String resourceType;

    /** e.g. CREATE_IN_PROGRESS, CREATE_FAILED. */
    @Column(nullable = false, length = 64)
    public String status;

    @Column
    public String reason;

    /** @return a run's events, oldest first */
    public static List<ProvisioningEvent> ofRun(long runId) {
        return list("runId = ?1 order by occurredAt, id", runId);
    }
}
