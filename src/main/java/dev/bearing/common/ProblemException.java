package dev.bearing.common;

import java.util.List;

/**
 * A failure that becomes a {@link Problem} response. Services throw it; the API maps it to
 * {@code application/problem+json} and the web pages to an error message.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final transient List<Problem.FieldError> errors;
    private final String type;

    /**
     * @param status HTTP status (400, 404, 409, 422, ...)
     * @param title short summary
     * @param detail explanation naming what was wrong
     * @param errors fields or questions at fault, possibly empty
     */
    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        this(status, title, detail, errors, ProblemTypes.forStatus(status));
    }

    /**
     * @param status HTTP status
     * @param title short summary
     * @param detail explanation naming what was wrong
     * @param errors fields or questions at fault, possibly empty
     * @param type the kind of problem, one of {@link ProblemTypes}
     */
    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors, String type) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.type = type;
    }

    /** 404: {@code what} (e.g. "Assessment 42") does not exist. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist.", List.of(), ProblemTypes.NOT_FOUND);
    }

    /** 400: one field is invalid. */
    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "Invalid input", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), ProblemTypes.INVALID_VALUE);
    }

    /**
     * 400 naming every field at fault, when there is one; the detail lists them as
     * {@code field: message; field: message}, as Bean Validation's refusals do.
     *
     * @param errors the fields at fault, in the order found
     */
    public static void throwIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid input", String.join("; ", errors.stream()
                    .map(f -> f.field() + ": " + f.message()).toList()), errors, ProblemTypes.INVALID_VALUE);
        }
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(409, "Conflict", detail, errors, ProblemTypes.CONFLICT);
    }

    /** @return the first field at fault, or null when the problem names none (a page marks that field) */
    public String field() {
        return errors.isEmpty() ? null : errors.get(0).field();
    }

    /** @return what a page shows: the first field's message, or the whole detail when no field is named */
    public String fieldMessage() {
        return errors.isEmpty() ? getMessage() : errors.get(0).message();
    }

    /** @return the kind of problem, a URI from {@link ProblemTypes} or {@code about:blank} */
    public String type() {
        return type;
    }

    /** @return HTTP status code */
    public int status() {
        return status;
    }

    /** @return short summary */
    public String title() {
        return title;
    }

    /** @return fields or questions at fault */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** @return the problem body for this failure */
    public Problem toProblem() {
        return new Problem(type, title, status, getMessage(), errors);
    }
}
