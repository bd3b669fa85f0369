package dev.bearing.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bearing.evaluation.EvaluationResult.RoadmapEntry;
import dev.bearing.evaluation.fact.RoadmapItem;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Where the roadmap puts a step whose prerequisites take long: after them, in the phase their effort allows. */
class RoadmapPlacementTest {

    private static RoadmapItem item(String key, int phase, String effort, String... dependsOn) {
        return new RoadmapItem(key, "Do " + key, "continuous_integration", null, phase, List.of(dependsOn), effort,
                "Platform lead", "Because.", "rule " + key);
    }

    private static Map<String, RoadmapEntry> place(RoadmapItem... items) {
        return ResultAssembler.roadmap(List.of(items), List.of()).stream()
                .collect(Collectors.toMap(RoadmapEntry::key, Function.identity()));
    }

    @Test
    void aStepWaitsForTheEffortOfTheStepsBeforeIt() {
        // two weeks to get everything into Git, six months of infrastructure code, then the pipeline:
        // it cannot start within six months
        Map<String, RoadmapEntry> r = place(
                item("git", 1, "2–4 weeks"),
                item("iac", 3, "6 months of a platform team, estate by estate", "git"),
                item("pipeline", 3, "6 months, application by application", "iac"),
                item("quick", 1, "2–4 weeks"),
                item("after-quick", 1, "1–2 months of one engineer", "quick"));
        assertEquals(3, r.get("iac").phase());
        assertEquals(4, r.get("pipeline").phase(), "starts after month 6.5 at best");
        assertEquals("Within 12 months", r.get("pipeline").phaseLabel());
        assertEquals(1, r.get("quick").phase());
        assertEquals(1, r.get("after-quick").phase(), "two weeks of prerequisites still start it within 30 days");
        assertEquals("Because.", r.get("pipeline").rationale());
    }

    @Test
    void aChainLongerThanAYearSaysItStartsInTheSecondYear() {
        Map<String, RoadmapEntry> r = place(
                item("iac", 2, "3–4 months of one team"),
                item("pipeline", 3, "6 months, application by application", "iac"),
                item("evidence", 3, "4–6 months of a platform team with the change manager", "pipeline"),
                item("continuous", 4, "6–12 months, service by service", "evidence"));
        assertEquals(3, r.get("pipeline").phase(), "starts after month 3");
        assertEquals(4, r.get("evidence").phase(), "starts after month 9 at best");
        assertEquals(4, r.get("continuous").phase());
        assertEquals("Because. The steps before it take about 13 months at best, so it starts in the second year.",
                r.get("continuous").rationale());
        assertFalse(r.get("evidence").rationale().contains("second year"));
    }

    @Test
    void effortsAreReadAtTheirShortEnd() {
        assertEquals(2.0, ResultAssembler.shortestMonths("2–3 months of one team"));
        assertEquals(14 / 30.0, ResultAssembler.shortestMonths("2–4 weeks"), 1e-9);
        assertEquals(1 / 30.0 * 2, ResultAssembler.shortestMonths("2–5 days"), 1e-9);
        assertEquals(0.0, ResultAssembler.shortestMonths("A decision, then a standing monthly review"));
        assertEquals(0.0, ResultAssembler.shortestMonths(null));
    }
}
