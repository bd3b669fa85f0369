package dev.bearing.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.assessment.Assessment;
import dev.bearing.benchmark.Benchmark.CapabilityPercentile;
import dev.bearing.benchmark.Benchmark.Group;
import dev.bearing.benchmark.Benchmark.StageShare;
import dev.bearing.common.BearingConfig;
import dev.bearing.evaluation.Evaluation;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import dev.bearing.evaluation.RuleEngine;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import dev.bearing.review.VersionApproved;
import dev.bearing.assessment.AccessControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark within the consultancy, computed in PostgreSQL.
 *
 * <p>Why a side table: an approved version's {@code result_json} holds the whole result (tool menus,
 * roadmap, answers' comments), tens of kilobytes. Parsing every approved version's JSON on every
 * request would grow with the consultancy's history; instead, when a version is approved
 * ({@link VersionApproved}, inside the approving transaction) the SQL function
 * {@code benchmark_record} (V7) copies the few figures a benchmark needs into
 * {@code benchmark_entry} (one row per approved assessment, its latest version: stage, band,
 * industry, size) and {@code benchmark_score} (its combined capability scores). The percentiles
 * are then one aggregate query per group: per capability, how many of the group's assessments
 * score lower than this organisation, out of how many scored it. That is PostgreSQL's
 * hypothetical-set {@code percent_rank(score) WITHIN GROUP (ORDER BY score)}, counted with a
 * filter instead, which needs no sort: 0.4 s instead of 1.3 s for 20,000 approved assessments
 * (bench/benchmark-query.sql). Since V10 the counts below each score are kept per capability and
 * group by triggers ({@code benchmark_score_count}), so a percentile sums a few hundred count rows
 * (bench/README.md, part 15).
 *
 * <p>The organisation is placed with this assessment's latest evaluation (or the result the PDF
 * shows) against the approved assessments of <em>other</em> organisations: its own assessments
 * (same name, case and spaces aside, or linked as milestones) never count, so a re-assessment is
 * not compared with itself.
 */
@ApplicationScoped
public class BenchmarkService {

    /** Group kinds. */
    public static final String ALL = "ALL";
    public static final String INDUSTRY = "INDUSTRY";
    public static final String SIZE = "SIZE";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    AccessControl access;

    @Inject
    ObjectMapper json;

    @Inject
    BearingConfig config;

    @Inject
    RuleEngine engine;

    @Inject
    QuestionnaireRegistry questionnaires;

    @Inject
    EntityManager em;

    /**
     * Records a newly approved version in the benchmark, in the approving transaction.
     *
     * @param approved the approval event
     */
    void onApproved(@Observes VersionApproved approved) {
        record(approved.versionId());
    }

    /**
     * Records an approved version in the benchmark (replacing its assessment's older version).
     *
     * @param versionId an {@code assessment_version} id
     * @return capability scores recorded; 0 for an unknown or superseded version
     */
    @Transactional
    public int record(long versionId) {
        em.flush();
        Number n = (Number) em.createNativeQuery("select benchmark_record(:id)").setParameter("id", versionId)
                .getSingleResult();
        return n == null ? 0 : n.intValue();
    }

    /**
     * @param assessmentId assessment id
     * @return where its latest evaluation sits among the approved assessments of other organisations
     * @throws dev.bearing.common.ProblemException 404 when the assessment does not exist or the
     *     caller may not see it
     */
    @Transactional
    public Benchmark place(long assessmentId) {
        Assessment a = access.assessment(assessmentId);
        return Evaluation.latestOf(a.id)
                .map(e -> place(a, read(e.resultJson), "the evaluation of " + DATE.format(e.createdAt)))
                .orElseGet(() -> place(a, null, null));
    }

    /**
     * @param assessmentId assessment id
     * @param shown the result to place (e.g. the one the PDF shows)
     * @param basis what it is, for readers, e.g. "the evaluation of 3 March 2026"
     * @return where that result sits among the approved assessments of other organisations
     * @throws dev.bearing.common.ProblemException 404 when the assessment does not exist or the
     *     caller may not see it
     */
    @Transactional
    public Benchmark place(long assessmentId, EvaluationResult shown, String basis) {
        return place(access.assessment(assessmentId), shown, basis);
    }

