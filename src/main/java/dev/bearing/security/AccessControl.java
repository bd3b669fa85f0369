package dev.bearing.security;

import dev.bearing.assessment.Assessment;
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

    /** @return whether the caller may see the assessment */
    public boolean maySee(Assessment a) {
        return true; // owner and sharing checks land with login (security foundation)
    }

    /** @return the caller's username, or {@code anonymous} */
    public String actor() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
