package dev.bearing.security;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the append-only audit log (a database trigger refuses UPDATE and DELETE). Written
 * only through {@link Audit}.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntity {

    /** When it happened. */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** Username of who did it, or {@code anonymous} / {@code system}. */
    @Column(nullable = false, length = 100)
    public String actor;

    /** What happened, a dotted name such as {@code login.failed} or {@code review.override}. */
    @Column(nullable = false, length = 60)
    public String action;

    /** The assessment concerned, or null for account-level events. */
    @Column(name = "assessment_id")
    public Long assessmentId;

    /** Plain-language detail: what changed, from what to what, with the note given. */
    @Column(nullable = false)
    public String detail;

    /** The client's IP address, when the event came from a request. */
    @Column(name = "remote_address", length = 64)
    public String remoteAddress;

    /** @return an assessment's events, newest first */
    public static List<AuditEvent> ofAssessment(long assessmentId) {
        return list("assessmentId = ?1 order by occurredAt desc, id desc", assessmentId);
    }
}
