package dev.bearing.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Questionnaire version 4: version 3 plus when users need the service and whether its services call
 * each other, and Datadog On-Call as a choice of the on-call tools question; nothing of version 3
 * changes meaning.
 */
class QuestionnaireV4Test {

    static final QuestionnaireRegistry REGISTRY = new QuestionnaireRegistry(List.of("devops-maturity-v1.yaml",
            "devops-maturity-v2.yaml", "devops-maturity-v3.yaml", "devops-maturity-v4.yaml"));
    static final Questionnaire V3 = REGISTRY.get("devops-maturity", 3);
    static final Questionnaire V4 = REGISTRY.get("devops-maturity", 4);

    /** The choices version 4 adds to version 3's questions. */
    static final Map<String, List<String>> ADDED_CHOICES = Map.of("current.incident_response", List.of("datadog_on_call"));

    @Test
    void versionFourValidatesAndIsTheLatest() {
        VersionChanges.assertValidSuccessor(REGISTRY, V3, V4);
    }

    /**
     * Every version 3 question is asked as it was, but for the added choice and for who is asked who
     * responds out of hours; two questions are new.
     */
    @Test
    void versionThreeQuestionsAreUnchangedButForTheAddedChoice() {
        assertEquals(List.of("mon.on_call changed"), VersionChanges.problems(V3, V4, ADDED_CHOICES));
        Question onCall = V4.question("mon.on_call").orElseThrow();
        assertEquals(V3.question("mon.on_call").orElseThrow(), new Question(onCall.key(), onCall.capability(),
                onCall.dimension(), onCall.type(), onCall.text(), onCall.help(), onCall.required(), onCall.roles(),
                onCall.notApplicable(), onCall.choices(), onCall.scale(), onCall.number(), onCall.maxLength(),
                onCall.catalogLayer(), onCall.catalogRole(), null), "mon.on_call: only when it is asked changes");
        assertEquals(List.of("context.service_hours", "context.service_calls"), VersionChanges.newKeys(V3, V4));
        assertEquals(V3.questions().size() + 2, V4.questions().size());
        // both are asked in the context section, right after what the organisation delivers
        List<String> context = V4.sections().get(0).questions().stream().map(Question::key).toList();
        assertEquals(context.indexOf("context.delivery_model") + 1, context.indexOf("context.service_hours"));
        assertEquals(context.indexOf("context.delivery_model") + 2, context.indexOf("context.service_calls"));
    }

    /** The business knows when customers need the service; development and operations know it too. */
    @Test
    void serviceHoursIsAnUnscoredContextQuestionForEveryRole() {
        Question q = requiredSingleContextQuestion("context.service_hours");
        assertEquals(Set.of(Role.values()), Set.copyOf(q.roles()));
        assertEquals(List.of("business_hours", "extended_hours", "around_the_clock", "no_live_service", "dont_know"),
                q.choices().stream().map(Question.Choice::key).toList());
        assertTrue(q.choices().stream().allMatch(c -> c.score() == null), "context is not scored");
        assertEquals("Around the clock, every day (24×7)", q.choice("around_the_clock").orElseThrow().label());
        assertEquals("Don't know", q.choice("dont_know").orElseThrow().label());
    }

    /** How the services call each other is known to those who build and run them, not to the business. */
    @Test
    void serviceCallsIsAnUnscoredContextQuestionForDevelopmentAndOperations() {
        Question q = requiredSingleContextQuestion("context.service_calls");
        assertEquals(Set.of(Role.DEVELOPMENT, Role.OPERATIONS), Set.copyOf(q.roles()));
        assertEquals(List.of("one_application", "few_services", "many_services_many_teams", "dont_know"),
                q.choices().stream().map(Question.Choice::key).toList());
        assertTrue(q.choices().stream().allMatch(c -> c.score() == null), "context is not scored");
    }

    /** @return the question, after checking it is a required, always asked, single-choice context question */
    private static Question requiredSingleContextQuestion(String key) {
        Question q = V4.question(key).orElseThrow();
        assertEquals(QuestionType.SINGLE, q.type(), key);
        assertEquals(Dimension.CONTEXT, q.dimension(), key);
        assertEquals("organisation_context", q.capability(), key);
        assertTrue(q.required(), key);
        assertEquals(null, q.visibleWhen(), key + " is always asked");
        return q;
    }

    /**
     * Who responds out of hours is not asked where the service is needed in business hours only or no
     * live service is run: "nobody" is then the right answer, and it scores 0.
     */
    @Test
    void outOfHoursResponseIsAskedOnlyWhereTheServiceIsNeededOutOfHours() {
        for (String hours : List.of("business_hours", "no_live_service")) {
            Set<String> visible = Visibility.visibleKeys(V4, Role.OPERATIONS,
                    Map.of("context.service_hours", new AnswerValue(List.of(hours), null, null, null)));
            assertTrue(!visible.contains("mon.on_call") && !visible.contains("mon.on_call_support"), hours);
        }
        for (String hours : List.of("extended_hours", "around_the_clock", "dont_know")) {
            Set<String> visible = Visibility.visibleKeys(V4, Role.DEVELOPMENT,
                    Map.of("context.service_hours", new AnswerValue(List.of(hours), null, null, null)));
            assertTrue(visible.contains("mon.on_call"), hours);
        }
    }

    /** The questions each role is asked: version 3's, plus the new ones for that role (true counts). */
    @Test
    void eachRoleIsAskedTheNewQuestionsMeantForIt() {
        Map<Role, Integer> added = Map.of(Role.BUSINESS, 1, Role.DEVELOPMENT, 2, Role.OPERATIONS, 2);
        for (Role role : Role.values()) {
            long before = V3.questions().stream().filter(q -> q.roles().contains(role)).count();
            long now = V4.questions().stream().filter(q -> q.roles().contains(role)).count();
            assertEquals(before + added.get(role), now, role.name());
        }
    }

    /**
     * A respondent never has to type the name of a tool the catalog knew when version 4 was released. A tool
     * added since (version 4 is immutable: Dependabot and GitLab's security scanners, December 2026) is typed
     * under "Something else" and must be found by its product name.
     */
    @Test
    void everyCatalogToolIsAChoiceOfItsLayersQuestion() throws IOException {
        assertEquals(List.of(), VersionChanges.catalogToolsNotChoices(V4, java.util.Set.of("dependabot", "gitlab_security_scanning")));
    }
}
