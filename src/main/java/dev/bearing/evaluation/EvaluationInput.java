package dev.bearing.evaluation;

import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.Role;
import java.util.List;
import java.util.Map;

/**
 * What the rule engine evaluates: the questionnaire and the answers of the respondents included.
 *
 * @param questionnaire the questionnaire the assessment is pinned to
 * @param respondents respondents with their answers
 */
public record EvaluationInput(Questionnaire questionnaire, List<RespondentAnswers> respondents) {

    /**
     * One respondent's answers.
     *
     * @param respondentId respondent id (any stable number in scenarios)
     * @param role role
     * @param answers answers by question key
     */
    public record RespondentAnswers(long respondentId, Role role, Map<String, AnswerValue> answers) {
    }
}
