package dev.bearing.review;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An approved version of an assessment: an evaluation frozen with the consultant's overrides and
 * edits applied. Never changed once written; a later approval makes the next number.
 */
@Entity
@Table(name = "assessment_version")
public class AssessmentVersion extends PanacheEntity {

    /** The assessment. */
    @Column(name = "assessment_id", nullable = false)
    public long assessmentId;

    /** 1, 2, 3… per assessment. */
    @Column(nullable = false)
    public int number;

    /** The evaluation approved. */
    @Column(name = "evaluation_id", nullable = false)
    public long evaluationId;

    /** Username of the approver. */
    @Column(name = "approved_by", nullable = false, length = 100)
    public String approvedBy;

    /** The approver's name at approval, as reports show it; null for versions approved before it was kept. */
    @Column(name = "approved_by_name", length = 200)
    public String approvedByName;

    /** @return the approver as reports name them: the name kept at approval, else the username */
    public String approver() {
        return approvedByName != null ? approvedByName : approvedBy;
    }

    /** When it was approved. */
    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;

    /** The rule set the evaluation ran on. */
    @Column(name = "rule_set_version", nullable = false, length = 64)
    public String ruleSetVersion;

    /** Questionnaire key the assessment is pinned to. */
    @Column(name = "questionnaire_key", nullable = false, length = 100)
    public String questionnaireKey;

    /** Questionnaire version the assessment is pinned to. */
    @Column(name = "questionnaire_version", nullable = false)
    public int questionnaireVersion;

    /** The evaluation result with overrides and edits applied, as JSON ({@code EvaluationResult}). */
    @Column(name = "result_json", nullable = false)
    public String resultJson;

    /** SHA-256 (64 hex characters) of {@link #resultJson}. */
    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    /** Adoption-curve quarter, 1–4. */
    @Column(name = "stage_quarter", nullable = false)
    public int stageQuarter;

    /** Phase within the quarter. */
    @Column(name = "stage_phase", nullable = false, length = 10)
    public String stagePhase;

    /** DORA delivery band, or null when not measured. */
    @Column(name = "delivery_band", length = 20)
    public String deliveryBand;

    /** Combined maturity index, 0–100. */
    @Column(name = "maturity_index", nullable = false)
    public BigDecimal maturityIndex;

    /**
     * What the version's PDF shows besides the result, as it was at approval ({@code
     * ReviewService.ReportSnapshot} as JSON: organisation, evaluation time, the respondents'
     * answers, milestone comparison and benchmark), so the PDF renders the same later; null for versions written before V4.
     */
    @Column(name = "report_json")
    public String reportJson;

    /** @return an assessment's versions, newest first */
    public static List<AssessmentVersion> ofAssessment(long assessmentId) {
        return list("assessmentId = ?1 order by number desc", assessmentId);
    }

    /** @return the newest approved version of an assessment, if any */
    public static Optional<AssessmentVersion> latestOf(long assessmentId) {
        return find("assessmentId = ?1 order by number desc", assessmentId).firstResultOptional();
    }
}
