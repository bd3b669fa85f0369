package dev.bearing.questionnaire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bearing.common.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated answer in canonical form: exactly one of {@code choices}, {@code number},
 * {@code text} is set, or {@code notApplicable} is true.
 *
 * @param choices chosen choice keys (SINGLE: one; MULTI: one or more, in question order)
 * @param number numeric value (SCALE 1..5 or NUMBER)
 * @param text free text as typed (TEXT)
 * @param notApplicable the respondent said the question does not apply
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerValue(List<String> choices, Double number, String text, Boolean notApplicable) {

    /** MULTI choice keys that stand alone: "none" and "don't know" cannot be combined with others. */
    public static final List<String> EXCLUSIVE_CHOICES = List.of("none", "dont_know");

    /** @return true when the respondent answered "not applicable" */
    public boolean isNotApplicable() {
        return Boolean.TRUE.equals(notApplicable);
    }

    /** @return true when {@code choiceKey} is among the chosen choices */
    public boolean chose(String choiceKey) {
        return choices != null && choices.contains(choiceKey);
    }

    /**
     * Reads an answer as a form posts it (the survey page without its script) into the JSON shape
     * the API takes, so {@link #parse} validates both alike. This and {@link #parse} are where
     * the question types are told apart on the server.
     *
     * @param q the question
     * @param values the non-blank values of the field {@code q.<key>} (several for MULTI)
     * @return the JSON value, or null when {@code values} is empty (no answer)
     * @throws NumberFormatException when a SCALE or NUMBER field holds no number
     */
    public static JsonNode fromForm(Question q, List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (q.type()) {
            case SINGLE, TEXT -> f.textNode(values.get(0));
            case MULTI -> {
                var array = f.arrayNode();
                values.forEach(array::add);
                yield array;
            }
            case SCALE -> f.numberNode(Integer.parseInt(values.get(0).strip()));
            case NUMBER -> {
                String typed = values.get(0).strip();
                if (q.number() != null && q.number().wholeNumbers() && GROUPED.matcher(typed).matches()) {
                    throw new AmbiguousNumberException(typed);
                }
                yield f.numberNode(new java.math.BigDecimal(typed.replace(',', '.')));
            }
        };
    }

    /** Digits grouped by threes with a comma or a full stop: "1,000", "12.500", "1,000,000". */
    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile("[+-]?\\d{1,3}([.,]\\d{3})+");

    /**
     * A count typed with a separator before three digits ("1,000", "1.000"): a thousands separator
     * in one convention, the decimal one in another. Read as a decimal it would be stored as 1, so
     * the page asks for the number without a separator instead of guessing.
     */
    public static final class AmbiguousNumberException extends NumberFormatException {

        static final String MESSAGE = "Enter the number without a separator, e.g. 1000: a comma or full stop before "
                + "three digits marks thousands in some countries and decimals in others.";

        /** @param typed what was typed */
        public AmbiguousNumberException(String typed) {
            super(MESSAGE + " (was " + typed + ")");
        }

        /** What the page says. */
        public String pageText() {
            return MESSAGE;
        }
    }

    /**
     * Validates a JSON answer against its question.
     *
     * @param q the question
     * @param value the JSON value: a string (SINGLE, TEXT), an array of strings (MULTI), an
     *     integer 1..5 (SCALE), a number (NUMBER); may be null only with {@code notApplicable}
     * @param notApplicable true to answer "not applicable" (only where the question allows it)
     * @return the canonical answer
     * @throws ProblemException 400 naming the question key when the value does not fit
     */
    public static AnswerValue parse(Question q, JsonNode value, boolean notApplicable) {
        if (notApplicable) {
            if (!q.notApplicable()) {
                throw ProblemException.badField(q.key(), "\"not applicable\" is not an accepted answer to this question");
            }
            return new AnswerValue(null, null, null, true);
        }
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw ProblemException.badField(q.key(), "an answer value is required");
        }
        return switch (q.type()) {
            case SINGLE -> {
                if (!value.isTextual()) {
                    throw wrongType(q, "a choice key (string)");
                }
                yield new AnswerValue(List.of(checkChoice(q, value.asText())), null, null, null);
            }
            case MULTI -> {
                if (!value.isArray()) {
                    throw wrongType(q, "an array of choice keys");
                }
                if (value.isEmpty()) {
                    throw ProblemException.badField(q.key(), "choose at least one option");
                }
                Set<String> chosen = new LinkedHashSet<>();
                for (JsonNode n : value) {
                    if (!n.isTextual()) {
                        throw wrongType(q, "an array of choice keys");
                    }
                    chosen.add(checkChoice(q, n.asText()));
                }
                for (String exclusive : EXCLUSIVE_CHOICES) {
                    if (chosen.contains(exclusive) && chosen.size() > 1) {
                        throw ProblemException.badField(q.key(), "\"" + q.choice(exclusive).map(Question.Choice::label)
                                .orElse(exclusive) + "\" cannot be combined with other choices");
                    }
                }
                List<String> ordered = new ArrayList<>();
                q.choices().forEach(c -> {
                    if (chosen.contains(c.key())) {
                        ordered.add(c.key());
                    }
                });
                yield new AnswerValue(List.copyOf(ordered), null, null, null);
            }
            case SCALE -> {
                if (!value.isIntegralNumber()) {
                    throw wrongType(q, "a whole number from 1 to 5");
                }
                if (!value.canConvertToInt()) {
                    // asInt() would wrap 4294967297 to 1
                    throw ProblemException.badField(q.key(), "must be a whole number from 1 to 5, was " + value.asText());
                }
                int v = value.asInt();
                if (v < 1 || v > 5) {
                    throw ProblemException.badField(q.key(), "must be between 1 and 5, was " + value.asText());
                }
                yield new AnswerValue(null, (double) v, null, null);
            }
            case NUMBER -> {
                if (!value.isNumber()) {
                    throw wrongType(q, "a number");
                }
                double v = value.asDouble();
                if (!Double.isFinite(v) || v < q.number().min() || v > q.number().max()) {
                    throw ProblemException.badField(q.key(), "must be between " + fmt(q.number().min()) + " and "
                            + fmt(q.number().max()) + ", was " + value.asText());
                }
                if (q.number().wholeNumbers() && v != Math.rint(v)) {
                    throw ProblemException.badField(q.key(), "must be a whole number"
                            + (q.number().unit() == null ? "" : " of " + q.number().unit()) + ", was " + value.asText());
                }
                yield new AnswerValue(null, v, null, null);
            }
            case TEXT -> {
                if (!value.isTextual()) {
                    throw wrongType(q, "text");
                }
                String t = dev.bearing.common.UserText.stripInvisible(value.asText());
                int length = t.codePointCount(0, t.length());
                if (length > q.effectiveMaxLength()) {
                    throw ProblemException.badField(q.key(), "is " + length + " characters long; at most "
                            + q.effectiveMaxLength() + " are accepted");
                }
                if (t.isBlank()) {
                    throw ProblemException.badField(q.key(), "an answer value is required");
                }
                yield new AnswerValue(null, null, t, null);
            }
        };
    }

    /**
     * Score of this answer on a 0..100 scale, or null when it carries none (text, context,
     * "don't know", not applicable, a NUMBER without bands, or a current-tool question: which
     * tools one uses and how happy one is with them say nothing about maturity). Choice scores 0..4 and scale
     * values 1..5 map linearly onto 0..100; MULTI takes the best chosen score.
     *
     * @param q the question this answers
     * @return 0..100 or null
     */
    public Double score(Question q) {
        if (isNotApplicable() || q.dimension() == Dimension.CONTEXT || q.catalogRole() != null) {
            return null;
        }
        return switch (q.type()) {
            case SINGLE, MULTI -> choices.stream()
                    .map(k -> q.choice(k).map(Question.Choice::score).orElse(null))
                    .filter(java.util.Objects::nonNull)
                    .max(Integer::compare)
                    .map(s -> s * 25.0)
                    .orElse(null);
            case SCALE -> (number - 1) * 25.0;
            case NUMBER -> q.number().bands() == null ? null : q.number().bands().stream()
                    .filter(b -> number <= b.max())
                    .findFirst()
                    .map(b -> b.score() * 25.0)
                    .orElse(null);
            case TEXT -> null;
        };
    }

    /** @return this answer as a JSON value (the shape {@link #parse} accepts); null for not applicable */
    public JsonNode toJsonValue(Question q) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (isNotApplicable()) {
            return f.nullNode();
        }
        return switch (q.type()) {
            case SINGLE -> f.textNode(choices.get(0));
            case MULTI -> {
                var array = f.arrayNode();
                choices.forEach(array::add);
                yield array;
            }
            case SCALE -> f.numberNode(number.intValue());
            case NUMBER -> number == Math.rint(number) ? f.numberNode(number.longValue()) : f.numberNode(number);
            case TEXT -> f.textNode(text);
        };
    }

    /** @return a short human-readable rendering, e.g. choice labels joined by ", " */
    public String display(Question q) {
        if (isNotApplicable()) {
            return "Not applicable";
        }
        return switch (q.type()) {
            case SINGLE, MULTI -> String.join(", ", choices.stream()
                    .map(k -> q.choice(k).map(Question.Choice::label).orElse(k)).toList());
            case SCALE -> number.intValue() + " of 5";
            case NUMBER -> fmt(number) + (q.number().unit() == null ? "" : " " + q.number().unit());
            // a tab typed or pasted into an answer reads as a space, not as a wide gap (the answer keeps it)
            case TEXT -> text.replace('\t', ' ');
        };
    }

    private static String checkChoice(Question q, String key) {
        if (q.choice(key).isEmpty()) {
            throw ProblemException.badField(q.key(), "\"" + key + "\" is not a choice of this question");
        }
        return key;
    }

    private static ProblemException wrongType(Question q, String expected) {
        return ProblemException.badField(q.key(), "expected " + expected + " for a " + q.type() + " question");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
