package dev.bearing.common;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Text PostgreSQL can store: every character but NUL (U+0000), which a text column refuses with
 * SQL state 22021. The API's JSON reader ({@link StrictRequestJson}) refuses such a string while it
 * reads the body; services refuse one that came another way (a page form) before it reaches the
 * database, naming the field with the same message. Refused there, no statement fails inside the
 * transaction, so nothing is rolled back with a warning and the page can show the refusal beside
 * the field, keeping what was typed as it does for any refused field.
 */
public final class StorableText {

    /** What a refusal says of the field (after its name), in the API and on the pages. */
    public static final String NUL_MESSAGE = "contains a NUL character (U+0000), which cannot be stored; remove it";

    private StorableText() {
    }

    /** @return whether the text holds a NUL character; false for null */
    public static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** @return the refusal of {@code field} for holding a NUL character, as the API words it */
    public static Problem.FieldError nulError(String field) {
        return new Problem.FieldError(field, NUL_MESSAGE + "; nothing was saved");
    }

    /**
     * @param field the field's name as the API and the form call it, e.g. {@code note}
     * @param value what was sent, may be null
     * @throws ProblemException 400 naming the field when the value holds a NUL character
     */
    public static void refuseNul(String field, String value) {
        if (hasNul(value)) {
            ProblemException.throwIfAny(List.of(nulError(field)));
        }
    }

    /**
     * @param request a request record; its text components are checked, named as in the API
     * @throws ProblemException 400 naming every text component that holds a NUL character, in the
     *     record's order; nothing when the request is null
     */
    public static void refuseNul(Record request) {
        if (request == null) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (RecordComponent c : request.getClass().getRecordComponents()) {
            if (c.getType() != String.class) {
                continue;
            }
            try {
                if (hasNul((String) c.getAccessor().invoke(request))) {
                    errors.add(nulError(c.getName()));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + request.getClass().getSimpleName(), e);
            }
        }
        ProblemException.throwIfAny(errors);
    }
}
