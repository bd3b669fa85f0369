package dev.bearing.questionnaire;

/** What a capability measures: people alignment, tooling, delivery outcomes, or context (unscored). */
public enum Dimension {
    ALIGNMENT, TOOLING, OUTCOMES, CONTEXT
}
