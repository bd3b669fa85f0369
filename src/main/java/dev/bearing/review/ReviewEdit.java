package dev.bearing.review;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One change a consultant made in review (an override from a layer's menu, an edit of a finding
 * or of the roadmap), or the undo of one. Rows are only ever added: the review is these rows
 * applied in order to the assessment's latest evaluation ({@link ReviewApplier}).
 */
@Entity
@Table(name = "review_edit")
public class ReviewEdit extends PanacheEntity {

    /** The assessment. */
    @Column(name = "assessment_id", nullable = false)
    public long assessmentId;

    /** The evaluation on screen when the edit was made. */
    @Column(name = "evaluation_id", nullable = false)
    public long evaluationId;

    /** What kind of change: an {@link EditKind} key. */
    @Column(nullable = false, length = 30)
    public String kind;

    /** Stack entry key, finding key, roadmap item key, or the undone edit's id. */
    @Column(nullable = false, length = 200)
    public String target;

    /** The edit's values ({@link ReviewApi.EditValues}) as JSON. */
    @Column(name = "payload_json", nullable = false)
    public String payloadJson;

    /** The consultant's note, "" where it was optional and left out. */
    @Column(nullable = false)
    public String note;

    /** Username of who made it. */
    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    /** When. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** For an undo: the id of the edit undone, else null. */
    @Column(name = "undoes_id")
    public Long undoesId;

    /** @return an assessment's edits and undos, oldest first */
    public static List<ReviewEdit> ofAssessment(long assessmentId) {
        return list("assessmentId = ?1 order by createdAt, id", assessmentId);
    }
}
