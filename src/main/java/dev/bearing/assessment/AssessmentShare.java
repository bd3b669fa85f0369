package dev.bearing.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;

/** An assessment shared with a consultant other than its owner: they see and work on it too. */
@Entity
@Table(name = "assessment_share")
@IdClass(AssessmentShare.Key.class)
public class AssessmentShare extends PanacheEntityBase {

    /** The assessment shared. */
    @Id
    @Column(name = "assessment_id")
    public long assessmentId;

    /** The consultant's account id. */
    @Id
    @Column(name = "account_id")
    public long accountId;

    /** Composite key. */
    public static class Key implements Serializable {
        /** Assessment id. */
        public long assessmentId;
        /** Account id. */
        public long accountId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.assessmentId == assessmentId && k.accountId == accountId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(assessmentId) * 31 + Long.hashCode(accountId);
        }
    }

    /** @return the account ids an assessment is shared with */
    public static List<Long> accountsOf(long assessmentId) {
        return find("assessmentId", assessmentId).<AssessmentShare>list().stream().map(s -> s.accountId).toList();
    }
}
