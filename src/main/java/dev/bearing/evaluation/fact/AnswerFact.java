package dev.bearing.evaluation.fact;

/**
 * A respondent's answer as the rules see it. Score is 0..100 or null (unscored); choices are choice keys.
 */
public final class AnswerFact {

    private final long respondentId;
    private final String role;
    private final String questionKey;
    private final String capability;
    private final java.util.Set<String> choices;
    private final Double number;
    private final Double score;
    private final boolean notApplicable;

    /**
     * @param respondentId respondent id
     * @param role BUSINESS, DEVELOPMENT or OPERATIONS
     * @param questionKey question key
     * @param capability capability key
     * @param choices chosen choice keys, empty for other types
     * @param number SCALE or NUMBER value, or null
     * @param score 0..100, or null when unscored
     * @param notApplicable answered "not applicable"
     */
    public AnswerFact(long respondentId, String role, String questionKey, String capability, java.util.Set<String> choices, Double number, Double score, boolean notApplicable) {
        this.respondentId = respondentId;
        this.role = role;
        this.questionKey = questionKey;
        this.capability = capability;
        this.choices = choices == null ? java.util.Set.of() : java.util.Set.copyOf(choices);
        this.number = number;
        this.score = score;
        this.notApplicable = notApplicable;
    }

    /** @return respondent id */
    public long getRespondentId() {
        return respondentId;
    }

    /** @return BUSINESS, DEVELOPMENT or OPERATIONS */
    public String getRole() {
        return role;
    }

    /** @return question key */
    public String getQuestionKey() {
        return questionKey;
    }

    /** @return capability key */
    public String getCapability() {
        return capability;
    }

    /** @return chosen choice keys, empty for other types */
    public java.util.Set<String> getChoices() {
        return choices;
    }

    /** @return SCALE or NUMBER value, or null */
    public Double getNumber() {
        return number;
    }

    /** @return 0..100, or null when unscored */
    public Double getScore() {
        return score;
    }

    /** @return answered "not applicable" */
    public boolean isNotApplicable() {
        return notApplicable;
    }

    @Override
    public String toString() {
        return "AnswerFact[" + "respondentId=" + respondentId + ", " + "role=" + role + ", " + "questionKey=" + questionKey + ", " + "capability=" + capability + ", " + "choices=" + choices + ", " + "number=" + number + ", " + "score=" + score + ", " + "notApplicable=" + notApplicable + "]";
    }
}
