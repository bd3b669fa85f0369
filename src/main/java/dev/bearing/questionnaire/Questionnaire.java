package dev.bearing.questionnaire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/**
 * A versioned questionnaire as loaded from {@code src/main/resources/questionnaires/*.yaml}.
 *
 * @param key stable key, e.g. {@code devops-maturity}
 * @param version version number, starting at 1; assessments pin the version they started on
 * @param title title shown to respondents
 * @param description two or three sentences for the welcome page
 * @param estimatedMinutes typical time to complete, in minutes
 * @param capabilities capabilities in report order
 * @param sections sections in survey order
 */
public record Questionnaire(String key, int version, String title, String description, int estimatedMinutes,
        List<Capability> capabilities, List<Section> sections) {

    /** @return every question in survey order */
    @JsonIgnore
    public List<Question> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    /** @return the question with this key, if any */
    public Optional<Question> question(String questionKey) {
        return questions().stream().filter(q -> q.key().equals(questionKey)).findFirst();
    }

    /** @return the capability with this key, if any */
    public Optional<Capability> capability(String capabilityKey) {
        return capabilities.stream().filter(c -> c.key().equals(capabilityKey)).findFirst();
    }

    /**
     * A capability the questionnaire measures.
     *
     * @param key stable key, e.g. {@code continuous_integration}
     * @param name name for readers, e.g. "Continuous integration"
     * @param dimension what it measures
     * @param description one sentence for leadership readers
     */
    public record Capability(String key, String name, Dimension dimension, String description) {
    }

    /**
     * A section: one capability area, shown as one page of the survey.
     *
     * @param key stable key
     * @param title heading
     * @param intro one or two sentences shown above the questions
     * @param questions questions in order
     */
    public record Section(String key, String title, String intro, List<Question> questions) {
    }
}