    private Benchmark place(Assessment a, EvaluationResult shown, String basis) {
        // PostgreSQL's JIT compiler judged the percentile query (18 index counts, estimated as
        // 100) worth compiling: 160 ms of compilation for a 20 ms query at 20,000 assessments
        // (bench/parts/15-benchmark-percentiles). Off for this transaction only.
        em.createNativeQuery("set local jit = off").executeUpdate();
        int minimum = Math.max(1, config.benchmark().minimumAssessments());
        String method = "Each percentile is the share of the approved assessments of other organisations in the"
                + " group that score lower on the capability (equal scores do not count as lower), using each"
                + " assessment's latest approved version. Industry and size are the business respondents' answers,"
                + " else the answer most respondents gave. No other organisation is named, and a group's figures"
                + " are shown only once it holds " + minimum + " approved assessments.";
        Peers peers = new Peers(excluded(a), a.organisation.name);
        String industry = choice(a.id, "context.industry");
        String size = choice(a.id, "context.organisation_size");
        Map<String, CapabilityResult> scored = new LinkedHashMap<>();
        if (shown != null) {
            for (CapabilityResult c : shown.capabilities() == null ? List.<CapabilityResult>of() : shown.capabilities()) {
                if (c.combined() != null && c.key() != null) {
                    scored.put(c.key(), c);
                }
            }
        }
        int quarter = shown == null || shown.stage() == null ? 0 : shown.stage().quarter();
        List<Group> groups = new ArrayList<>();
        groups.add(group(ALL, null, "All approved assessments", peers, minimum, scored, quarter));
        if (industry != null) {
            groups.add(group(INDUSTRY, industry, label("context.industry", industry), peers, minimum, scored, quarter));
        }
        if (size != null) {
            groups.add(group(SIZE, size, label("context.organisation_size", size), peers, minimum, scored, quarter));
        }
        return new Benchmark(a.id, basis, minimum, groups, method);
    }

    /** Whom the organisation is compared with: not itself, nor its other milestones. */
    private record Peers(Set<Long> excluded, String organisation) {
        // the organisation's key as an InitPlan: computed once per statement, also in the generic
        // plan PostgreSQL uses for a prepared statement (there, organisation_key(:organisation)
        // inline ran its regular expression once per row: 0.2 s per 20,000 entries)
        private static final String KEY = "(select organisation_key(:organisation))";

        String where(String kind) {
            return "e.assessment_id <> all(cast(:excluded as bigint[]))"
                    + " and e.organisation_key <> " + KEY + group("e", kind);
        }

        /** The condition "in the group" over a table alias with industry and organisation_size. */
        static String group(String alias, String kind) {
            return INDUSTRY.equals(kind) ? " and " + alias + ".industry = :key"
                    : SIZE.equals(kind) ? " and " + alias + ".organisation_size = :key" : "";
        }

        /** The group's entries that are NOT peers: the organisation's own (by name or milestone). */
        String own(String kind) {
            return "select e.assessment_id from benchmark_entry e where (e.organisation_key = " + KEY
                    + " or e.assessment_id = any(cast(:excluded as bigint[])))" + group("e", kind);
        }

        Query bind(Query q, String key) {
            q.setParameter("excluded", excluded.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
            q.setParameter("organisation", organisation);
            if (key != null) {
                q.setParameter("key", key);
            }
            return q;
        }
    }

