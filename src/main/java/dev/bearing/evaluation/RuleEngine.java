package dev.bearing.evaluation;

import dev.bearing.evaluation.EvaluationInput.RespondentAnswers;
import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import dev.bearing.evaluation.fact.AdoptionStage;
import dev.bearing.evaluation.fact.AlignmentGap;
import dev.bearing.evaluation.fact.AnswerFact;
import dev.bearing.evaluation.fact.CapabilityScore;
import dev.bearing.evaluation.fact.CatalogTool;
import dev.bearing.evaluation.fact.CurrentTool;
import dev.bearing.evaluation.fact.DeliveryBand;
import dev.bearing.evaluation.fact.MaturityPosition;
import dev.bearing.evaluation.fact.RoleCoverage;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.Role;
import dev.bearing.questionnaire.Visibility;
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
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * The one owner of Drools. Compiles {@code bearing.rules.dir} once at start-up (a rule file
 * that does not compile stops start-up, naming file and line), evaluates each assessment in a
 * fresh session that is always disposed, and records the rules that fired. Safe for
 * concurrent evaluations: the compiled KieBase is shared, sessions are not.
 */
@Startup
@ApplicationScoped
public class RuleEngine {

    /** Most rule firings one evaluation may take; more means a rule loops. */
    static final int MAX_FIRINGS = 20_000;

    private static final Logger LOG = Logger.getLogger(RuleEngine.class);

