package dev.bearing.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts {@link VersionApproved} events per assessment, for the tests. */
@ApplicationScoped
public class ApprovalCounter {

    private static final Map<Long, Integer> SEEN = new ConcurrentHashMap<>();

    void onApproved(@Observes VersionApproved e) {
        SEEN.merge(e.assessmentId(), 1, Integer::sum);
    }

    static int seen(long assessmentId) {
        return SEEN.getOrDefault(assessmentId, 0);
    }
}
