package dev.bearing.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.questionnaire.AnswerSheet;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import dev.bearing.questionnaire.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every rule scenario in {@code rules/scenarios/} against the real rule base. */
public class RuleScenarioTest {

    public static RuleEngine engine;
    public static QuestionnaireRegistry questionnaires;
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @BeforeAll
    public static void load() {
        engine = new RuleEngine("rules");
        questionnaires = new QuestionnaireRegistry(List.of("devops-maturity-v1.yaml", "devops-maturity-v2.yaml", "devops-maturity-v3.yaml",
                "devops-maturity-v4.yaml"));
    }

    public static Stream<Path> scenarios() throws IOException {
        return Files.list(Path.of("rules/scenarios")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    /** @return the scenario's answers as engine input */
    public static EvaluationInput input(Scenario s) {
        Questionnaire questionnaire = s.questionnaireVersion() == null ? questionnaires.latest("devops-maturity")
                : questionnaires.get("devops-maturity", s.questionnaireVersion());
        List<EvaluationInput.RespondentAnswers> rs = new ArrayList<>();
        long id = 1;
        for (Scenario.ScenarioRespondent r : s.respondents()) {
            Role role = Role.valueOf(r.role());
            rs.add(new EvaluationInput.RespondentAnswers(id++, role, AnswerSheet.build(questionnaire, role, r.fill(),
                    r.answers() == null ? Map.of() : r.answers())));
        }
        return new EvaluationInput(questionnaire, rs);
    }

    public static Scenario read(Path file) throws IOException {
        return YAML.readValue(file.toFile(), Scenario.class);
    }

    @Test
    void thereAreAtLeastFortyScenarios() throws IOException {
        assertTrue(scenarios().count() >= 40, "rules/scenarios must hold at least 40 scenarios");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioHoldsItsExpectations(Path file) throws IOException {
        Scenario s = read(file);
        EvaluationResult r = engine.evaluate(input(s));
        // written for whoever edits a scenario: the full result next to the expectations
        Path out = Path.of("target/scenario-results", file.getFileName().toString().replace(".yaml", ".json"));
        Files.createDirectories(out.getParent());
        new ObjectMapper().findAndRegisterModules().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), r);
        Scenario.Expect e = s.expect();
        String at = file.getFileName() + " (" + s.name() + "): ";
        assertNotNull(e, at + "no expect block");
        if (e.stage() != null) {
            if (e.stage().quarter() != null) {
                assertEquals(e.stage().quarter(), r.stage().quarter(), at + "stage quarter; reasons " + r.stage().reasons());
            }
            if (e.stage().phase() != null) {
                assertEquals(e.stage().phase(), r.stage().phase(), at + "stage phase; reasons " + r.stage().reasons());
            }
        }
        if (e.deliveryBand() != null) {
            assertEquals(e.deliveryBand(), r.delivery().band(), at + "delivery band; " + r.delivery().reason());
        }
        if (r.delivery().metrics().size() >= 2) {
            // the reason counts the metrics in words, as the report prints it
            String counted = switch (r.delivery().metrics().size()) {
                case 2 -> "Two of the four";
                case 3 -> "Three of the four";
                default -> "All four";
            };
            assertTrue(r.delivery().reason().startsWith(counted + " DORA delivery metrics were answered"),
                    at + "delivery reason " + r.delivery().reason());
            // and says truly how many metrics are in the band (or a higher one, unless none is higher)
            List<String> order = List.of("LOW", "MEDIUM", "HIGH", "ELITE");
            int band = order.indexOf(r.delivery().band());
            List<Integer> levels = r.delivery().metrics().values().stream().map(order::indexOf).toList();
            long in = levels.stream().filter(l -> band == 0 ? l == 0 : l >= band).count();
            boolean higher = band > 0 && levels.stream().anyMatch(l -> l > band);
            String words = in == levels.size() ? (in == 2 ? "both" : "all") : List.of("no", "one", "two", "three").get((int) in);
            assertTrue(r.delivery().reason().contains("; " + words + " of them " + (in == 1 ? "is" : "are") + " in the "
                    + r.delivery().band().toLowerCase() + " band" + (higher ? " or a higher one" : " (")),
                    at + "delivery reason " + r.delivery().reason() + " for " + r.delivery().metrics());
        }
        if (e.primary() != null) {
            e.primary().forEach((layer, tool) -> assertTrue(entries(r, layer).stream()
                    .anyMatch(l -> l.primary() != null && tool.equals(l.primary().key())),
                    at + "primary of " + layer + " must be " + tool + "; menus " + menus(r, layer)));
        }
        if (e.primaryAnyOf() != null) {
            e.primaryAnyOf().forEach((layer, tools) -> assertTrue(entries(r, layer).stream()
                    .anyMatch(l -> l.primary() != null && tools.contains(l.primary().key())),
                    at + "primary of " + layer + " must be one of " + tools + "; menus " + menus(r, layer)));
        }
        if (e.tiedWith() != null) {
            // the catalog keys tied with an entry's pick, in any order; [] for a pick that leads alone
            e.tiedWith().forEach((key, tools) -> {
                LayerRecommendation l = entries(r, key).get(0);
                List<String> tied = l.primary() == null ? List.of() : l.alternatives().stream()
                        .filter(o -> o.points() == l.primary().points()).map(EvaluationResult.ToolOption::key).sorted().toList();
                assertEquals(tools.stream().sorted().toList(), tied, at + key + " tied with; menu " + menu(l));
            });
        }
        if (e.primaryReasons() != null) {
            // words the pick's reasons must say, each in one of them
            e.primaryReasons().forEach((key, words) -> {
                LayerRecommendation l = entries(r, key).get(0);
                words.forEach(w -> assertTrue(l.primary() != null && l.primary().reasons().stream().anyMatch(x -> x.contains(w)),
                        at + key + " pick's reasons must say \"" + w + "\"; got "
                        + (l.primary() == null ? "no pick" : l.primary().reasons())));
            });
        }
        if (e.change() != null) {
            // what the stack does with a layer: KEEP, ADD, REPLACE, KEEP_UNLISTED, LATER (not needed yet), NONE
            e.change().forEach((layer, change) -> assertTrue(entries(r, layer).stream().anyMatch(l -> change.equals(l.change())),
                    at + layer + " change must be " + change + "; got "
                    + entries(r, layer).stream().map(l -> l.key() + " " + l.change()).toList()));
        }
        if (e.current() != null) {
            e.current().forEach((layer, tools) -> {
                List<String> seen = r.stack().stream().filter(l -> l.layer().equals(layer) || l.key().equals(layer))
                        .flatMap(l -> l.current().stream()).map(c -> c.key() == null ? c.name() : c.key()).toList();
                assertTrue(seen.containsAll(tools), at + layer + " current " + seen + ", expected " + tools);
            });
        }
        if (e.absentCurrent() != null) {
            // a tool in use that must not be shown under this layer or kind (a unit-test framework under load tests)
            e.absentCurrent().forEach((layer, tools) -> {
                List<String> seen = r.stack().stream().filter(l -> l.layer().equals(layer) || l.key().equals(layer))
                        .flatMap(l -> l.current().stream()).map(c -> c.key() == null ? c.name() : c.key()).toList();
                tools.forEach(t -> assertFalse(seen.contains(t), at + layer + " current " + seen + " must not show " + t));
            });
        }
        if (e.notPrimary() != null) {
            // an entry that keeps an unlisted tool or is not needed yet recommends no catalog tool
            e.notPrimary().forEach((layer, tools) -> entries(r, layer).stream()
                    .filter(l -> !"KEEP_UNLISTED".equals(l.change()) && !"LATER".equals(l.change()))
                    .forEach(l -> assertFalse(l.primary() != null && tools.contains(l.primary().key()),
                    () -> at + l.key() + " primary must not be " + l.primary().key() + "; menu " + menu(l))));
        }
        if (e.excluded() != null) {
            e.excluded().forEach((layer, tools) -> {
                List<String> excluded = entries(r, layer).stream().flatMap(l -> l.excluded().stream())
                        .map(EvaluationResult.ToolOption::key).toList();
                assertTrue(excluded.containsAll(tools), at + layer + " excluded " + excluded + ", expected " + tools);
            });
        }
        if (e.inMenu() != null) {
            e.inMenu().forEach((layer, tools) -> {
                List<String> menu = entries(r, layer).stream().flatMap(l -> picks(l).stream())
                        .map(EvaluationResult.ToolOption::key).toList();
                assertTrue(menu.containsAll(tools), at + layer + " menu " + menu + ", expected " + tools);
            });
        }
        List<String> findingKeys = r.findings().stream().map(EvaluationResult.FindingResult::key).toList();
        if (e.findings() != null) {
            for (String f : e.findings()) {
                assertTrue(findingKeys.contains(f), at + "finding " + f + " missing; got " + findingKeys);
            }
        }
        if (e.absentFindings() != null) {
            for (String f : e.absentFindings()) {
                assertFalse(findingKeys.contains(f), at + "finding " + f + " must not be raised");
            }
        }
        if (e.findingRisk() != null) {
            e.findingRisk().forEach((key, risk) -> assertTrue(r.findings().stream()
                    .anyMatch(f -> f.key().equals(key) && f.risk().equals(risk)), at + "finding " + key + " at " + risk));
        }
        List<String> roadmapKeys = r.roadmap().stream().map(EvaluationResult.RoadmapEntry::key).toList();
        if (e.roadmap() != null) {
            for (String k : e.roadmap()) {
                assertTrue(roadmapKeys.contains(k), at + "roadmap item " + k + " missing; got " + roadmapKeys);
            }
        }
        if (e.absentRoadmap() != null) {
            for (String k : e.absentRoadmap()) {
                assertFalse(roadmapKeys.contains(k), at + "roadmap item " + k + " must not be there");
            }
        }
        if (e.roadmapBefore() != null) {
            for (List<String> pair : e.roadmapBefore()) {
                int a = roadmapKeys.indexOf(pair.get(0));
                int b = roadmapKeys.indexOf(pair.get(1));
                assertTrue(a >= 0 && b >= 0 && a < b, at + pair.get(0) + " must come before " + pair.get(1)
                        + " in " + roadmapKeys);
            }
        }
        if (e.roadmapPhaseAtLeast() != null) {
            e.roadmapPhaseAtLeast().forEach((key, phase) -> r.roadmap().stream().filter(i -> i.key().equals(key))
                    .forEach(i -> assertTrue(i.phase() >= phase, at + key + " in phase " + i.phase() + ", not before " + phase)));
        }
        if (e.roadmapPhase() != null) {
            e.roadmapPhase().forEach((key, phase) -> assertTrue(r.roadmap().stream()
                    .anyMatch(i -> i.key().equals(key) && i.phase() == phase), at + key + " must be in phase " + phase + "; got "
                    + r.roadmap().stream().filter(i -> i.key().equals(key)).map(EvaluationResult.RoadmapEntry::phase).toList()));
        }
        if (e.roadmapTool() != null) {
            // the tool a roadmap item names is the one the item is done with
            e.roadmapTool().forEach((key, tool) -> assertTrue(r.roadmap().stream()
                    .anyMatch(i -> i.key().equals(key) && tool.equals(i.tool())), at + key + " must name " + tool + "; got "
                    + r.roadmap().stream().filter(i -> i.key().equals(key)).map(EvaluationResult.RoadmapEntry::tool).toList()));
        }
        if (e.roadmapRationale() != null) {
            // words the item's rationale must contain (a tool in use it builds on, say)
            e.roadmapRationale().forEach((key, words) -> assertTrue(r.roadmap().stream()
                    .anyMatch(i -> i.key().equals(key) && i.rationale().contains(words)), at + key + " rationale must say \""
                    + words + "\"; got " + r.roadmap().stream().filter(i -> i.key().equals(key))
                            .map(EvaluationResult.RoadmapEntry::rationale).toList()));
        }
        if (e.absentRoadmapWords() != null) {
            // words an item must not say in its title, its tool or its rationale (a browser tool for a data platform)
            e.absentRoadmapWords().forEach((key, words) -> r.roadmap().stream().filter(i -> i.key().equals(key))
                    .forEach(i -> words.forEach(w -> assertFalse((i.title() + " | " + i.tool() + " | " + i.rationale())
                            .toLowerCase().contains(w.toLowerCase()), at + key + " must not say \"" + w + "\"; tool "
                            + i.tool() + ", rationale " + i.rationale()))));
        }
        if (e.alsoInUse() != null) {
            // tools in use at a layer that serve none of its kinds: still seen, on the layer's first entry
            e.alsoInUse().forEach((layer, tools) -> {
                List<String> seen = r.stack().stream().filter(l -> l.layer().equals(layer))
                        .flatMap(l -> l.alsoInUse().stream()).map(EvaluationResult.CurrentToolResult::name).toList();
                assertEquals(tools.size(), seen.size(), at + layer + " also in use " + seen + ", expected " + tools
                        + " (once each)");
                assertTrue(seen.containsAll(tools), at + layer + " also in use " + seen + ", expected " + tools);
            });
        }
        if (e.decisions() != null) {
            for (String wanted : e.decisions()) {
                assertTrue(r.decisions().stream().anyMatch(d -> d.title().contains(wanted)), at + "no decision \"" + wanted
                        + "\"; got " + r.decisions().stream().map(EvaluationResult.Decision::title).toList());
            }
        }
        if (e.absentDecisions() != null) {
            for (String bad : e.absentDecisions()) {
                r.decisions().forEach(d -> assertFalse(d.title().contains(bad), at + "decision \"" + d.title() + "\""));
            }
        }
        if (e.absentReasons() != null) {
            for (LayerRecommendation l : r.stack()) {
                for (EvaluationResult.ToolOption t : picks(l)) {
                    for (String reason : t.reasons()) {
                        // the claim, not the product's own name ("Amazon ECS on AWS Fargate", "Azure Repos")
                        String claim = reason.replace(t.name(), "").toLowerCase();
                        for (String bad : e.absentReasons()) {
                            assertFalse(claim.contains(bad.toLowerCase()),
                                    at + t.name() + " in " + l.key() + " carries \"" + reason + "\"");
                        }
                    }
                }
            }
        }
        if (e.firedRules() != null) {
            for (String rule : e.firedRules()) {
                assertTrue(r.firedRules().contains(rule), at + "rule \"" + rule + "\" did not fire");
            }
        }
        double largestGap = r.capabilities().stream().filter(c -> c.gap() != null && !"OUTCOMES".equals(c.dimension()))
                .mapToDouble(EvaluationResult.CapabilityResult::gap).max().orElse(0);
        if (e.minGap() != null) {
            assertTrue(largestGap >= e.minGap(), at + "largest gap " + largestGap + " below " + e.minGap());
        }
        if (e.maxGap() != null) {
            assertTrue(largestGap <= e.maxGap(), at + "largest gap " + largestGap + " above " + e.maxGap());
        }
        // every pick that a rule scored has a reason, and no reason argues against its own pick
        for (LayerRecommendation l : r.stack()) {
            if (l.primary() != null && l.primary().points() > 0) {
                assertFalse(l.primary().reasons().isEmpty(), at + l.key() + " primary without rationale");
            }
            for (EvaluationResult.ToolOption t : picks(l)) {
                for (String reason : t.reasons()) {
                    assertFalse(t.caveats().contains(reason), at + t.name() + ": \"" + reason + "\" is both for and against");
                    assertFalse(AGAINST.matcher(reason).find(),
                            at + t.name() + " in " + l.key() + ": reason argues against the pick: \"" + reason + "\"");
                }
            }
        }
        // the engine never both decides a move off a tool and asks the client whether that tool stays
        for (EvaluationResult.FindingResult f : r.findings()) {
            if (f.key().equals("tool.policy_conflict") && f.rationale().contains("decide whether")) {
                String tool = f.title().replace(" is in use but conflicts with a stated constraint", "");
                r.decisions().forEach(d -> assertFalse(d.title().contains("move from " + tool),
                        at + "decision \"" + d.title() + "\" beside the open question \"" + f.rationale() + "\""));
            }
        }
        // the product claims nothing it cannot do
        String json = new ObjectMapper().writeValueAsString(r);
        assertFalse(json.toLowerCase().contains("bearing can provision"), at + "claims provisioning");
        assertFalse(json.contains("awsBlueprint"), at + "prints an AWS blueprint flag");
    }

    /** Wording that argues against a tool; a reason given for a pick must never read like this. */
    static final java.util.regex.Pattern AGAINST = java.util.regex.Pattern.compile(
            "(?i)\\b(cannot|can't|do not use|does not|pushed down|would need a second|only makes sense|would rather have|not favoured)\\b");

    static List<EvaluationResult.ToolOption> picks(LayerRecommendation l) {
        List<EvaluationResult.ToolOption> out = new ArrayList<>();
        if (l.primary() != null) {
            out.add(l.primary());
        }
        out.addAll(l.alternatives());
        return out;
    }

    /** @return the stack entries of a key: the entry itself, or every kind of a layer with kinds */
    static List<LayerRecommendation> entries(EvaluationResult r, String key) {
        List<LayerRecommendation> found = r.stack().stream()
                .filter(l -> l.key().equals(key) || l.layer().equals(key)).toList();
        if (found.isEmpty()) {
            throw new AssertionError("no stack entry " + key + "; entries "
                    + r.stack().stream().map(LayerRecommendation::key).toList());
        }
        return found;
    }

    static String menus(EvaluationResult r, String key) {
        return entries(r, key).stream().map(l -> l.key() + " " + menu(l)).toList().toString();
    }

    static LayerRecommendation layer(EvaluationResult r, String key) {
        return r.stack().stream().filter(l -> l.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no stack entry " + key + "; entries "
                        + r.stack().stream().map(LayerRecommendation::key).toList()));
    }

    static String menu(LayerRecommendation l) {
        List<String> out = new ArrayList<>();
        if (l.primary() != null) {
            out.add(l.primary().key() + "=" + l.primary().points());
        }
        l.alternatives().forEach(t -> out.add(t.key() + "=" + t.points()));
        return out.toString();
    }
}
