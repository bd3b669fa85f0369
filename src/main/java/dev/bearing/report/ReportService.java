package dev.bearing.report;

import dev.bearing.assessment.AnswerCodec;
import dev.bearing.assessment.Assessment;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.assessment.Respondent;
import dev.bearing.common.ProblemException;
import dev.bearing.evaluation.EvaluationService;
import dev.bearing.evaluation.EvaluationService.StoredEvaluation;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Produces the PDF roadmap of an assessment's latest evaluation. A report whose data has not
 * changed since it was last rendered comes from {@link ReportCache} (keyed by a hash of
 * everything it shows; {@code bearing.report.cache-megabytes}, default 32). At most
 * {@code bearing.report.max-concurrent} renders run at once (default 2); a request that waits
 * longer than {@code bearing.report.queue-wait-seconds} gets 503 with Retry-After instead of
 * risking the heap.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    EvaluationService evaluations;

    @Inject
    AssessmentService assessments;

    @Inject
    AnswerCodec codec;

    @Inject
    ReportRenderer renderer;

    @Inject
    dev.bearing.milestone.MilestoneService milestones;

    @Inject
    dev.bearing.benchmark.BenchmarkService benchmarks;

    private final Semaphore slots;
    private final int waitSeconds;
    private final ReportCache cache;

    /**
     * @param config Bearing's settings: render slots, how long a request waits for one, cache size
     * @param json the application's JSON mapper (for the cache key)
     */
    @Inject
    public ReportService(dev.bearing.common.BearingConfig config, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.slots = new Semaphore(config.report().maxConcurrent(), true);
        this.waitSeconds = config.report().queueWaitSeconds();
        this.cache = new ReportCache(json, config.report().cacheMegabytes() * 1024L * 1024L);
        io.micrometer.core.instrument.Metrics.gauge("bearing.report.queue", slots, Semaphore::getQueueLength); // renders waiting for a slot
    }

    /**
     * Renders the PDF roadmap.
     *
     * @param assessmentId assessment id
     * @return PDF bytes
     * @throws ProblemException 404 unknown assessment or no evaluation yet; 503 (with a
     *     Retry-After hint in the detail) when the renderer is saturated
     */
    public byte[] pdf(long assessmentId) {
        return pdf(data(assessmentId));
    }

    /**
     * Renders a PDF roadmap from data already gathered (a draft with the review applied, or an
     * approved version), within the same limit on concurrent renders; the same data a second
     * time comes from the cache (a draft then keeps the rendering time and document ID of its
     * first rendering).
     *
     * @param data what the report shows
     * @return PDF bytes
     * @throws ProblemException 503 when the renderer is saturated
     */
    public byte[] pdf(ReportData data) {
        String key = cache.key(data);
        byte[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        boolean acquired;
        try {
            acquired = slots.tryAcquire(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ReportBusyException();
        }
        try {
            // another request may have rendered the same report while this one waited
            byte[] pdf = cache.get(key);
            if (pdf == null) {
                pdf = renderer.render(data);
                cache.put(key, pdf);
            }
            return pdf;
        } finally {
            slots.release();
        }
    }

    /**
     * @return what the report shows: the latest evaluation and the submitted respondents' answers
     * @throws ProblemException 404 unknown assessment or no evaluation yet
     */
    @Transactional
    public ReportData data(long assessmentId) {
        StoredEvaluation e = evaluations.latest(assessmentId);
        return data(assessmentId, e.evaluatedAt(), e.result(), null);
    }

    /**
     * @param assessmentId assessment id
     * @param evaluatedAt when the evaluation shown ran
     * @param result the result to show (with a consultant's review applied, or not)
     * @param approval the approved version, or null for a draft
     * @return the report's data: that result with the submitted respondents' answers as they are now
     * @throws ProblemException 404 unknown assessment
     */
    @Transactional
    public ReportData data(long assessmentId, java.time.Instant evaluatedAt,
            dev.bearing.evaluation.EvaluationResult result, ReportData.Approval approval) {
        Assessment a = AssessmentService.find(assessmentId);
        Questionnaire q = assessments.questionnaire(a);
        List<ReportData.RespondentAnswers> respondents = new ArrayList<>();
        for (Respondent r : Respondent.ofAssessment(a.id)) {
            if (r.submittedAt == null) {
                continue;
            }
            Map<String, AnswerValue> answers = codec.answersOf(r, q);
            Set<String> visible = Visibility.visibleKeys(q, r.role, answers);
            List<ReportData.AnsweredQuestion> rows = new ArrayList<>();
            for (Questionnaire.Section s : q.sections()) {
                for (Question qu : s.questions()) {
                    if (!visible.contains(qu.key())) {
                        continue;
                    }
                    AnswerValue v = answers.get(qu.key());
                    rows.add(new ReportData.AnsweredQuestion(s.title(), qu.key(), qu.text(), v == null ? null : v.display(qu)));
                }
            }
            respondents.add(new ReportData.RespondentAnswers(r.role.label(), r.displayName, rows));
        }
        return new ReportData(a.organisation.name, a.id, evaluatedAt, result, respondents,
                milestones.compare(a.id, result, evaluatedAt),
                benchmarks.place(a.id, result, "the evaluation of " + java.time.format.DateTimeFormatter
                        .ofPattern("d MMMM uuuu", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC)
                        .format(evaluatedAt)), approval);
    }

    /** @return the cache of rendered PDFs (for tests and metrics) */
    ReportCache cache() {
        return cache;
    }

    /** All render slots stayed busy: the client should retry shortly. */
    public static class ReportBusyException extends ProblemException {

        /** Seconds a client should wait before retrying. */
        public static final int RETRY_AFTER_SECONDS = 10;

        ReportBusyException() {
            super(503, "Busy", "Several reports are being rendered; retry in " + RETRY_AFTER_SECONDS + " seconds.",
                    List.of());
        }
    }
}
