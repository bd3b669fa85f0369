package dev.bearing.questionnaire;

/** The three viewpoints a respondent answers from; alignment gaps compare them. */
public enum Role {
    BUSINESS, DEVELOPMENT, OPERATIONS;

    /** @return the role's name for readers, e.g. "Development" */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
