package dev.bearing.assessment;

import dev.bearing.common.Identities;
import dev.bearing.common.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides which assessments the caller may see: admins see all; consultants those they own or
 * are shared on. Services call {@link #assessment(long)} instead of {@code Assessment.findById}
 * for anything reached from a consultant route, so an assessment the caller may not see answers
 * exactly like one that does not exist (404).
 */
@ApplicationScoped
public class AccessControl {

    @Inject
    SecurityIdentity identity;

    /**
     * @param id assessment id
     * @return the assessment, when the caller may see it
     * @throws ProblemException 404 when it does not exist or the caller may not see it
     */
    public Assessment assessment(long id) {
        Assessment a = Assessment.findById(id);
        if (a == null || !maySee(a)) {
            throw ProblemException.notFound("Assessment " + id);
        }
        return a;
    }

    /** @return whether the caller may see the assessment: admins all; consultants their own and those shared with them */
    public boolean maySee(Assessment a) {
        if (Identities.isAdmin(identity)) {
            return true;
        }
        Long me = Identities.accountId(identity);
        return me != null && (me.equals(a.ownerId) || AssessmentShare.count("assessmentId = ?1 and accountId = ?2", a.id, me) > 0);
    }

    /**
     * Asked on every request to an assessment's path ({@code AccessFilters}), so one query and no
     * entity loaded: admins pass without one (a missing assessment still answers 404 further on).
     *
     * @param assessmentId an assessment id
     * @return whether the caller may see it (false when it does not exist, for consultants)
     */
    public boolean maySee(long assessmentId) {
        if (Identities.isAdmin(identity)) {
            return true;
        }
        Long me = Identities.accountId(identity);
        return me != null && Assessment.count("id = ?1 and (ownerId = ?2 or exists (select 1 from AssessmentShare s "
                + "where s.assessmentId = ?1 and s.accountId = ?2))", assessmentId, me) > 0;
    }

    /**
     * @return whether the caller owns the assessment or is an admin: only they may delete it or
     *     change who it is shared with (a consultant it is shared with works on it, no more)
     */
    public boolean ownsOrAdmin(Assessment a) {
        return Identities.isAdmin(identity) || a.ownerId != null && a.ownerId.equals(Identities.accountId(identity));
    }

    /** @return the caller's account id, or null when anonymous */
    public Long accountId() {
        return Identities.accountId(identity);
    }

    /** @return whether the caller is an admin */
    public boolean isAdmin() {
        return Identities.isAdmin(identity);
    }

    /** @return the caller's username, or {@code anonymous} */
    public String actor() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
