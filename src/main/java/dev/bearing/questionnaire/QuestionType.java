package dev.bearing.questionnaire;

/**
 * Question types. Answer value shapes in JSON: SINGLE a choice key string; MULTI an array of
 * choice keys; SCALE an integer 1..5; NUMBER a number within the question's range; TEXT a string.
 */
public enum QuestionType {
    SINGLE, MULTI, SCALE, NUMBER, TEXT
}
