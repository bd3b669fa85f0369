package dev.bearing.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds a respondent's full answer set from a compact description: explicit answers, plus an
 * optional practice level that fills every other visible, scored practice question of the role. Used by
 * the demo assessment and the rule scenarios so both read as data rather than 80 lines each.
 */
public final class AnswerSheet {

    private AnswerSheet() {
    }

    /**
     * @param q the questionnaire
     * @param role the respondent's role; questions for other roles are not filled
     * @param fill practice level 0..4 for unanswered scored questions (SINGLE: the choice with
     *     the nearest score, the lower on a tie; SCALE: fill + 1; NUMBER with bands: the upper
     *     bound of the band scoring nearest), or null to fill nothing; a question that offers
     *     "not applicable" and is always shown (mobile releases, on-call in v1-v3, the container
     *     platform) is filled with "not applicable", since it asks whether the client has the thing
     *     at all
     * @param explicit explicit answers by question key, in the JSON shapes the API accepts; the
     *     string {@code "n/a"} answers "not applicable"
     * @return answers by question key in survey order, without answers to follow-ups the answers hide
     * @throws dev.bearing.common.ProblemException naming the question when an explicit answer
     *     does not fit it or names an unknown question
     */
    public static Map<String, AnswerValue> build(Questionnaire q, Role role, Integer fill,
            Map<String, JsonNode> explicit) {
        for (String key : explicit.keySet()) {
            if (q.question(key).isEmpty()) {
                throw dev.bearing.common.ProblemException.badField(key, "is not a question of " + q.key());
            }
        }
        Map<String, AnswerValue> answers = new LinkedHashMap<>();
        for (Question qu : q.questions()) {
            if (!qu.roles().contains(role)) {
                continue;
            }
            JsonNode given = explicit.get(qu.key());
            if (given != null) {
                boolean na = given.isTextual() && "n/a".equals(given.asText());
                answers.put(qu.key(), AnswerValue.parse(qu, na ? null : given, na));
            }
        }
        if (fill == null) {
            return visibleOnly(q, role, answers);
        }
        // fill in survey order so that branching follows the answers given so far
        Map<String, AnswerValue> out = new LinkedHashMap<>();
        for (Question qu : q.questions()) {
            if (!qu.roles().contains(role)) {
                continue;
            }
            if (answers.containsKey(qu.key())) {
                out.put(qu.key(), answers.get(qu.key()));
                continue;
            }
            Set<String> visible = Visibility.visibleKeys(q, role, out);
            if (!visible.contains(qu.key()) || qu.dimension() == Dimension.CONTEXT || qu.catalogRole() != null) {
                continue;
            }
            if (qu.notApplicable() && qu.visibleWhen() == null) {
                // whether the client has mobile apps, an on-call duty or containers in production is a fact
                // about the client, not a practice level: a scenario or the demo that has one says so
                out.put(qu.key(), AnswerValue.parse(qu, null, true));
                continue;
            }
            JsonNode v = filled(qu, fill);
            if (v != null) {
                out.put(qu.key(), AnswerValue.parse(qu, v, false));
            }
        }
        return visibleOnly(q, role, out);
    }

    /** @return the answers without those to follow-ups that the answers themselves hide (the API refuses them) */
    private static Map<String, AnswerValue> visibleOnly(Questionnaire q, Role role, Map<String, AnswerValue> answers) {
        Set<String> visible = Visibility.visibleKeys(q, role, answers);
        Map<String, AnswerValue> out = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (visible.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static JsonNode filled(Question qu, int fill) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (qu.type()) {
            case SINGLE -> qu.choices().stream().filter(c -> c.score() != null)
                    .min(Comparator.comparingInt((Question.Choice c) -> Math.abs(c.score() - fill))
                            .thenComparingInt(Question.Choice::score))
                    .map(c -> (JsonNode) f.textNode(c.key())).orElse(null);
            case MULTI -> {
                var array = f.arrayNode();
                qu.choices().stream().filter(c -> c.score() != null && c.score() <= fill)
                        .forEach(c -> array.add(c.key()));
                yield array.isEmpty() ? null : array;
            }
            case SCALE -> f.numberNode(fill + 1);
            case NUMBER -> qu.number().bands() == null || qu.number().bands().isEmpty() ? null
                    : qu.number().bands().stream()
                            .min(Comparator.comparingInt((Question.Band b) -> Math.abs(b.score() - fill)))
                            .map(b -> (JsonNode) f.numberNode(Math.min(b.max(), qu.number().max())))
                            .orElse(null);
            case TEXT -> null;
        };
    }
}
