package dev.bearing.evaluation;

import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import dev.bearing.evaluation.EvaluationResult.FindingResult;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.evaluation.EvaluationResult.RoadmapEntry;
import dev.bearing.evaluation.EvaluationResult.ToolOption;
import dev.bearing.evaluation.fact.AdoptionStage;
import dev.bearing.evaluation.fact.CurrentTool;
import dev.bearing.evaluation.fact.DeliveryBand;
import dev.bearing.evaluation.fact.Exclusion;
import dev.bearing.evaluation.fact.Finding;
import dev.bearing.evaluation.fact.MetricBand;
import dev.bearing.evaluation.fact.RoadmapItem;
import dev.bearing.evaluation.fact.Suitability;
import dev.bearing.questionnaire.Questionnaire;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * Reads the facts the rules produced back out of a session and shapes them into an
 * {@link EvaluationResult}. It decides nothing of its own: a layer's menu is its tools ordered
 * by the sum of the rules' suitability points (ties keep catalog order), without the tools a
 * rule excluded; roadmap items keep the phase a rule gave them unless an item they depend on
 * comes later, in which case they move to that item's phase.
 */
final class ResultAssembler {

    /** Labels of roadmap phases 1..4. */
    static final List<String> PHASES = List.of("First 30 days", "Within 90 days", "Within 6 months",
            "Within 12 months");

    private static final List<String> QUARTER_WORDS = List.of("first", "second", "third", "fourth");
    private static final List<String> BANDS = List.of("LOW", "MEDIUM", "HIGH", "ELITE");
    private static final Map<String, Integer> RISK_ORDER = Map.of("HIGH", 0, "MEDIUM", 1, "LOW", 2);

    private ResultAssembler() {
    }

    static EvaluationResult assemble(RuleBase base, Questionnaire q, EvaluationInput input,
            List<CapabilityResult> capabilities, Map<String, Double> dimensions, double index, double percentile,
            AdoptionStage stage, DeliveryBand band, KieSession session, List<String> fired) {
        Map<String, Integer> respondents = new TreeMap<>();
        input.respondents().forEach(r -> respondents.merge(r.role().name(), 1, Integer::sum));
        AdoptionCurve.Stage s = base.curve().stage(stage.getQuarter());
        String label = ("EARLY".equals(stage.getPhase()) ? "Early" : "Late") + " phase of the "
                + QUARTER_WORDS.get(stage.getQuarter() - 1) + " quarter (" + s.name() + ")";
        var stageResult = new EvaluationResult.Stage(stage.getQuarter(), stage.getPhase(), s.name(), label,
                s.description(), stage.getReasons(), stage.getRules().stream().distinct().sorted().toList());
        var delivery = new EvaluationResult.Delivery(band.getBand(), band.getThresholdsYear(),
                metricBands(facts(session, MetricBand.class)), band.getReason(), List.of(band.getRule()));
        List<LayerRecommendation> stack = stack(base.catalog(), facts(session, Suitability.class),
                facts(session, Exclusion.class), facts(session, CurrentTool.class));
        List<FindingResult> findings = findings(q, facts(session, Finding.class));
        List<RoadmapEntry> roadmap = roadmap(facts(session, RoadmapItem.class), stack);
        var maturity = new EvaluationResult.Maturity(index, percentile, base.curve().mean(),
                base.curve().standardDeviation(), base.curve().source());
        return new EvaluationResult(base.version(), base.catalog().version(), q.key(), q.version(), respondents,
                capabilities, dimensions, maturity, stageResult, delivery, stack, findings, roadmap, fired);
    }

    private static Map<String, String> metricBands(List<MetricBand> bands) {
        Map<String, List<Integer>> levels = new TreeMap<>();
        bands.forEach(b -> levels.computeIfAbsent(b.getMetric(), k -> new ArrayList<>()).add(b.getLevel()));
        Map<String, String> out = new TreeMap<>();
        levels.forEach((metric, ls) -> out.put(metric,
                BANDS.get((int) Math.round(ls.stream().mapToInt(Integer::intValue).average().orElse(1)) - 1)));
        return out;
    }

    static List<LayerRecommendation> stack(Catalog catalog, List<Suitability> suitability, List<Exclusion> exclusions,
            List<CurrentTool> current) {
        List<LayerRecommendation> out = new ArrayList<>();
        for (Catalog.Layer layer : catalog.layers()) {
            List<ToolOption> eligible = new ArrayList<>();
            List<ToolOption> excluded = new ArrayList<>();
            for (Catalog.Tool t : layer.tools()) {
                List<Suitability> mine = suitability.stream()
                        .filter(x -> x.getLayer().equals(layer.key()) && x.getToolKey().equals(t.key()))
                        .sorted(Comparator.comparing(Suitability::getRule).thenComparing(Suitability::getReason))
                        .toList();
                List<Exclusion> out2 = exclusions.stream()
                        .filter(x -> x.getLayer().equals(layer.key()) && x.getToolKey().equals(t.key()))
                        .sorted(Comparator.comparing(Exclusion::getRule).thenComparing(Exclusion::getReason))
                        .toList();
                int points = mine.stream().mapToInt(Suitability::getPoints).sum();
                List<String> reasons = new ArrayList<>();
                List<String> rules = new ArrayList<>();
                if (out2.isEmpty()) {
                    mine.forEach(x -> {
                        reasons.add(x.getReason());
                        rules.add(x.getRule());
                    });
                } else {
                    out2.forEach(x -> {
                        reasons.add(x.getReason());
                        rules.add(x.getRule());
                    });
                }
                ToolOption option = new ToolOption(t.key(), t.name(), t.vendor(), t.summary(), points,
                        t.hosting().stream().sorted().toList(), t.licenceName(), t.awsBlueprint(), t.status(),
                        t.statusNote() == null ? "" : t.statusNote(), List.copyOf(reasons),
                        rules.stream().distinct().toList());
                (out2.isEmpty() ? eligible : excluded).add(option);
            }
            // stable sort keeps catalog order on equal points
            eligible.sort(Comparator.comparingInt(ToolOption::points).reversed());
            List<String> currentNames = current.stream().filter(c -> c.getLayer().equals(layer.key()))
                    .map(c -> catalog.tool(c.getToolKey()).map(Catalog.Tool::name).orElse(c.getToolKey()))
                    .sorted().toList();
            out.add(new LayerRecommendation(layer.key(), layer.name(), layer.capability(), currentNames,
                    eligible.isEmpty() ? null : eligible.get(0),
                    eligible.isEmpty() ? List.of() : List.copyOf(eligible.subList(1, eligible.size())),
                    List.copyOf(excluded)));
        }
        return out;
    }

