package dev.bearing.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A rule scenario from {@code rules/scenarios/*.yaml}: respondents' answers in, expected
 * stage, band, stack picks, findings and roadmap out. Every expectation is optional.
 */
public record Scenario(String name, String description, Integer questionnaireVersion, List<ScenarioRespondent> respondents,
        Expect expect) {

    public record ScenarioRespondent(String role, Integer fill, Map<String, JsonNode> answers) {
    }

    public record Stage(Integer quarter, String phase) {
    }

    public record Expect(Stage stage, String deliveryBand, Map<String, String> primary, Map<String, List<String>> notPrimary,
            Map<String, List<String>> excluded, Map<String, List<String>> inMenu, List<String> findings,
            List<String> absentFindings, Map<String, String> findingRisk, List<String> roadmap,
            List<String> absentRoadmap, List<List<String>> roadmapBefore, List<String> firedRules,
            Double minGap, Double maxGap, Map<String, List<String>> primaryAnyOf, Map<String, List<String>> current,
            List<String> absentReasons, Map<String, Integer> roadmapPhaseAtLeast, Map<String, Integer> roadmapPhase,
            Map<String, String> roadmapTool,
            List<String> decisions, List<String> absentDecisions, Map<String, String> change,
            Map<String, List<String>> absentCurrent, Map<String, String> roadmapRationale,
            Map<String, List<String>> absentRoadmapWords, Map<String, List<String>> alsoInUse,
            Map<String, List<String>> tiedWith, Map<String, List<String>> primaryReasons) {
    }
}
