package dev.bearing.evaluation.fact;

/**
 * A finding with a risk level.
 */
public final class Finding {

    private final String key;
    private final String subject;
    private final String title;
    private final String risk;
    private final String capability;
    private final String rationale;
    private final String rule;

    /**
     * @param key stable key; one finding per key and subject
     * @param subject what it is about, e.g. a capability or tool key
     * @param title headline
     * @param risk HIGH, MEDIUM or LOW
     * @param capability capability key, may be null
     * @param rationale plain-words explanation
     * @param rule rule name
     */
    public Finding(String key, String subject, String title, String risk, String capability, String rationale, String rule) {
        this.key = key;
        this.subject = subject;
        this.title = title;
        this.risk = risk;
        this.capability = capability;
        this.rationale = rationale;
        this.rule = rule;
    }

    /** @return stable key; one finding per key and subject */
    public String getKey() {
        return key;
    }

    /** @return what it is about, e.g. a capability or tool key */
    public String getSubject() {
        return subject;
    }

    /** @return headline */
    public String getTitle() {
        return title;
    }

    /** @return HIGH, MEDIUM or LOW */
    public String getRisk() {
        return risk;
    }

    /** @return capability key, may be null */
    public String getCapability() {
        return capability;
    }

    /** @return plain-words explanation */
    public String getRationale() {
        return rationale;
    }

    /** @return rule name */
    public String getRule() {
        return rule;
    }

    @Override
    public String toString() {
        return "Finding[" + "key=" + key + ", " + "subject=" + subject + ", " + "title=" + title + ", " + "risk=" + risk + ", " + "capability=" + capability + ", " + "rationale=" + rationale + ", " + "rule=" + rule + "]";
    }
}
