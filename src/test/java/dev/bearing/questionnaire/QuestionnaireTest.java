package dev.bearing.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bearing.common.ProblemException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped questionnaires and their validation. */
class QuestionnaireTest {

    static final QuestionnaireRegistry REGISTRY =
            new QuestionnaireRegistry(List.of("devops-maturity-v1.yaml", "devops-maturity-v2.yaml", "devops-maturity-v3.yaml",
                "devops-maturity-v4.yaml"));

    static final Questionnaire Q = REGISTRY.get("devops-maturity", 1);

    @Test
    void everyVersionLoadsAndNewAssessmentsGetTheLatest() {
        assertEquals(List.of(1, 2, 3, 4), REGISTRY.all().stream().map(Questionnaire::version).toList());
        assertEquals(4, REGISTRY.latest("devops-maturity").version());
        assertTrue(REGISTRY.get("devops-maturity", 1).question("current.iac").isPresent(), "v1 is served as released");
        assertTrue(REGISTRY.get("devops-maturity", 2).question("current.iac").isEmpty(), "v2 splits current.iac");
    }

    @Test
    void theSameVersionListedTwiceStopsStartUp() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new QuestionnaireRegistry(List.of("devops-maturity-v1.yaml", "devops-maturity-v1.yaml")));
        assertTrue(e.getMessage().contains("devops-maturity version 1"), e.getMessage());
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void shippedQuestionnaireIsValidAndCoversEveryCapability(int version) {
        Questionnaire shipped = REGISTRY.get("devops-maturity", version);
        assertEquals(List.of(), QuestionnaireRegistry.validate(shipped));
        assertTrue(shipped.questions().size() >= 40, "at least 40 questions");
        Set<QuestionType> types = EnumSet.noneOf(QuestionType.class);
        shipped.questions().forEach(q -> types.add(q.type()));
        assertEquals(EnumSet.allOf(QuestionType.class), types, "every question type is used");
        for (Questionnaire.Capability c : shipped.capabilities()) {
            if (c.dimension() == Dimension.CONTEXT) {
                continue;
            }
            long scored = shipped.questions().stream().filter(q -> q.capability().equals(c.key()) && q.catalogRole() == null
                    && (q.type() == QuestionType.SCALE || (q.choices() != null && q.choices().stream().anyMatch(ch -> ch.score() != null))))
                    .count();
            assertTrue(scored >= 2, c.key() + " has " + scored + " scored questions");
        }
        assertTrue(shipped.questions().stream().anyMatch(q -> q.visibleWhen() != null), "branching is used");
        for (Question q : shipped.questions()) {
            if (q.dimension() == Dimension.ALIGNMENT) {
                assertEquals(EnumSet.allOf(Role.class), EnumSet.copyOf(q.roles()), q.key() + " is answered by all roles");
            }
        }
    }

    @Test
    void doraQuestionsOfferTheQuickCheckOptionsAndDontKnow() {
        Question lead = Q.question("dora.lead_time").orElseThrow();
        assertEquals(List.of("more_than_six_months", "one_to_six_months", "one_week_to_one_month", "one_day_to_one_week",
                "less_than_one_day", "less_than_one_hour", "dont_know"), lead.choices().stream().map(Question.Choice::key).toList());
        assertEquals(null, lead.choice("dont_know").orElseThrow().score(), "don't know carries no score");
    }

    @Test
    void brokenQuestionnaireIsReportedNamingEachQuestion() {
        Question good = Q.question("ci.build_trigger").orElseThrow();
        Question unknownCapability = new Question("x.unknown_cap", "no_such_capability", good.dimension(), good.type(),
                "Text?", null, true, good.roles(), false, good.choices(), null, null, null, null, null, null);
        Question badBranch = new Question("x.bad_branch", good.capability(), good.dimension(), good.type(), "Text?", null,
                true, good.roles(), false, good.choices(), null, null, null, null, null,
                new Question.VisibleWhen("x.later", Set.of("yes"), null));
        Question badScore = new Question("x.bad_score", good.capability(), good.dimension(), QuestionType.SINGLE, "Text?",
                null, true, good.roles(), false, List.of(new Question.Choice("a", "A", 7)), null, null, null, null, null, null);
        List<Question> qs = new ArrayList<>(List.of(unknownCapability, badBranch, badScore));
        Questionnaire broken = new Questionnaire("broken", 1, "Broken", "", 5, Q.capabilities(),
                List.of(new Questionnaire.Section("s", "S", "", qs)));
        List<String> problems = QuestionnaireRegistry.validate(broken);
        assertTrue(problems.stream().anyMatch(p -> p.contains("x.unknown_cap") && p.contains("no_such_capability")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("x.bad_branch") && p.contains("x.later")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("x.bad_score") && p.contains("outside 0..4")), problems.toString());
    }

    @Test
    void branchingHidesFollowUpQuestionsAndScoresMapToHundred() {
        Question trigger = Q.question("ci.build_trigger").orElseThrow();
        var f = JsonNodeFactory.instance;
        AnswerValue none = AnswerValue.parse(trigger, f.textNode("no_shared_build"), false);
        AnswerValue best = AnswerValue.parse(trigger, f.textNode("on_every_push"), false);
        assertEquals(0.0, none.score(trigger));
        assertEquals(100.0, best.score(trigger));
        Set<String> visible = Visibility.visibleKeys(Q, Role.DEVELOPMENT, Map.of("ci.build_trigger", none));
        Set<String> visibleBest = Visibility.visibleKeys(Q, Role.DEVELOPMENT, Map.of("ci.build_trigger", best));
        assertTrue(visibleBest.size() > visible.size(), "a better CI answer opens follow-up questions");
        Question scale = Q.question("align.shared_goals").orElseThrow();
        assertEquals(75.0, AnswerValue.parse(scale, f.numberNode(4), false).score(scale));
    }

    @Test
    void answerValuesAreCheckedAgainstTheQuestion() {
        Question scale = Q.question("align.shared_goals").orElseThrow();
        var f = JsonNodeFactory.instance;
        ProblemException e = assertThrows(ProblemException.class,
                () -> AnswerValue.parse(scale, f.numberNode(0), false));
        assertEquals("align.shared_goals", e.errors().get(0).field());
    }
}