    @SuppressWarnings("unchecked")
    private Group group(String kind, String key, String name, Peers peers, int minimum,
            Map<String, CapabilityResult> scored, int quarter) {
        List<Object[]> stageRows = peers.bind(em.createNativeQuery("select e.stage_quarter, count(*) from benchmark_entry e where "
                + peers.where(kind) + " group by e.stage_quarter"), key).getResultList();
        Map<Integer, Integer> byStage = new HashMap<>();
        int total = 0;
        for (Object[] r : stageRows) {
            int n = ((Number) r[1]).intValue();
            byStage.put(((Number) r[0]).intValue(), n);
            total += n;
        }
        if (total < minimum) {
            String message = "Shown once " + minimum + " approved assessments of other organisations exist in this group; "
                    + total + " so far.";
            return new Group(kind, key, name, total, false, message, List.of(), List.of());
        }
        List<StageShare> stages = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            int n = byStage.getOrDefault(q, 0);
            stages.add(new StageShare(q, stageName(q), n, (int) Math.round(100.0 * n / total), q == quarter));
        }
        Map<String, Object[]> ranks = new HashMap<>();
        if (!scored.isEmpty()) {
            Map<String, Double> target = new LinkedHashMap<>();
            scored.forEach((k, c) -> target.put(k, c.combined()));
            // per capability: the group's scores, and those below the target, summed from the
            // counts per distinct score that triggers keep (V10; a few hundred rows, not tens of
            // thousands of score rows), less the same counts over the organisation's own entries
            // (a handful)
            Query q = em.createNativeQuery("""
                    with target as (select t.key as capability, cast(t.value as double precision) as score
                                    from jsonb_each_text(cast(:target as jsonb)) t),
                         own as materialized (%s)
                    select t.capability,
                           (select coalesce(sum(c.n), 0) from benchmark_score_count c
                            where c.capability = t.capability and c.group_kind = :groupKind and c.group_key = :groupKey)
                             - (select count(*) from benchmark_score s join own o on o.assessment_id = s.assessment_id
                                where s.capability = t.capability),
                           (select coalesce(sum(c.n), 0) from benchmark_score_count c
                            where c.capability = t.capability and c.group_kind = :groupKind and c.group_key = :groupKey
                              and c.score < t.score)
                             - (select count(*) from benchmark_score s join own o on o.assessment_id = s.assessment_id
                                where s.capability = t.capability and s.score < t.score)
                    from target t""".formatted(peers.own(kind)));
            q.setParameter("groupKind", kind).setParameter("groupKey", key == null ? "" : key);
            q.setParameter("target", write(target));
            for (Object[] r : (List<Object[]>) peers.bind(q, key).getResultList()) {
                ranks.put((String) r[0], r);
            }
        }
        List<CapabilityPercentile> capabilities = new ArrayList<>();
        scored.forEach((k, c) -> {
            Object[] r = ranks.get(k);
            int compared = r == null ? 0 : ((Number) r[1]).intValue();
            Integer percentile = compared < minimum ? null : (int) Math.round(100.0 * ((Number) r[2]).intValue() / compared);
            capabilities.add(new CapabilityPercentile(k, c.name(), Math.round(c.combined() * 10) / 10.0, compared,
                    percentile));
        });
        return new Group(kind, key, name, total, true, null, capabilities, stages);
    }

    /** @return this assessment and the milestones linked to it, before and after */
    @SuppressWarnings("unchecked")
    private Set<Long> excluded(Assessment a) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(a.id);
        Long p = a.previousAssessmentId;
        while (p != null && ids.add(p) && ids.size() < 1000) {
            Assessment prev = Assessment.findById(p);
            p = prev == null ? null : prev.previousAssessmentId;
        }
        List<Number> later = em.createNativeQuery("""
                with recursive later(id) as (
                    select id from assessment where previous_assessment_id = :id
                    union select x.id from assessment x join later l on x.previous_assessment_id = l.id)
                select id from later""").setParameter("id", a.id).getResultList();
        later.forEach(n -> ids.add(n.longValue()));
        return ids;
    }

    private String choice(long assessmentId, String questionKey) {
        Object v = em.createNativeQuery("select assessment_context_choice(:id, :question)")
                .setParameter("id", assessmentId).setParameter("question", questionKey).getSingleResult();
        return v == null ? null : v.toString();
    }

    private String label(String questionKey, String choiceKey) {
        return questionnaires.latest("devops-maturity").question(questionKey).map(Question::choices)
                .flatMap(cs -> cs.stream().filter(c -> c.key().equals(choiceKey)).findFirst())
                .map(Question.Choice::label).orElse(choiceKey);
    }

    private String stageName(int quarter) {
        try {
            return engine.ruleBase().curve().stage(quarter).name();
        } catch (IllegalArgumentException e) {
            return "Quarter " + quarter;
        }
    }

    private EvaluationResult read(String s) {
        try {
            return json.readValue(s, EvaluationResult.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("A stored result cannot be read", ex);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
