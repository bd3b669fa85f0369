package dev.bearing.questionnaire;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Decides which questions are visible given the answers so far ({@code visibleWhen} branching). */
public final class Visibility {

    private Visibility() {
    }

    /**
     * @param questionnaire the questionnaire
     * @param role the respondent's role; questions for other roles are not visible (null: all roles)
     * @param answers answers by question key
     * @return keys of the visible questions, in survey order; a question whose condition
     *     refers to a hidden question is hidden too
     */
    public static Set<String> visibleKeys(Questionnaire questionnaire, Role role, Map<String, AnswerValue> answers) {
        Set<String> visible = new LinkedHashSet<>();
        for (Question q : questionnaire.questions()) {
            if (role != null && !q.roles().contains(role)) {
                continue;
            }
            Question.VisibleWhen w = q.visibleWhen();
            if (w == null) {
                visible.add(q.key());
                continue;
            }
            AnswerValue a = visible.contains(w.question()) ? answers.get(w.question()) : null;
            if (a == null || a.isNotApplicable()) {
                continue;
            }
            boolean any = w.anyOf() == null || w.anyOf().isEmpty() || w.anyOf().stream().anyMatch(a::chose);
            boolean none = w.noneOf() == null || w.noneOf().stream().noneMatch(a::chose);
            if (any && none) {
                visible.add(q.key());
            }
        }
        return visible;
    }
}
