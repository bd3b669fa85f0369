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
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the organisation delivers (questionnaire v3, context.delivery_model) decides whether advice
 * for a live service applies; scenario 92, the firmware maker, with the answer varied.
 */
class DeliveryModelRulesTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final String KEY = "context.delivery_model";
    static Scenario firmware;

    @BeforeAll
    static void load() throws IOException {
        RuleScenarioTest.load();
        firmware = RuleScenarioTest.read(Path.of("rules/scenarios/92-firmware-maker-yocto-gerrit-jenkins-hil-on-premises.yaml"));
    }

    /** @return scenario 92 on the given version, each respondent's delivery answer replaced (null: not answered) */
    static EvaluationResult evaluate(int version, BiFunction<Integer, String, JsonNode> answer) {
        List<Scenario.ScenarioRespondent> rs = new java.util.ArrayList<>();
        for (int i = 0; i < firmware.respondents().size(); i++) {
            Scenario.ScenarioRespondent r = firmware.respondents().get(i);
            Map<String, JsonNode> answers = new LinkedHashMap<>(r.answers());
            answers.remove(KEY);
            JsonNode given = answer.apply(i, r.role());
            if (given != null) {
                answers.put(KEY, given);
            }
            rs.add(new Scenario.ScenarioRespondent(r.role(), r.fill(), answers));
        }
        Scenario s = new Scenario(firmware.name(), firmware.description(), version, rs, null);
        return RuleScenarioTest.engine.evaluate(RuleScenarioTest.input(s));
    }

    static JsonNode choices(String... keys) {
        var a = JsonNodeFactory.instance.arrayNode();
        for (String k : keys) {
            a.add(k);
        }
        return a;
    }

    static List<String> findings(EvaluationResult r) {
        return r.findings().stream().map(EvaluationResult.FindingResult::key).toList();
    }

    static List<String> roadmap(EvaluationResult r) {
        return r.roadmap().stream().map(EvaluationResult.RoadmapEntry::key).toList();
    }

    static String incidentResponse(EvaluationResult r) {
        return r.stack().stream().filter(l -> l.layer().equals("incident_response")).map(EvaluationResult.LayerRecommendation::change)
                .findFirst().orElseThrow();
    }

    private static boolean liveServiceAdvice(EvaluationResult r) {
        return findings(r).containsAll(List.of("oncall.none", "monitoring.customers_first"))
                && roadmap(r).containsAll(List.of("oncall.rota", "monitoring.symptom_alerts"))
                && !findings(r).contains("quality.customers_first") && !"LATER".equals(incidentResponse(r));
    }

    @Test
    void aDeviceMakerGetsNoOnCallRotaNoServiceAlertsAndAFindingOnFaultsFoundInTheField() {
        EvaluationResult r = evaluate(3, (i, role) -> choices("devices_firmware"));
        assertFalse(findings(r).contains("oncall.none"), findings(r).toString());
        assertFalse(findings(r).contains("monitoring.customers_first"), findings(r).toString());
        assertFalse(roadmap(r).contains("oncall.rota") || roadmap(r).contains("monitoring.symptom_alerts"), roadmap(r).toString());
        EvaluationResult.FindingResult field = r.findings().stream().filter(f -> f.key().equals("quality.customers_first"))
                .findFirst().orElseThrow();
        assertEquals("Customers find faults before you do", field.title());
        assertEquals("HIGH", field.risk());
        assertFalse(field.rationale().contains("outage"), field.rationale());
        assertEquals("LATER", incidentResponse(r), "no paging tool is proposed");
        assertTrue(r.decisions().stream().noneMatch(d -> d.title().contains("outages")));
        // its regression tests are of components, on what customers run, not of services
        EvaluationResult.RoadmapEntry tests = r.roadmap().stream().filter(e -> e.key().equals("test.regression_suite"))
                .findFirst().orElseThrow();
        assertTrue(tests.title().contains("most-changed components, on the hardware and platforms customers use"), tests.title());
        assertFalse(tests.effort().contains("service"), tests.effort());
    }

    @Test
    void installedSoftwareAloneCountsAsNoLiveService() {
        assertFalse(liveServiceAdvice(evaluate(3, (i, role) -> choices("installed_software"))));
    }

    /** One respondent naming an online service, or internal systems staff depend on, is enough. */
    @Test
    void anyoneNamingAServiceTheyRunKeepsTheLiveServiceAdvice() {
        assertTrue(liveServiceAdvice(evaluate(3, (i, role) -> i == 2 ? choices("devices_firmware", "online_services")
                : choices("devices_firmware"))));
        assertTrue(liveServiceAdvice(evaluate(3, (i, role) -> i == 0 ? choices("internal_systems")
                : choices("devices_firmware"))));
    }

    /** "Don't know" from everyone, or the question left unanswered, changes nothing: as on version 2. */
    @Test
    void withoutAnAnswerTheResultIsExactlyVersionTwos() throws IOException {
        ObjectNode v2 = JSON.valueToTree(evaluate(2, (i, role) -> null));
        v2.remove("questionnaireVersion");
        for (EvaluationResult r : List.of(evaluate(3, (i, role) -> null), evaluate(3, (i, role) -> choices("dont_know")))) {
            ObjectNode v3 = JSON.valueToTree(r);
            assertEquals(3, v3.remove("questionnaireVersion").asInt());
            assertEquals(v2, v3);
            assertTrue(liveServiceAdvice(r));
        }
    }
}
