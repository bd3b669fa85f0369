package dev.bearing.support;

import dev.bearing.questionnaire.AnswerSheet;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import dev.bearing.questionnaire.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds complete answer sets for a role, as API request bodies. */
public final class FullSurvey {

    /** The shipped questionnaire. */
    public static final Questionnaire QUESTIONNAIRE =
            new QuestionnaireRegistry(List.of("devops-maturity-v1.yaml", "devops-maturity-v2.yaml", "devops-maturity-v3.yaml",
                "devops-maturity-v4.yaml"))
                    .latest("devops-maturity");

    private FullSurvey() {
    }

    /**
     * @param role role
     * @param level practice level 0..4 for scored questions
     * @param explicit explicit answers (question key to JSON value)
     * @return bulk-answer request items answering every required visible question of the role
     */
    public static List<Map<String, Object>> answers(Role role, int level, Map<String, JsonNode> explicit) {
        Map<String, JsonNode> given = new HashMap<>(explicit);
        // context questions are not filled by level: answer the required ones with sensible values
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        given.putIfAbsent("context.hosting", f.textNode("cloud_first"));
        given.putIfAbsent("context.cloud_provider", f.arrayNode().add("aws"));
        given.putIfAbsent("context.regulation", f.arrayNode().add("none"));
        given.putIfAbsent("context.open_source_policy", f.textNode("no_preference"));
        given.putIfAbsent("context.engineering_headcount", f.numberNode(60));
        given.putIfAbsent("context.team_skills", f.arrayNode().add("java").add("aws"));
        given.putIfAbsent("context.data_residency", f.textNode("region_ok"));
        given.putIfAbsent("context.industry", f.textNode("technology"));
        given.putIfAbsent("context.organisation_size", f.textNode("fewer_than_500"));
        given.putIfAbsent("context.delivery_model", f.arrayNode().add("online_services"));
        given.putIfAbsent("context.service_hours", f.textNode("around_the_clock"));
        given.putIfAbsent("context.service_calls", f.textNode("many_services_many_teams"));
        given.putIfAbsent("context.change_approval", f.textNode("peer_review_only"));
        given.putIfAbsent("context.release_windows", f.textNode("any_time"));
        given.putIfAbsent("context.segregation_of_duties", f.textNode("not_required"));
        given.putIfAbsent("context.audit_evidence", f.textNode("not_required"));
        for (var q : QUESTIONNAIRE.questions()) {
            if (q.catalogRole() == dev.bearing.questionnaire.Question.CatalogRole.CURRENT) {
                given.putIfAbsent(q.key(), f.arrayNode().add("none"));
            }
        }
        given.keySet().removeIf(k -> !QUESTIONNAIRE.question(k).orElseThrow().roles().contains(role));
        Map<String, AnswerValue> sheet = AnswerSheet.build(QUESTIONNAIRE, role, level, given);
        // answers to follow-ups the other answers hide are refused by the API: send only visible ones
        var visible = dev.bearing.questionnaire.Visibility.visibleKeys(QUESTIONNAIRE, role, sheet);
        List<Map<String, Object>> out = new ArrayList<>();
        sheet.forEach((key, value) -> {
            if (!visible.contains(key)) {
                return;
            }
            Map<String, Object> item = new HashMap<>();
            item.put("questionKey", key);
            if (value.isNotApplicable()) {
                // mobile releases, the container platform: the fill answers "not applicable" (AnswerSheet)
                item.put("notApplicable", true);
            } else {
                item.put("value", value.toJsonValue(QUESTIONNAIRE.question(key).orElseThrow()));
            }
            out.add(item);
        });
        return out;
    }
}
