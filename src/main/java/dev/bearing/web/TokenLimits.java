package dev.bearing.web;

import dev.bearing.common.BearingConfig;
import dev.bearing.common.ProblemTypes;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One survey link cannot starve the others: requests under {@code /survey/{token}} and
 * {@code /api/v1/respondents/{token}} are limited per token to
 * {@code bearing.limits.concurrent-per-token} at once and to a token bucket of
 * {@code bearing.limits.per-second} per second (bursts up to {@code bearing.limits.burst}).
 * Beyond that the answer is 429 with {@code Retry-After} (seconds), which {@code survey.js}
 * honours by keeping the answer and sending it again later. Every save of one respondent locks
 * that respondent's row, so requests above the limit would only wait holding a database
 * connection.
 */
@ApplicationScoped
public class TokenLimits {

    private static final Pattern TOKEN_PATH = Pattern.compile("^/(?:survey|api/v1/respondents)/([^/]+)");
    static final int MAX_TRACKED = 10_000;
    /** A link's budget is forgotten after this long without a request (and none in flight). */
    static final long IDLE_NANOS = 60_000_000_000L;

    @Inject
    BearingConfig config;

    private final ConcurrentMap<String, Budget> budgets = new ConcurrentHashMap<>();

    /**
     * The number of tracked links above which idle budgets are removed: at least
     * {@link #MAX_TRACKED}, and twice what the last removal kept. Removal scans every budget, so
     * with more than {@code MAX_TRACKED} links active within a minute a fixed threshold scanned
     * them all on every request, on the event loop (30,000 respondents saving: three quarters of
     * the CPU, bench/parts/20-autosave); doubling makes it one scan per as many new links as it kept.
     */
    private volatile int pruneAt = MAX_TRACKED;

    /** How often the budgets were scanned for idle ones (tests). */
    int scans;

    /** Tokens in flight and left in the bucket for one link. */
    static final class Budget {
        int inFlight;
        double tokens;
        long refilledAt;
        long lastUsed;
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, 900);
    }

    void limit(RoutingContext rc) {
        Matcher m = TOKEN_PATH.matcher(rc.request().path() == null ? "" : rc.request().path());
        if (!m.find()) {
            rc.next();
            return;
        }
        String token = m.group(1);
        int retryAfter = acquire(token, System.nanoTime());
        if (retryAfter > 0) {
            boolean api = rc.request().path().startsWith("/api/");
            rc.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(retryAfter))
                    .putHeader("Content-Type", api ? "application/problem+json" : "text/html; charset=utf-8")
                    .end(api ? "{\"type\":\"" + ProblemTypes.TOO_MANY_REQUESTS + "\",\"title\":\"Too many requests\","
                            + "\"status\":429,\"detail\":\"Too many requests for this survey link at once; try again in "
                            + retryAfter + " s. This request was not carried out; answers saved before it are kept.\"}"
                            : ExpiredFormPage.page("One moment, please", "This survey link is sending many requests at once, so "
                                    + "this one was not carried out. Answers saved before it are kept; try again in a few seconds."));
            return;
        }
        rc.addEndHandler(done -> release(token));
        rc.next();
    }

    /**
     * @param token the survey link's token
     * @param now {@link System#nanoTime()}
     * @return 0 when the request may go ahead (then {@link #release} must follow), otherwise the
     *     seconds to wait before retrying
     */
    int acquire(String token, long now) {
        if (budgets.size() > pruneAt) {
            prune(now);
        }
        Budget b = budgets.computeIfAbsent(token, t -> {
            Budget fresh = new Budget();
            fresh.tokens = config.limits().burst();
            fresh.refilledAt = now;
            return fresh;
        });
        synchronized (b) {
            b.lastUsed = now;
            double rate = config.limits().perSecond();
            b.tokens = Math.min(config.limits().burst(), b.tokens + (now - b.refilledAt) / 1e9 * rate);
            b.refilledAt = now;
            if (b.inFlight >= config.limits().concurrentPerToken()) {
                return 1;
            }
            if (b.tokens < 1) {
                return (int) Math.max(1, Math.ceil((1 - b.tokens) / rate));
            }
            b.tokens -= 1;
            b.inFlight++;
            return 0;
        }
    }

    /** Removes the budgets of links idle for {@link #IDLE_NANOS} with nothing in flight. */
    private synchronized void prune(long now) {
        if (budgets.size() <= pruneAt) {
            return; // another request just did
        }
        budgets.values().removeIf(b -> {
            synchronized (b) {
                return b.inFlight == 0 && now - b.lastUsed > IDLE_NANOS;
            }
        });
        pruneAt = Math.max(MAX_TRACKED, 2 * budgets.size());
        scans++;
    }

    /** @return the number of links whose budget is kept (tests) */
    int tracked() {
        return budgets.size();
    }

    void release(String token) {
        Budget b = budgets.get(token);
        if (b != null) {
            synchronized (b) {
                b.inFlight = Math.max(0, b.inFlight - 1);
            }
        }
    }
}