    private static List<FindingResult> findings(Questionnaire q, List<Finding> facts) {
        Map<String, Finding> unique = new LinkedHashMap<>();
        facts.stream().sorted(Comparator.comparing((Finding f) -> RISK_ORDER.getOrDefault(f.getRisk(), 3))
                .thenComparing(Finding::getKey).thenComparing(f -> String.valueOf(f.getSubject()))
                .thenComparing(Finding::getRule))
                .forEach(f -> unique.putIfAbsent(f.getKey() + "|" + f.getSubject(), f));
        List<String> capOrder = q.capabilities().stream().map(Questionnaire.Capability::key).toList();
        return unique.values().stream()
                .sorted(Comparator.comparing((Finding f) -> RISK_ORDER.getOrDefault(f.getRisk(), 3))
                        .thenComparing(f -> f.getCapability() == null ? Integer.MAX_VALUE
                                : capOrder.indexOf(f.getCapability()))
                        .thenComparing(Finding::getKey).thenComparing(f -> String.valueOf(f.getSubject())))
                .map(f -> new FindingResult(f.getKey(), f.getSubject(), f.getTitle(), f.getRisk(), f.getCapability(),
                        f.getRationale(), f.getRule()))
                .toList();
    }

    /**
     * Orders roadmap items: an item never comes before one it depends on (it moves to that
     * item's phase when a rule placed it earlier); within a phase dependencies come first, then
     * keys in alphabetical order. Dependencies on items not in the roadmap are dropped (that
     * capability is already in place); a dependency cycle is broken at the item seen second.
     */
    static List<RoadmapEntry> roadmap(List<RoadmapItem> facts, List<LayerRecommendation> stack) {
        Map<String, RoadmapItem> items = new TreeMap<>();
        for (RoadmapItem i : facts) {
            // several rules may propose the same item: keep the earliest phase, then the rule first by name
            items.merge(i.getKey(), i, (a, b) -> a.getPhase() != b.getPhase() ? (a.getPhase() < b.getPhase() ? a : b)
                    : (a.getRule().compareTo(b.getRule()) <= 0 ? a : b));
        }
        Map<String, Integer> phase = new TreeMap<>();
        List<String> ordered = new ArrayList<>();
        java.util.Set<String> visiting = new java.util.HashSet<>();
        for (String key : items.keySet()) {
            visit(key, items, phase, ordered, visiting);
        }
        Map<String, String> tools = new LinkedHashMap<>();
        stack.forEach(l -> tools.put(l.layer(), l.primary() == null ? null : l.primary().name()));
        List<RoadmapEntry> out = new ArrayList<>();
        for (String key : ordered) {
            RoadmapItem i = items.get(key);
            int p = phase.get(key);
            out.add(new RoadmapEntry(key, i.getTitle(), p, PHASES.get(p - 1), i.getCapability(), i.getLayer(),
                    i.getLayer() == null ? null : tools.get(i.getLayer()),
                    i.getDependsOn().stream().filter(items::containsKey).sorted().toList(), i.getRationale(),
                    i.getRule()));
        }
        out.sort(Comparator.comparingInt(RoadmapEntry::phase)
                .thenComparingInt(e -> ordered.indexOf(e.key())));
        return out;
    }

    private static int visit(String key, Map<String, RoadmapItem> items, Map<String, Integer> phase,
            List<String> ordered, java.util.Set<String> visiting) {
        if (phase.containsKey(key)) {
            return phase.get(key);
        }
        RoadmapItem item = items.get(key);
        int p = Math.max(1, Math.min(4, item.getPhase()));
        visiting.add(key);
        for (String dep : item.getDependsOn().stream().sorted().toList()) {
            if (items.containsKey(dep) && !visiting.contains(dep)) {
                p = Math.max(p, visit(dep, items, phase, ordered, visiting));
            }
        }
        visiting.remove(key);
        phase.put(key, p);
        ordered.add(key);
        return p;
    }

    private static <T> List<T> facts(KieSession session, Class<T> type) {
        return session.getObjects(new ClassObjectFilter(type)).stream().map(type::cast).toList();
    }
}
