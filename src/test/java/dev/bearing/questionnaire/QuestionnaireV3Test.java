package dev.bearing.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Questionnaire version 3: version 2 plus what the organisation delivers, and a choice for every
 * catalog tool of each current-tools question; nothing of version 2 changes meaning.
 */
class QuestionnaireV3Test {

    static final QuestionnaireRegistry REGISTRY = new QuestionnaireRegistry(
            List.of("devops-maturity-v1.yaml", "devops-maturity-v2.yaml", "devops-maturity-v3.yaml"));
    static final Questionnaire V2 = REGISTRY.get("devops-maturity", 2);
    static final Questionnaire V3 = REGISTRY.get("devops-maturity", 3);

    /** The choices version 3 adds to version 2's current-tools questions. */
    static final Map<String, List<String>> ADDED_CHOICES = Map.of(
            "current.artifacts", List.of("azure_artifacts", "google_artifact_registry", "azure_container_registry"),
            "current.monitoring", List.of("azure_monitor", "google_cloud_monitoring"),
            "current.incident_response", List.of("jira_service_management_data_center", "goalert"));

    @Test
    void versionThreeValidatesAndIsTheLatest() {
        VersionChanges.assertValidSuccessor(REGISTRY, V2, V3);
    }

    /** Every version 2 question is asked as it was, except the new choices; one question is new. */
    @Test
    void versionTwoQuestionsAreUnchangedButForTheAddedChoices() {
        assertEquals(List.of(), VersionChanges.problems(V2, V3, ADDED_CHOICES));
        assertEquals(List.of("context.delivery_model"), VersionChanges.newKeys(V2, V3));
        assertEquals(V2.questions().size() + 1, V3.questions().size());
    }

    @Test
    void deliveryModelIsAContextQuestionForEveryRole() {
        Question q = V3.question("context.delivery_model").orElseThrow();
        assertEquals(QuestionType.MULTI, q.type());
        assertEquals(Dimension.CONTEXT, q.dimension());
        assertEquals("organisation_context", q.capability());
        assertEquals(Set.of(Role.values()), Set.copyOf(q.roles()));
        assertTrue(q.required());
        assertEquals(null, q.visibleWhen(), "always asked");
        assertEquals(List.of("online_services", "installed_software", "devices_firmware", "internal_systems", "dont_know"),
                q.choices().stream().map(Question.Choice::key).toList());
        assertTrue(q.choices().stream().allMatch(c -> c.score() == null), "context is not scored");
        assertEquals("Don't know", q.choice("dont_know").orElseThrow().label());
    }

    /**
     * A respondent never has to type the name of a tool the catalog knew when version 3 was released.
     * A tool added since (version 3 is immutable) is typed under "Something else" and must be found by
     * its product name.
     */
    @Test
    void everyCatalogToolIsAChoiceOfItsLayersQuestion() throws IOException {
        assertEquals(List.of(), VersionChanges.catalogToolsNotChoices(V3, java.util.Set.of("datadog_on_call", "dependabot", "gitlab_security_scanning")));
    }
}
