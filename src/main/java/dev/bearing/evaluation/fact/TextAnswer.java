package dev.bearing.evaluation.fact;

import dev.bearing.questionnaire.Role;

/**
 * A free-text answer, so rules can bring what respondents wrote next to the findings it bears on.
 *
 * @param respondentId respondent id
 * @param role the respondent's role
 * @param questionKey question key
 * @param text the text as saved (already cleaned of invisible characters)
 */
public record TextAnswer(long respondentId, Role role, String questionKey, String text) {
}
