package dev.bearing.evaluation;

import dev.bearing.evaluation.EvaluationInput.RespondentAnswers;
import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import dev.bearing.evaluation.fact.AdoptionStage;
import dev.bearing.evaluation.fact.Derived;
import dev.bearing.evaluation.fact.TextAnswer;
import dev.bearing.evaluation.fact.UnknownTool;
import dev.bearing.evaluation.fact.Vocabulary.Metric;
import dev.bearing.questionnaire.Dimension;
import dev.bearing.questionnaire.QuestionType;
import java.util.EnumMap;
import java.util.TreeMap;
import dev.bearing.evaluation.fact.AlignmentGap;
import dev.bearing.evaluation.fact.AnswerFact;
import dev.bearing.evaluation.fact.CapabilityScore;
import dev.bearing.evaluation.fact.CatalogTool;
import dev.bearing.evaluation.fact.CurrentTool;
import dev.bearing.evaluation.fact.DeliveryBand;
import dev.bearing.evaluation.fact.MaturityPosition;
import dev.bearing.evaluation.fact.PlannedTool;
import dev.bearing.evaluation.fact.RoleCoverage;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.Role;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.kie.api.runtime.KieSession;

/**
 * The one owner of Drools. Compiles {@code bearing.rules.dir} once at start-up, or reads it
 * compiled from the cache when the rules and the build are unchanged (a rule file
 * that does not compile stops start-up, naming file and line), evaluates each assessment in a
 * session of its own that is always disposed (reset and pooled, so as good as fresh), and records the rules whose conclusions stand. Safe for
 * concurrent evaluations: the compiled KieBase is shared, sessions are not.
 */
@Startup
@ApplicationScoped
public class RuleEngine {

    /** Most rule firings one evaluation may take; more means a rule loops. */
    static final int MAX_FIRINGS = 20_000;

    private static final Logger LOG = Logger.getLogger(RuleEngine.class);

    private final Path rulesDir;
    private final AtomicReference<InForce> inForce = new AtomicReference<>();

    /**
     * Sessions for evaluations come from a pool per rule base: a disposed session is reset and
     * handed to the next evaluation instead of building its node memories anew (a fresh session
     * every time cost more than firing the rules). A reset session holds no fact of the previous
     * evaluation; the scenario tests run every scenario through one engine and would see one.
     * The catalog's facts are the same for every evaluation and are built once: no rule modifies
     * them (records), so sessions running at the same time can hold the same instances.
     */
    private record InForce(RuleBase base, org.kie.api.runtime.KieSessionsPool pool, List<CatalogTool> catalogFacts) {

        InForce(RuleBase base) {
            this(base, base.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors()),
                    catalogFacts(base.catalog()));
        }

