package dev.bearing.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When users need the service (questionnaire v4, context.service_hours) decides whether a paid on-call
 * rota and a paging tool are advised, and how soon; whether services owned by different teams call each
 * other (context.service_calls) decides contract tests. Scenario 119, the 24×7 food-delivery platform
 * whose out-of-hours response rests on goodwill, with the answers varied.
 */
class ServiceHoursRulesTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final String HOURS = "context.service_hours";
    static final String CALLS = "context.service_calls";
    static Scenario platform;

    @BeforeAll
    static void load() throws IOException {
        RuleScenarioTest.load();
        platform = RuleScenarioTest.read(Path.of(
                "rules/scenarios/119-food-delivery-platform-60-engineers-24x7-25-microservices-6-teams-eks-github-goodwill-on-call.yaml"));
    }

    /**
     * @param version questionnaire version
     * @param change per respondent role, the answers to set (a null value removes the answer)
     * @return scenario 119 on that version with the answers changed
     */
    static EvaluationResult evaluate(int version, Function<String, Map<String, String>> change) {
        List<Scenario.ScenarioRespondent> rs = new java.util.ArrayList<>();
        for (Scenario.ScenarioRespondent r : platform.respondents()) {
            Map<String, JsonNode> answers = new LinkedHashMap<>(r.answers());
            change.apply(r.role()).forEach((k, v) -> {
                if (v == null) {
                    answers.remove(k);
                } else {
                    answers.put(k, JsonNodeFactory.instance.textNode(v));
                }
            });
            rs.add(new Scenario.ScenarioRespondent(r.role(), r.fill(), answers));
        }
        return RuleScenarioTest.engine.evaluate(RuleScenarioTest.input(new Scenario(platform.name(), platform.description(),
                version, rs, null)));
    }

    /** @return the same answer to both new questions from every role that is asked them */
    static Function<String, Map<String, String>> everyone(String hours, String calls) {
        return role -> {
            Map<String, String> m = new java.util.HashMap<>();
            m.put(HOURS, hours);
            m.put(CALLS, "BUSINESS".equals(role) ? null : calls);
            return m;
        };
    }

    static EvaluationResult.FindingResult finding(EvaluationResult r, String key) {
        return r.findings().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
    }

    static EvaluationResult.RoadmapEntry item(EvaluationResult r, String key) {
        return r.roadmap().stream().filter(i -> i.key().equals(key)).findFirst().orElse(null);
    }

    static String change(EvaluationResult r, String stackKey) {
        return r.stack().stream().filter(l -> l.key().equals(stackKey)).map(EvaluationResult.LayerRecommendation::change)
                .findFirst().orElseThrow();
    }

    @Test
    void aroundTheClockOnGoodwillIsHighRiskAndGetsItsRotaWithin90Days() {
        EvaluationResult r = evaluate(4, everyone("around_the_clock", "many_services_many_teams"));
        assertEquals("HIGH", finding(r, "oncall.none").risk());
        assertTrue(finding(r, "oncall.none").rationale().startsWith("Users need the service around the clock"),
                finding(r, "oncall.none").rationale());
        assertEquals(2, item(r, "oncall.rota").phase());
        assertEquals("ADD", change(r, "incident_response"));
    }

    /** Evenings, weekends or other time zones: a rota, in its usual place, and no claim of a 24×7 need. */
    @Test
    void extendedHoursKeepTheRotaWithoutClaimingA24x7Need() {
        EvaluationResult r = evaluate(4, everyone("extended_hours", "many_services_many_teams"));
        EvaluationResult.FindingResult onCall = finding(r, "oncall.none");
        assertEquals("MEDIUM", onCall.risk());
        assertTrue(onCall.rationale().startsWith("Users need the service outside business hours"), onCall.rationale());
        assertFalse(onCall.rationale().contains("around the clock") || onCall.rationale().contains("24"), onCall.rationale());
        assertEquals(3, item(r, "oncall.rota").phase());
        assertEquals("ADD", change(r, "incident_response"));
    }

    /**
     * Business hours only: no on-call finding, rota or paging tool, even where development and operations
     * did not know the hours and so were asked who responds out of hours; alerts go to the team's chat.
     */
    @Test
    void businessHoursOnlyGetAlertsInTheTeamChatAndNoRotaOrPagingTool() {
        EvaluationResult r = evaluate(4, role -> "BUSINESS".equals(role) ? Map.of(HOURS, "business_hours")
                : Map.of(HOURS, "dont_know", CALLS, "many_services_many_teams"));
        assertEquals(null, finding(r, "oncall.none"), r.findings().toString());
        assertEquals(null, item(r, "oncall.rota"));
        assertEquals("LATER", change(r, "incident_response"), "no paging tool is proposed");
        EvaluationResult.RoadmapEntry alerts = item(r, "monitoring.symptom_alerts");
        assertTrue(alerts.title().endsWith("sent to the team's chat in working hours"), alerts.title());
        assertTrue(alerts.rationale().contains("name one person on duty each working day"), alerts.rationale());
        // one respondent who names longer hours brings the rota back
        EvaluationResult mixed = evaluate(4, role -> "OPERATIONS".equals(role) ? Map.of(HOURS, "extended_hours")
                : Map.of(HOURS, "business_hours"));
        assertTrue(item(mixed, "oncall.rota") != null && finding(mixed, "oncall.none") != null, mixed.roadmap().toString());
    }

    @Test
    void contractTestsFollowWhetherServicesOfDifferentTeamsCallEachOther() {
        assertEquals("ADD", change(evaluate(4, everyone("around_the_clock", "many_services_many_teams")), "test_automation/contract"));
        assertEquals("LATER", change(evaluate(4, everyone("around_the_clock", "few_services")), "test_automation/contract"));
        assertEquals("LATER", change(evaluate(4, everyone("around_the_clock", "one_application")), "test_automation/contract"));
        // not known: 60 people with automated API tests, as before
        assertEquals("ADD", change(evaluate(4, everyone("around_the_clock", "dont_know")), "test_automation/contract"));
    }

    /** "Don't know" on both new questions gives exactly the result version 3 gives without them. */
    @Test
    void dontKnowGivesExactlyVersionThreesResult() {
        ObjectNode v3 = JSON.valueToTree(evaluate(3, role -> {
            Map<String, String> m = new java.util.HashMap<>();
            m.put(HOURS, null);
            m.put(CALLS, null);
            return m;
        }));
        ObjectNode v4 = JSON.valueToTree(evaluate(4, everyone("dont_know", "dont_know")));
        assertEquals(3, v3.remove("questionnaireVersion").asInt());
        assertEquals(4, v4.remove("questionnaireVersion").asInt());
        assertEquals(v3, v4);
    }
}
