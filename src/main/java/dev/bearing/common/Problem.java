package dev.bearing.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, the one error shape of the API (media type
 * {@code application/problem+json}).
 *
 * @param type a URI reference naming the kind of problem ({@code about:blank} or a Bearing tag)
 * @param title short summary of the kind of problem
 * @param status HTTP status code
 * @param detail explanation of this occurrence, naming the field or question at fault
 * @param errors one entry per field or question at fault; empty when the problem is not about input
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** Media type of every API error body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One field or question at fault.
     *
     * @param field the field name or question key, e.g. {@code organisation} or {@code ci.build_trigger}
     * @param message what is wrong with it, in plain words
     */
    public record FieldError(String field, String message) {
    }
}