    private final Path rulesDir;
    private final AtomicReference<RuleBase> inForce = new AtomicReference<>();
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
        this.rulesDir = Path.of(rulesDir).toAbsolutePath().normalize();
        long start = System.nanoTime();
        RuleBase base = RuleBase.load(this.rulesDir);
        inForce.set(base);
        LOG.infof("Rule base: %d rule files from %s compiled in %d ms, version %s", base.ruleFiles().size(),
                this.rulesDir, (System.nanoTime() - start) / 1_000_000, base.version().substring(0, 12));
    }

    /** @return the rule base in force */
    public RuleBase ruleBase() {
        return inForce.get();
    }

    /**
     * Recompiles the rules folder and puts it in force only when it compiles; otherwise the
     * rules in force keep serving.
     *
     * @return the new rule base
     * @throws RuleBase.RuleBaseException naming the file and line at fault
     */
    public RuleBase reload() {
        RuleBase base = RuleBase.load(rulesDir);
        inForce.set(base);
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
    public EvaluationResult evaluate(EvaluationInput input) {
        RuleBase base = inForce.get();
        Questionnaire q = input.questionnaire();
        List<CapabilityResult> capabilities = Scoring.capabilities(input);
        Map<String, Double> dimensions = Scoring.dimensions(capabilities);
        double index = Scoring.maturityIndex(dimensions, base.curve().weights());
        double percentile = Scoring.round(base.curve().percentile(index));
        double largestGap = capabilities.stream().filter(c -> c.gap() != null && !"OUTCOMES".equals(c.dimension()))
                .mapToDouble(CapabilityResult::gap).max().orElse(0);

        Set<String> fired = new TreeSet<>();
        KieSession session = base.kieBase().newKieSession();
        openSessions.incrementAndGet();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            insertFacts(session, base, input, capabilities, index, percentile, largestGap);
            int firings = session.fireAllRules(MAX_FIRINGS);
            if (firings >= MAX_FIRINGS) {
                throw new IllegalStateException("Rules fired " + firings + " times: a rule loops (" + fired + ")");
            }
            AdoptionStage stage = one(session, AdoptionStage.class, "adoption stage");
            DeliveryBand band = one(session, DeliveryBand.class, "delivery band");
            return ResultAssembler.assemble(base, q, input, capabilities, dimensions, index, percentile, stage, band,
                    session, List.copyOf(fired));
        } finally {
            session.dispose();
            openSessions.decrementAndGet();
        }
    }

    private static void insertFacts(KieSession session, RuleBase base, EvaluationInput input,
            List<CapabilityResult> capabilities, double index, double percentile, double largestGap) {
        Questionnaire q = input.questionnaire();
        session.insert(new MaturityPosition(index, percentile, largestGap));
        Map<Role, Integer> coverage = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            coverage.put(r, 0);
        }
        Map<String, Set<Long>> toolMentions = new LinkedHashMap<>();
        Map<String, List<Double>> satisfaction = new LinkedHashMap<>(); // layer/tool -> ratings of those who named it
        for (RespondentAnswers r : input.respondents()) {
            coverage.merge(r.role(), 1, Integer::sum);
            Set<String> visible = Visibility.visibleKeys(q, r.role(), r.answers());
            for (Question qu : q.questions()) {
                AnswerValue a = r.answers().get(qu.key());
                if (a == null || !visible.contains(qu.key())) {
                    continue;
                }
                session.insert(new AnswerFact(r.respondentId(), r.role().name(), qu.key(), qu.capability(),
                        a.choices() == null ? Set.of() : new HashSet<>(a.choices()), a.number(), a.score(qu),
                        a.isNotApplicable()));
                if (qu.catalogLayer() != null && qu.catalogRole() == Question.CatalogRole.CURRENT && a.choices() != null) {
                    for (String tool : a.choices()) {
                        base.catalog().layer(qu.catalogLayer())
                                .filter(l -> l.tools().stream().anyMatch(t -> t.key().equals(tool)))
                                .ifPresent(l -> toolMentions.computeIfAbsent(l.key() + "/" + tool, k -> new HashSet<>())
                                        .add(r.respondentId()));
                    }
                }
                if (qu.catalogLayer() != null && qu.catalogRole() == Question.CatalogRole.SATISFACTION
                        && a.number() != null) {
                    for (Question cq : q.questions()) {
                        AnswerValue ca = r.answers().get(cq.key());
                        if (qu.catalogLayer().equals(cq.catalogLayer()) && cq.catalogRole() == Question.CatalogRole.CURRENT
                                && ca != null && ca.choices() != null) {
                            for (String tool : ca.choices()) {
                                satisfaction.computeIfAbsent(qu.catalogLayer() + "/" + tool, k -> new ArrayList<>())
                                        .add(a.number());
                            }
                        }
                    }
                }
            }
        }
        coverage.forEach((role, n) -> session.insert(new RoleCoverage(role.name(), n)));
        toolMentions.forEach((id, who) -> {
            String layer = id.substring(0, id.indexOf('/'));
            List<Double> sat = satisfaction.get(id);
            Double mean = sat == null ? null : Scoring.round(Scoring.mean(sat));
            session.insert(new CurrentTool(layer, id.substring(id.indexOf('/') + 1), mean, who.size()));
        });
        for (CapabilityResult c : capabilities) {
            c.byRole().forEach((role, score) -> session.insert(
                    new CapabilityScore(c.key(), c.name(), c.dimension(), role, score, 0)));
            if (c.combined() != null) {
                session.insert(new CapabilityScore(c.key(), c.name(), c.dimension(), "COMBINED", c.combined(), 0));
            }
            if (c.gap() != null) {
                session.insert(new AlignmentGap(c.key(), c.name(), c.dimension(), c.gap(), c.highRole(),
                        c.byRole().get(c.highRole()), c.lowRole(), c.byRole().get(c.lowRole())));
            }
        }
        for (Catalog.Layer layer : base.catalog().layers()) {
            int order = 0;
            for (Catalog.Tool t : layer.tools()) {
                session.insert(new CatalogTool(layer.key(), t.key(), t.name(), order++, t.hosting(), t.licence(),
                        t.osiApproved(), t.onPremisesFit(), t.cloudAffinity(), t.operationalEffort(), t.skills(),
                        t.awsBlueprint(), t.status(), t.bestFor()));
            }
        }
    }

    private static <T> T one(KieSession session, Class<T> type, String what) {
        Collection<?> found = session.getObjects(new ClassObjectFilter(type));
        if (found.size() != 1) {
            throw new IllegalStateException("The rules produced " + found.size() + " " + what
                    + " facts; exactly one is expected");
        }
        return type.cast(found.iterator().next());
    }
}