        private static List<CatalogTool> catalogFacts(Catalog catalog) {
            List<CatalogTool> facts = new ArrayList<>();
            for (Catalog.Layer layer : catalog.layers()) {
                int order = 0;
                for (Catalog.Tool t : layer.tools()) {
                    facts.add(CatalogTool.of(layer, t, order++));
                }
            }
            return List.copyOf(facts);
        }
    }
    private final AtomicInteger openSessions = new AtomicInteger();

    /**
     * @param rulesDir the rules folder, relative to the working directory or absolute
     * @throws RuleBase.RuleBaseException when the rules do not compile
     */
    @jakarta.inject.Inject
    public RuleEngine(dev.bearing.common.BearingConfig config) {
        this(config.rules().dir());
    }

    /**
     * @param rulesDir the rules folder, relative to the working directory or absolute
     * @throws RuleBase.RuleBaseException when the rules do not compile
     */
    public RuleEngine(String rulesDir) {
        this(rulesDir, java.util.function.UnaryOperator.identity());
    }

    /**
     * @param rulesDir the rules folder
     * @param order rearranges the rule files before compiling (tests of order independence)
     */
    RuleEngine(String rulesDir, java.util.function.UnaryOperator<List<Path>> order) {
        this.rulesDir = Path.of(rulesDir).toAbsolutePath().normalize();
        long start = System.nanoTime();
        boolean sorted = order == java.util.function.UnaryOperator.<List<Path>>identity();
        RuleBase base = sorted ? takeAhead(this.rulesDir) : null;
        String how = base == null ? "" : " ahead, waited";
        if (base == null) {
            // a rearranged order must really compile: the cache would hand back the sorted order's result
            base = sorted ? RuleBase.load(this.rulesDir, RuleBase.configuredCacheDir()) : RuleBase.load(this.rulesDir, order);
        }
        inForce.set(new InForce(base));
        LOG.infof("Rule base: %d rule files from %s %s%s %d ms, version %s", base.ruleFiles().size(),
                this.rulesDir, base.cached() ? "read from the cache" : "compiled", how,
                (System.nanoTime() - start) / 1_000_000, base.version().substring(0, 12));
    }

    /**
     * @param base a rule base loaded already (tests comparing a compiled and a cached one)
     */
    RuleEngine(RuleBase base) {
        this.rulesDir = null;
        inForce.set(new InForce(base));
    }

    /** A compilation started before Quarkus boots ({@link #compileAhead}), with the folder it compiles. */
    private record Ahead(Path dir, java.util.concurrent.CompletableFuture<RuleBase> base) {
    }

    private static final AtomicReference<Ahead> AHEAD = new AtomicReference<>();

    /**
     * Starts loading a rules folder on a background thread (compiling it unless the cache has it,
     * see {@link RuleBase#configuredCacheDir}), so that the 2–3 s of a compilation
     * overlap the embedded PostgreSQL's start and Quarkus' boot; the engine created for the same
     * folder takes the result instead of compiling again (a compile error then surfaces there, as
     * it would without this). Called by {@code BearingMain} before anything else starts.
     *
     * @param rulesDir the rules folder, as {@code bearing.rules.dir} will name it
     */
    public static void compileAhead(String rulesDir) {
        Path dir = Path.of(rulesDir).toAbsolutePath().normalize();
        var future = new java.util.concurrent.CompletableFuture<RuleBase>();
        AHEAD.set(new Ahead(dir, future));
        Thread t = new Thread(() -> {
            try {
                future.complete(RuleBase.load(dir, RuleBase.configuredCacheDir()));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "rule-base-compile");
        t.setDaemon(true);
        t.start();
    }

    /** @return the rule base compiled ahead for {@code dir}, or null when none was started for it */
    private static RuleBase takeAhead(Path dir) {
        Ahead ahead = AHEAD.get();
        if (ahead == null || !ahead.dir().equals(dir) || !AHEAD.compareAndSet(ahead, null)) {
            return null;
        }
        try {
            return ahead.base().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** @return the rule base in force */
    public RuleBase ruleBase() {
        return inForce.get().base();
    }

    /**
     * Recompiles the rules folder and puts it in force only when it compiles; otherwise the
     * rules in force keep serving.
     *
     * @return the new rule base
     * @throws RuleBase.RuleBaseException naming the file and line at fault
     */
    public RuleBase reload() {
        RuleBase base = RuleBase.load(rulesDir, RuleBase.configuredCacheDir());
        InForce before = inForce.getAndSet(new InForce(base));
        before.pool().shutdown(); // sessions still out finish; each is disposed as usual
        return base;
    }

    /** @return sessions open right now (0 when idle: every session is disposed) */
    public int openSessions() {
        return openSessions.get();
    }

    /**
     * Evaluates one assessment.
     *
     * @param input questionnaire and respondents' answers
     * @return scores, stage, delivery band, stack, findings, roadmap and fired rules
     * @throws IllegalStateException when a rule loops or the rules leave no adoption stage
     */
    @io.micrometer.core.annotation.Timed(value = "bearing.rules.evaluations",
            description = "Rule evaluations: the engine alone, without loading answers or storing the result")
    public EvaluationResult evaluate(EvaluationInput input) {
        InForce current = inForce.get();
        RuleBase base = current.base();
        Questionnaire q = input.questionnaire();
        List<Set<String>> visible = Scoring.visibleKeys(input);
        List<CapabilityResult> capabilities = Scoring.capabilities(input, visible);
        Map<String, Double> dimensions = Scoring.dimensions(capabilities);
        double index = Scoring.maturityIndex(dimensions, base.curve().weights());
        double percentile = Scoring.round(base.curve().percentile(index));

        KieSession session = current.pool().newKieSession();
        openSessions.incrementAndGet();
        try {
            insertFacts(session, current, input, visible, capabilities, index, percentile);
            int firings = session.fireAllRules(MAX_FIRINGS);
            ResultAssembler.Facts facts = new ResultAssembler.Facts(session);
            List<EvaluationResult.LayerRecommendation> stack = ResultAssembler.stack(base.catalog(), facts);
            // the Git host others build on: when the client is to move to a new one, the rules run
            // on with it in view, so CI, packages and scanning follow the host it will have
            String host = ResultAssembler.plannedGitHost(stack);
            if (host != null) {
                session.insert(new PlannedTool("source_control", host));
                firings += session.fireAllRules(MAX_FIRINGS);
                facts = new ResultAssembler.Facts(session);
                stack = ResultAssembler.stack(base.catalog(), facts);
            }
            // then every other replacement the stack now recommends, so the roadmap plans each move
            List<PlannedTool> moves = ResultAssembler.plannedReplacements(base.catalog(), stack);
            if (!moves.isEmpty()) {
                moves.stream().filter(m -> !m.layer().equals("source_control")).forEach(session::insert);
                firings += session.fireAllRules(MAX_FIRINGS);
                facts = new ResultAssembler.Facts(session);
                stack = ResultAssembler.stack(base.catalog(), facts);
            }
            if (firings >= MAX_FIRINGS) {
                throw new IllegalStateException("Rules fired " + firings + " times: a rule loops");
            }
            AdoptionStage stage = one(facts, AdoptionStage.class, "adoption stage");
            DeliveryBand band = one(facts, DeliveryBand.class, "delivery band");
            return ResultAssembler.assemble(base, q, input, capabilities, dimensions, index, percentile, stage, band,
                    facts, stack, rulesBehind(facts));
        } finally {
            session.dispose();
            openSessions.decrementAndGet();
        }
    }

    /**
     * The rules behind a result: those whose conclusions still stand when the rules come to rest.
     * A rule that fired but whose conclusion truth maintenance withdrew (its conditions stopped
     * holding) is not among them, so the list is the same whatever order the rules fired in.
     */
    private static List<String> rulesBehind(ResultAssembler.Facts facts) {
        Set<String> rules = new TreeSet<>();
        for (Derived d : facts.ofKind(Derived.class)) {
            rules.add(d.rule());
            if (d instanceof AdoptionStage s) {
                rules.addAll(s.rules());
            }
        }
        return List.copyOf(rules);
    }

    /** @param visibleKeys per respondent, in the input's order, the questions visible to them */
    private static void insertFacts(KieSession session, InForce rules, EvaluationInput input,
            List<Set<String>> visibleKeys, List<CapabilityResult> capabilities, double index, double percentile) {
        Questionnaire q = input.questionnaire();
        List<Question> questions = q.questions(); // built anew by each call: once here
        Catalog catalog = rules.base().catalog();
        session.insert(new MaturityPosition(index, percentile));
        for (Metric m : Metric.values()) {
            session.insert(m);
        }
        Map<Role, Integer> coverage = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            coverage.put(r, 0);
        }
        Map<String, Set<Long>> toolMentions = new TreeMap<>(); // tool key -> respondents who named it
        Map<String, List<Double>> satisfaction = new TreeMap<>(); // tool key -> ratings of those who named it
        Map<String, Map<String, String>> unknown = new TreeMap<>(); // layer -> normalised name -> first spelling
        Map<String, Map<String, Set<Long>>> unknownMentions = new TreeMap<>();
        Map<String, List<Double>> unknownSatisfaction = new TreeMap<>(); // layer/normalised name -> ratings
        for (int ri = 0; ri < input.respondents().size(); ri++) {
            RespondentAnswers r = input.respondents().get(ri);
            coverage.merge(r.role(), 1, Integer::sum);
            Set<String> visible = visibleKeys.get(ri);
            Map<String, Set<String>> namedByLayer = new TreeMap<>(); // this respondent's catalog tools per question layer
            Map<String, Map<String, String>> unknownByRespondent = new TreeMap<>(); // layer -> typed names not in the catalog
            for (Question qu : questions) {
                AnswerValue a = r.answers().get(qu.key());
                if (a == null || !visible.contains(qu.key())) {
                    continue;
                }
                session.insert(new AnswerFact(r.respondentId(), r.role(), qu.key(), qu.capability(),
                        a.choices() == null ? Set.of() : new HashSet<>(a.choices()), a.number(), a.score(qu),
                        a.isNotApplicable()));
                if (qu.type() == QuestionType.TEXT && a.text() != null && !a.text().isBlank()) {
                    session.insert(new TextAnswer(r.respondentId(), r.role(), qu.key(), a.text()));
                }
                if (qu.catalogLayer() == null) {
                    continue;
                }
                if (qu.catalogRole() == Question.CatalogRole.CURRENT && a.choices() != null) {
                    a.choices().stream().filter(k -> catalog.tool(k).isPresent())
                            .forEach(k -> namedByLayer.computeIfAbsent(qu.catalogLayer(), x -> new TreeSet<>()).add(k));
                }
                if (qu.catalogRole() == Question.CatalogRole.OTHER_NAMES && a.text() != null) {
                    for (String typed : ToolNames.split(a.text())) {
                        var tool = catalog.match(typed, qu.catalogLayer());
                        if (tool.isPresent()) {
                            namedByLayer.computeIfAbsent(qu.catalogLayer(), x -> new TreeSet<>()).add(tool.get().key());
                        } else {
                            String norm = Catalog.normalise(typed);
                            unknown.computeIfAbsent(qu.catalogLayer(), x -> new TreeMap<>()).putIfAbsent(norm, typed);
                            unknownByRespondent.computeIfAbsent(qu.catalogLayer(), x -> new TreeMap<>()).put(norm, typed);
                            unknownMentions.computeIfAbsent(qu.catalogLayer(), x -> new TreeMap<>())
                                    .computeIfAbsent(norm, x -> new TreeSet<>()).add(r.respondentId());
                        }
                    }
                }
            }
            for (Question qu : questions) {
                AnswerValue a = r.answers().get(qu.key());
                if (a == null || !visible.contains(qu.key()) || qu.catalogRole() != Question.CatalogRole.SATISFACTION
                        || a.number() == null) {
                    continue;
                }
                // one rating per layer: it is pinned on a tool when the respondent named only that one,
                // or on each of several when it says they are happy with them all (3.5 or more); a low
                // rating of several tools does not say which one they dislike
                Set<String> named = namedByLayer.getOrDefault(qu.catalogLayer(), Set.of());
                Map<String, String> typedHere = unknownByRespondent.getOrDefault(qu.catalogLayer(), Map.of());
                if (!named.isEmpty() && (named.size() == 1 && typedHere.isEmpty() || a.number() >= 3.5)) {
                    named.forEach(k -> satisfaction.computeIfAbsent(k, x -> new ArrayList<>()).add(a.number()));
                } else if (named.isEmpty() && typedHere.size() == 1) {
                    String norm = typedHere.keySet().iterator().next();
                    unknownSatisfaction.computeIfAbsent(qu.catalogLayer() + "/" + norm, x -> new ArrayList<>())
                            .add(a.number());
                }
            }
            namedByLayer.values().forEach(keys -> keys.forEach(
                    k -> toolMentions.computeIfAbsent(k, x -> new TreeSet<>()).add(r.respondentId())));
        }
        coverage.forEach((role, n) -> session.insert(new RoleCoverage(role, n)));
        toolMentions.forEach((key, who) -> {
            List<Double> sat = satisfaction.get(key);
            Double mean = sat == null ? null : Scoring.round(Scoring.mean(sat));
            session.insert(new CurrentTool(catalog.layerOf(key).orElseThrow().key(), key, mean, who.size()));
        });
        unknown.forEach((layer, names) -> names.forEach((norm, typed) -> {
            List<Double> sat = unknownSatisfaction.get(layer + "/" + norm);
            String kind = catalog.layer(layer).stream().flatMap(l -> l.kinds().stream()).filter(k -> k.knows(typed))
                    .map(Catalog.Kind::key).findFirst().orElse(null);
            session.insert(new UnknownTool(layer, typed, sat == null ? null : Scoring.round(Scoring.mean(sat)),
                    unknownMentions.get(layer).get(norm).size(), kind));
        }));
        for (CapabilityResult c : capabilities) {
            Dimension dim = Dimension.valueOf(c.dimension());
            if (c.combined() != null) {
                session.insert(new CapabilityScore(c.key(), c.name(), dim, c.combined()));
            }
            if (c.gap() != null) {
                session.insert(new AlignmentGap(c.key(), c.name(), dim, c.gap(), Role.valueOf(c.highRole()),
                        c.highScore(), Role.valueOf(c.lowRole()), c.lowScore(), c.sharedQuestions()));
            }
        }
        rules.catalogFacts().forEach(session::insert);
    }

    private static <T> T one(ResultAssembler.Facts facts, Class<T> type, String what) {
        Collection<?> found = facts.of(type);
        if (found.size() != 1) {
            throw new IllegalStateException("The rules produced " + found.size() + " " + what
                    + " facts; exactly one is expected");
        }
        return type.cast(found.iterator().next());
    }
}
