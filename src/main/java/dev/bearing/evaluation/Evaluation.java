package dev.bearing.evaluation;

import dev.bearing.assessment.Assessment;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A stored evaluation of an assessment: the rule set version it ran on and its full result. */
@Entity
@Table(name = "evaluation")
public class Evaluation extends PanacheEntity {

    /** The assessment evaluated. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;

    /** When it ran. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** SHA-256 of the rules folder it ran on. */
    @Column(name = "rule_set_version", nullable = false, length = 64)
    public String ruleSetVersion;

    /** Adoption stage quarter 1..4. */
    @Column(name = "stage_quarter", nullable = false)
    public int stageQuarter;

    /** EARLY or LATE. */
    @Column(name = "stage_phase", nullable = false, length = 10)
    public String stagePhase;

    /** LOW, MEDIUM, HIGH, ELITE or UNKNOWN. */
    @Column(name = "delivery_band", length = 20)
    public String deliveryBand;

    /** Maturity index 0..100. */
    @Column(name = "maturity_index", nullable = false, precision = 5, scale = 1)
    public BigDecimal maturityIndex;

    /** Submitted respondents included. */
    @Column(name = "respondents_included", nullable = false)
    public int respondentsIncluded;

    /** The {@link EvaluationResult} as JSON. */
    @Column(name = "result_json", nullable = false, columnDefinition = "text")
    public String resultJson;

    /** @return the assessment's latest evaluation, if any */
    public static Optional<Evaluation> latestOf(long assessmentId) {
        return find("assessment.id = ?1 order by createdAt desc, id desc", assessmentId).firstResultOptional();
    }
}
