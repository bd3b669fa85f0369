package dev.bearing.evaluation.fact;

import dev.bearing.questionnaire.Dimension;
import dev.bearing.questionnaire.Role;

/**
 * How far two roles disagree on a capability, compared only on the questions both answered.
 *
 * @param capability capability key
 * @param name capability name
 * @param dimension dimension
 * @param gap points, 0..100
 * @param highRole role with the higher score
 * @param highScore its score on the shared questions
 * @param lowRole role with the lower score
 * @param lowScore its score on the shared questions
 * @param sharedQuestions questions both roles answered
 */
public record AlignmentGap(String capability, String name, Dimension dimension, double gap, Role highRole,
        double highScore, Role lowRole, double lowScore, int sharedQuestions) {
}
