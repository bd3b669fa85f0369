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
import java.util.Optional;

/** A respondent's answer to one question; at most one per question and respondent. */
@Entity
@Table(name = "answer")
public class Answer extends PanacheEntity {

    /** Who answered. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "respondent_id")
    public Respondent respondent;

    /** Question key, e.g. {@code ci.build_trigger}. */
    @Column(name = "question_key", nullable = false, length = 100)
    public String questionKey;

    /** The canonical {@link dev.bearing.questionnaire.AnswerValue} as JSON. */
    @Column(name = "value_json", nullable = false, columnDefinition = "text")
    public String valueJson;

    /** When the answer was last saved. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock version; a save must name the version it read. */
    @Version
    public int version;

    /** @return a respondent's answers */
    public static List<Answer> ofRespondent(long respondentId) {
        return list("respondent.id", respondentId);
    }

    /**
     * The stored answers of several respondents, read as values: no entity is loaded, so there is
     * nothing for the session to track or check at commit (a full survey is a few hundred answers).
     *
     * @param respondentIds respondents
     * @return each answer as respondent id, question key and value JSON, in no particular order
     */
    public static List<Object[]> valuesOf(java.util.Collection<Long> respondentIds) {
        return getEntityManager().createQuery("select a.respondent.id, a.questionKey, a.valueJson from Answer a "
                + "where a.respondent.id in :ids", Object[].class).setParameter("ids", respondentIds).getResultList();
    }

    /** @return the respondent's answer to the question, if any */
    public static Optional<Answer> of(long respondentId, String questionKey) {
        return find("respondent.id = ?1 and questionKey = ?2", respondentId, questionKey).firstResultOptional();
    }
}
