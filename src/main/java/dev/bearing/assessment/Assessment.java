package dev.bearing.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/** One assessment of an organisation, pinned to the questionnaire version it started on. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntity {

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

    /** Optimistic lock version. */
    @Version
    public int version;

    /** @return all assessments, newest first */
    public static List<Assessment> newestFirst() {
        return find("order by createdAt desc, id desc").list();
    }

    /**
     * @param accountId the caller's account
     * @param admin whether the caller is an admin (sees all)
     * @return the assessments the caller owns or is shared on (all for an admin), newest first
     */
    public static List<Assessment> visibleTo(Long accountId, boolean admin) {
        if (admin) {
            return newestFirst();
        }
        return find("ownerId = ?1 or id in (select s.assessmentId from AssessmentShare s where s.accountId = ?1) "
                + "order by createdAt desc, id desc", accountId).list();
    }
}
