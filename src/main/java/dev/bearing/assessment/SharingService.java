package dev.bearing.assessment;

import dev.bearing.common.Identities;
import dev.bearing.common.ProblemException;
import dev.bearing.common.StorableText;
import dev.bearing.security.Account;
import dev.bearing.security.Audit;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Who works on an assessment besides its owner. The owner (or an admin) shares it with another
 * consultant by username, and can take the share back; those shared on see and work on it like
 * the owner, but cannot share it further. Every change is audited.
 */
@ApplicationScoped
public class SharingService {

    @Inject
    AccessControl access;

    @Inject
    SecurityIdentity identity;

    @Inject
    Audit audit;

    /**
     * @param owner the owning consultant's username, or null
     * @param sharedWith usernames the assessment is shared with, alphabetical
     * @param mayShare whether the caller may change the shares (owner or admin)
     */
    public record Sharing(String owner, List<String> sharedWith, boolean mayShare) {
    }

    /**
     * @return the assessment's owner and shares
     * @throws ProblemException 404 when the caller may not see it
     */
    @Transactional
    public Sharing sharing(long assessmentId) {
        Assessment a = access.assessment(assessmentId);
        String owner = a.ownerId == null ? null : Account.<Account>findByIdOptional(a.ownerId).map(x -> x.username).orElse(null);
        List<String> shared = AssessmentShare.accountsOf(a.id).stream()
                .map(id -> Account.<Account>findByIdOptional(id).map(x -> x.username).orElse("?")).sorted().toList();
        return new Sharing(owner, shared, mayShare(a));
    }

    /**
     * Shares the assessment with a consultant.
     *
     * @throws ProblemException 404 unknown assessment (or not visible); 403 when the caller is
     *     not its owner or an admin; 400 naming {@code username} when no such enabled account exists
     *     or it is the owner
     */
    @Transactional
    public Sharing share(long assessmentId, String username) {
        Assessment a = access.assessment(assessmentId);
        requireMayShare(a);
        if (username == null || username.isBlank()) {
            throw ProblemException.badField("username", "Give the username of the consultant to share with.");
        }
        StorableText.refuseNul("username", username);
        Account who = Account.byUsername(username).filter(x -> x.enabled)
                .orElseThrow(() -> ProblemException.badField("username", "No active account is called \"" + username + "\"."));
        if (who.id.equals(a.ownerId)) {
            throw ProblemException.badField("username", who.username + " owns this assessment already.");
        }
        if (!AssessmentShare.accountsOf(a.id).contains(who.id)) {
            AssessmentShare s = new AssessmentShare();
            s.assessmentId = a.id;
            s.accountId = who.id;
            s.persist();
            audit.record("assessment.shared", a.id, "shared with \"" + who.username + "\"");
        }
        return sharing(assessmentId);
    }

    /**
     * Takes a share back.
     *
     * @throws ProblemException as {@link #share}
     */
    @Transactional
    public Sharing unshare(long assessmentId, String username) {
        Assessment a = access.assessment(assessmentId);
        requireMayShare(a);
        Account.byUsername(username).ifPresent(who -> {
            long removed = AssessmentShare.delete("assessmentId = ?1 and accountId = ?2", a.id, who.id);
            if (removed > 0) {
                audit.record("assessment.unshared", a.id, "no longer shared with \"" + who.username + "\"");
            }
        });
        return sharing(assessmentId);
    }

    private boolean mayShare(Assessment a) {
        return access.ownsOrAdmin(a);
    }

    private void requireMayShare(Assessment a) {
        if (!mayShare(a)) {
            throw new ProblemException(403, "Forbidden", "Only the assessment's owner or an admin can change who it is shared with.",
                    List.of(), dev.bearing.common.ProblemTypes.FORBIDDEN);
        }
    }
}
