package dev.bearing.assessment;

import dev.bearing.questionnaire.Role;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A person answering an assessment's survey from one role, reached by a secret token. */
@Entity
@Table(name = "respondent")
public class Respondent extends PanacheEntity {

    /** The assessment answered. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    /** Optional name or label, e.g. "Head of Platform". */
    @Column(name = "display_name", length = 200)
    public String displayName;

    /** The viewpoint the respondent answers from. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    /**
     * SHA-256 (64 hex characters) of the unguessable token of the personal survey link. The token
     * itself is never stored: it is shown once, when the respondent is added or the link re-issued.
     */
    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    public String tokenHash;

    /** When the respondent was added. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** First answer saved, or null. */
    @Column(name = "started_at")
    public Instant startedAt;

    /** Submission time (the first one), or null while answering. */
    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** E-mail address the invitation and reminders go to, or null (links are then copied by hand). */
    @Column(length = 320)
    public String email;

    /** When an invitation or reminder was last mailed, or null. */
    @Column(name = "last_mailed_at")
    public Instant lastMailedAt;

    /** When a consultant last reopened the submitted survey, or null. */
    @Column(name = "reopened_at")
    public Instant reopenedAt;

    /** Optimistic lock version. */
    @Version
    public int version;

    /** @return the respondent holding this token */
    public static Optional<Respondent> byToken(String token) {
        return find("tokenHash", dev.bearing.common.TokenGenerator.hash(token)).firstResultOptional();
    }

    /** @return an assessment's respondents in the order they were added */
    public static List<Respondent> ofAssessment(long assessmentId) {
        return list("assessment.id = ?1 order by id", assessmentId);
    }
}
