package dev.bearing.web;

import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was wrong with a refused page form, every field at once: each field's messages (shown
 * beside it, the field marked invalid) and a summary at the top that names and links every field at
 * fault, in the form's order. Built from the same validation the API runs (a service's
 * {@link ProblemException} or the API request record's Bean Validation), so a page and the API
 * refuse the same input.
 *
 * @param entries the fields at fault, in the form's order (fields the form does not show last)
 * @param general a message about no one field (e.g. a conflict), or null
 */
public record FormErrors(List<Entry> entries, String general) {

    /** No error: the form as first shown. */
    public static final FormErrors NONE = new FormErrors(List.of(), null);

    /**
     * One field at fault.
     *
     * @param field the input's name, e.g. {@code displayName}
     * @param id the input's element id, which the summary links to
     * @param label the field's label as the form shows it, e.g. "Name"
     * @param messages what is wrong with it, in the order found
     */
    public record Entry(String field, String id, String label, List<String> messages) {

        /** @return the messages as one text, e.g. "Use at least 12 characters." */
        public String text() {
            return String.join(" ", messages);
        }
    }

    /**
     * @param e a refusal; its field errors, or its detail when it names no field
     * @param idPrefix what the form puts before a field's name to make its element id ("" for none)
     * @param labels the form's fields in order, name → label
     * @return the errors to show
     */
    static FormErrors of(ProblemException e, String idPrefix, Map<String, String> labels) {
        if (e.errors().isEmpty()) {
            return new FormErrors(List.of(), e.getMessage());
        }
        return of(e.errors(), idPrefix, labels);
    }

    /**
     * @param violations Bean Validation's findings on a request record (the field is the last
     *     node of each property path)
     * @param idPrefix as {@link #of(ProblemException, String, Map)}
     * @param labels the form's fields in order, name → label
     * @param pageMessages a page's own wording for a field's message (e.g. a choice the page offers
     *     as a list), replacing the API's; may be empty
     * @return the errors to show, or {@link #NONE}
     */
    static FormErrors of(Set<? extends ConstraintViolation<?>> violations, String idPrefix, Map<String, String> labels,
            Map<String, String> pageMessages) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            String last = "";
            for (Path.Node n : v.getPropertyPath()) {
                last = n.getName();
            }
            String field = last;
            String message = pageMessages.getOrDefault(field, sentence(v.getMessage()));
            if (errors.stream().noneMatch(f -> f.field().equals(field) && f.message().equals(message))) {
                errors.add(new Problem.FieldError(field, message));
            }
        }
        errors.sort(java.util.Comparator.comparing(Problem.FieldError::message));
        return errors.isEmpty() ? NONE : of(errors, idPrefix, labels);
    }

    private static FormErrors of(List<Problem.FieldError> errors, String idPrefix, Map<String, String> labels) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        labels.keySet().forEach(k -> byField.put(k, new ArrayList<>()));
        for (Problem.FieldError f : errors) {
            byField.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(f.message());
        }
        List<Entry> entries = new ArrayList<>();
        byField.forEach((field, messages) -> {
            if (!messages.isEmpty()) {
                entries.add(new Entry(field, idPrefix + field, labels.getOrDefault(field, field), List.copyOf(messages)));
            }
        });
        return new FormErrors(List.copyOf(entries), null);
    }

    /** @return whether anything is wrong */
    public boolean any() {
        return !entries.isEmpty() || general != null;
    }

    /** @return whether the field is at fault */
    public boolean has(String field) {
        return entries.stream().anyMatch(e -> e.field().equals(field));
    }

    /** @return the field's messages as one text, or "" */
    public String text(String field) {
        return entries.stream().filter(e -> e.field().equals(field)).map(Entry::text).findFirst().orElse("");
    }

    /** @return "must be at most 200 characters" as "Must be at most 200 characters." */
    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "Check this field.";
        }
        String m = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }
}
