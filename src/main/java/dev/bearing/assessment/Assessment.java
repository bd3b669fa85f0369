package dev.bearing.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One assessment of an organisation, pinned to the questionnaire version it started on. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    /**
     * The assessment's number, shown to the client ("Assessment No. 4" on the report). Taken from
     * the sequence one at a time, not in blocks of 50 as other records' ids are, so that numbers
     * follow on after a restart and between two instances instead of jumping to the next block.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_seq")
    @SequenceGenerator(name = "assessment_seq", sequenceName = "assessment_seq", allocationSize = 1)
    public Long id;

    /** The organisation assessed. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    /** Questionnaire key, e.g. {@code devops-maturity}. */
    @Column(name = "questionnaire_key", nullable = false)
    public String questionnaireKey;

    /** Questionnaire version this assessment is pinned to. */
    @Column(name = "questionnaire_version", nullable = false)
    public int questionnaireVersion;

    /** When the assessment was created. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * The organisation's previous assessment (the milestone before this one), or null for a first
     * assessment. Set at creation; see {@link AssessmentService#create}.
     */
    @Column(name = "previous_assessment_id")
    public Long previousAssessmentId;

    /** The owning consultant's account id; null only for assessments made before accounts existed. */
    @Column(name = "owner_id")
    public Long ownerId;

    /** When the assessment was archived (hidden from the dashboard's default view), or null. */
    @Column(name = "archived_at")
    public Instant archivedAt;

    /** Optimistic lock version. */
    @Version
    public int version;
}
