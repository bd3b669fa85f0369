package dev.bearing.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Writes the append-only audit log: logins, account changes, overrides, edits, approvals,
 * reopenings, exports, deletions. Each call adds one {@link AuditEvent} in the caller's
 * transaction (or a new one), naming the current user and address.
 */
@ApplicationScoped
public class Audit {

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @Inject
    Instance<HttpServerRequest> request;

    /**
     * @param action dotted name, e.g. {@code review.override}, {@code assessment.deleted}
     * @param assessmentId the assessment concerned, or null
     * @param detail plain-language detail (what, from what to what, the note)
     */
    @Transactional
    public void record(String action, Long assessmentId, String detail) {
        recordAs(identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName(), action, assessmentId, detail);
    }

    /**
     * As {@link #record}, naming the actor explicitly (a failed login names the username tried).
     */
    @Transactional
    public void recordAs(String actor, String action, Long assessmentId, String detail) {
        recordFrom(actor, action, assessmentId, detail, remoteAddress());
    }

    /**
     * As {@link #recordAs}, with the client's address given by the caller: for work done outside
     * the request's context (a login is checked on a worker thread, where the request cannot be
     * injected). The address comes from the same place as everywhere else, the HTTP request's
     * remote address (which honours {@code quarkus.http.proxy.*} when a proxy is configured).
     *
     * @param address the client's IP address, or null when not known
     */
    @Transactional
    public void recordFrom(String actor, String action, Long assessmentId, String detail, String address) {
        if (head()) {
            return; // a HEAD request runs the GET's code but sends nothing: nothing was exported or read
        }
        AuditEvent e = new AuditEvent();
        e.occurredAt = clock.instant();
        actor = shown(actor);
        e.actor = actor.length() > 100 ? actor.substring(0, 100) : actor;
        e.action = action;
        e.assessmentId = assessmentId;
        e.detail = detail == null ? "" : shown(detail);
        e.remoteAddress = address;
        e.persist();
    }

    /**
     * What the log keeps of text someone typed (a username tried at login, a note): a NUL, which
     * PostgreSQL cannot store, and the invisible bidirectional controls (U+200E, U+200F, U+061C,
     * U+202A..U+202E, U+2066..U+2069), which would make the log page show another text than was
     * sent (U+202E followed by "nimda" reads as "admin"), are written as a backslash, "u" and the
     * code in hex, so the attempt stays
     * in the log as it was made.
     */
    static String shown(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hidden = c == 0 || c == 0x200E || c == 0x200F || c == 0x061C || c >= 0x202A && c <= 0x202E
                    || c >= 0x2066 && c <= 0x2069;
            if (hidden && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (hidden) {
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private boolean head() {
        try {
            return request.get().method() == io.vertx.core.http.HttpMethod.HEAD;
        } catch (RuntimeException outsideRequest) {
            return false;
        }
    }

    private String remoteAddress() {
        try {
            HttpServerRequest r = request.get();
            return dev.bearing.common.ClientAddress.of(r);
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }
}
