package dev.bearing.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * Two requests that change the same row at once (two reminders sent from two tabs): the one whose
 * commit finds the row changed gets a 409 saying nothing was changed, on a page or as
 * problem+json, not a 500 with an incident number. The race surfaces at commit, wrapped in
 * QuarkusTransaction's exception, as a new user's two parallel reminder POSTs showed.
 */
@QuarkusTest
class RacedWritesTest {

    private static RuntimeException raceAtCommit() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(new OptimisticLockException("Unexpected row count (expected row count 1 but was 0)"));
        return new QuarkusTransactionException(rollback);
    }

    private static UriInfo path(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> "getPath".equals(method.getName()) ? path : null);
    }

    @Test
    void aPageRequestThatRacedAnotherGetsA409PageSayingNothingChanged() {
        Response r = new ProblemMappers().unexpected(raceAtCommit(), path("/assessments/7/respondents/reminders"));
        assertEquals(409, r.getStatus());
        assertTrue(r.getMediaType().toString().startsWith("text/html"), r.getMediaType().toString());
        String page = String.valueOf(r.getEntity() instanceof io.quarkus.qute.TemplateInstance t ? t.render() : r.getEntity());
        assertTrue(page.contains("this request changed nothing. Reload and try again."), page);
        assertTrue(!page.contains("incident"), page);
    }

    @Test
    void anApiRequestThatRacedAnotherGetsAStaleVersionProblem() {
        Response r = new ProblemMappers().unexpected(raceAtCommit(), path("/api/v1/assessments/7/respondents/reminders"));
        assertEquals(409, r.getStatus());
        Problem p = (Problem) r.getEntity();
        assertEquals(ProblemTypes.STALE_VERSION, p.type());
        assertTrue(p.detail().contains("changed nothing"), p.detail());
    }
}
