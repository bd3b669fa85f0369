package dev.bearing.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A rule scenario from {@code rules/scenarios/*.yaml}: respondents' answers in, expected
 * stage, band, stack picks, findings and roadmap out. Every expectation is optional.
 */
record Scenario(String name, String description, List<ScenarioRespondent> respondents, Expect expect) {

    record ScenarioRespondent(String role, Integer fill, Map<String, JsonNode> answers) {
    }

    record Stage(Integer quarter, String phase) {
    }

    record Expect(Stage stage, String deliveryBand, Map<String, String> primary, Map<String, List<String>> notPrimary,
            Map<String, List<String>> excluded, Map<String, List<String>> inMenu, List<String> findings,
            List<String> absentFindings, Map<String, String> findingRisk, List<String> roadmap,
            List<String> absentRoadmap, List<List<String>> roadmapBefore, List<String> firedRules,
            Double minGap, Double maxGap) {
    }
}
