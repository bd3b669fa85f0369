package dev.bearing.questionnaire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One question of a questionnaire.
 *
 * @param key stable key, e.g. {@code ci.build_trigger}
 * @param capability capability key it contributes to
 * @param dimension dimension of that capability
 * @param type answer type
 * @param text the question as the respondent reads it
 * @param help optional help text
 * @param required whether a respondent must answer it (when visible) before submitting
 * @param roles roles that answer it
 * @param notApplicable whether "not applicable" is an accepted answer
 * @param choices choices (SINGLE and MULTI only)
 * @param scale labels of a 1..5 scale (SCALE only)
 * @param number range, unit and scoring bands (NUMBER only)
 * @param maxLength maximum characters (TEXT only)
 * @param catalogLayer stack layer whose current tools this question names, if any
 * @param catalogRole CURRENT (choices are catalog tool keys), OTHER_NAMES (free text naming tools not
 *     among the choices) or SATISFACTION (1..5 with the current tool)
 * @param visibleWhen branching condition, or null when always visible
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(String key, String capability, Dimension dimension, QuestionType type, String text,
        String help, boolean required, Set<Role> roles, boolean notApplicable, List<Choice> choices,
        Scale scale, NumberSpec number, Integer maxLength, String catalogLayer, CatalogRole catalogRole,
        VisibleWhen visibleWhen) {

    /** Largest text answer accepted when a TEXT question names no maxLength, in characters. */
    public static final int DEFAULT_MAX_TEXT = 10_000;

    /** @return the choice with this key, if any */
    public Optional<Choice> choice(String choiceKey) {
        return choices == null ? Optional.empty()
                : choices.stream().filter(c -> c.key().equals(choiceKey)).findFirst();
    }

    /** @return the effective maximum length of a TEXT answer, in characters */
    public int effectiveMaxLength() {
        return maxLength != null ? maxLength : DEFAULT_MAX_TEXT;
    }

    /** What a catalog-linked question says about the current tools of its layer. */
    public enum CatalogRole {
        /** A SINGLE or MULTI question whose choice keys are catalog tool keys (plus e.g. other, none). */
        CURRENT,
        /**
         * A TEXT question naming the tools behind a CURRENT question's "Something else", separated
         * by commas; the names are matched against the catalog's names, keys and aliases.
         */
        OTHER_NAMES,
        /** A SCALE question: how satisfied the respondent is with the layer's current tools. */
        SATISFACTION
    }

    /**
     * A choice of a SINGLE or MULTI question.
     *
     * @param key stable key within the question
     * @param label text shown
     * @param score 0..4, or null for unscored choices such as "Don't know"
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Choice(String key, String label, Integer score) {
    }

    /**
     * Labels of the ends of a 1..5 scale.
     *
     * @param minLabel label of 1
     * @param maxLabel label of 5
     */
    public record Scale(String minLabel, String maxLabel) {
    }

    /**
     * Range and scoring of a NUMBER question.
     *
     * @param min smallest accepted value
     * @param max largest accepted value
     * @param unit unit shown after the field, e.g. "%"; may be null
     * @param bands scoring bands, ascending by max; empty means the number is context only
     * @param fractions true when a fraction is a meaningful answer (a percentage, hours); absent
     *     or false: a count (people, steps), answered with a whole number
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NumberSpec(double min, double max, String unit, List<Band> bands, Boolean fractions) {

        /** @return whether only whole numbers are accepted */
        public boolean wholeNumbers() {
            return !Boolean.TRUE.equals(fractions);
        }
    }

    /**
     * A scoring band: a value up to and including {@code max} scores {@code score}.
     *
     * @param max upper bound, inclusive
     * @param score 0..4
     */
    public record Band(double max, int score) {
    }

    /**
     * Branching: the question is visible when the answer to {@code question} includes any of
     * {@code anyOf}, or, with {@code noneOf}, is given and includes none of them.
     *
     * @param question key of an earlier question
     * @param anyOf choice keys, any of which makes this question visible
     * @param noneOf choice keys, none of which may be chosen
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record VisibleWhen(String question, Set<String> anyOf, Set<String> noneOf) {
    }
}
