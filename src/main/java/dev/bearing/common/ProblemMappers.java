package dev.bearing.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps failures to {@code application/problem+json}. Messages name the field at fault; no
 * exception class names or stack traces reach the client. Unexpected failures are logged with
 * an incident id that the response repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Bearing's own failures. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    /** Bean Validation failures on request records: one error per field. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), "body".equals(fieldName(v))
                        ? "a JSON body is required" : v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message())
                .collect(Collectors.joining("; "));
        return respond(new Problem(ProblemTypes.INVALID_VALUE, "Invalid input", 400, detail, errors));
    }

    /** A JSON value of the wrong type or shape, e.g. an unknown enum constant. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadable(e);
    }

    /** Malformed JSON or a value of the wrong JSON type. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        String message;
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            message = "is not a field of this request" + (u.getKnownPropertyIds() == null || u.getKnownPropertyIds().isEmpty()
                    ? "" : "; its fields are " + u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")));
        } else if (e instanceof com.fasterxml.jackson.core.exc.StreamReadException r && r.getOriginalMessage() != null
                && r.getOriginalMessage().startsWith("Duplicate field '")) {
            String name = r.getOriginalMessage().substring("Duplicate field '".length());
            field = name.substring(0, Math.max(0, name.indexOf('\'')));
            message = "is given twice; give each field once";
        } else if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getTargetType() == String.class
                && f.getOriginalMessage() != null && f.getOriginalMessage().endsWith(StrictRequestJson.NoNulStrings.MESSAGE)) {
            message = StrictRequestJson.NoNulStrings.MESSAGE + "; nothing was saved";
        } else if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            message = "must be one of " + String.join(", ", java.util.Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString).toList());
        } else if (e instanceof JsonMappingException) {
            message = "has the wrong type or shape";
        } else {
            message = "is not valid JSON (at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + ", column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ")";
        }
        return respond(new Problem(ProblemTypes.INVALID_VALUE, "Invalid input", 400, field + " " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    /** Two writers raced on the same row; the later one loses: 409, a page for pages. */
    @ServerExceptionMapper({StaleStateException.class, jakarta.persistence.OptimisticLockException.class})
    public Response stale(RuntimeException e, jakarta.ws.rs.core.UriInfo uri) {
        return raced(uri == null || uri.getPath().startsWith("/api/"));
    }

    private static Response raced(boolean api) {
        return refusal(api, new Problem(ProblemTypes.STALE_VERSION, "Conflict", 409, "Someone else changed this data "
                + "meanwhile (another tab, a colleague, or a second click); this request changed nothing. Reload and try "
                + "again.", List.of()), "Conflict");
    }

    /** @return the problem as problem+json for the API, or as an error page under that heading for a page */
    private static Response refusal(boolean api, Problem p, String pageHeading) {
        if (!api) {
            return Response.status(p.status()).type(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Pages.error(p.status(), pageHeading, p.detail())).build();
        }
        return respond(p);
    }

    /** JAX-RS errors (unknown path, wrong method, unsupported media type, unreadable body). */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, jakarta.ws.rs.core.UriInfo uri) {
        int status = e.getResponse().getStatus();
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                return unreadable(json);
            }
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = status == 404 ? "No such resource." : title + ".";
        if (uri != null && !uri.getPath().startsWith("/api/") && !uri.getPath().startsWith("/q/")) {
            // a page address: an HTML page, never JSON, in a browser
            String message = status == 404 ? "There is no page at this address. Check the link you followed."
                    : status == 405 ? "This address cannot be used that way. Go back and use the page's own links and buttons."
                    : "The request could not be handled (" + title + "). Go back and try again.";
            Response.ResponseBuilder page = Response.status(status)
                    .type(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Pages.error(status, title, message));
            e.getResponse().getHeaders().forEach((k, v) -> {
                if ("Allow".equalsIgnoreCase(k)) {
                    v.forEach(x -> page.header(k, x));
                }
            });
            return page.build();
        }
        return respond(new Problem(ProblemTypes.forStatus(status), title, status, detail, List.of()));
    }

    /**
     * Anything else: logged with an incident id; the client sees only the id. When the database
     * cannot be reached: 503 with {@code Retry-After}, a page for pages and problem+json for the
     * API; Bearing recovers by itself when the database is back.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, jakarta.ws.rs.core.UriInfo uri) {
        boolean api = uri == null || uri.getPath().startsWith("/api/");
        if (databaseUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", rootMessage(e));
            if (!api) {
                return Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS)
                        .type(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Pages.unavailable(uri.getPath().startsWith("/survey/"))).build();
            }
            return Response.fromResponse(respond(new Problem(ProblemTypes.UNAVAILABLE, "Service unavailable", 503,
                    "Bearing cannot reach its database just now; nothing was saved by this request. Try again in "
                            + RETRY_AFTER_SECONDS + " seconds.", List.of())))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        if (duplicate(e)) {
            // two requests made the same thing at once (a double click, two tabs): the database kept one
            LOG.infof("Refused a duplicate made concurrently: %s", rootMessage(e));
            return refusal(api, new Problem(ProblemTypes.CONFLICT, "Conflict", 409, "Another request made the same "
                    + "change at the same moment and was saved first; nothing else was changed. Reload to see it.",
                    List.of()), "Conflict");
        }
        if (staleWrite(e)) {
            // the same race, found when the transaction commits (QuarkusTransaction wraps it in a rollback)
            LOG.infof("Refused a write that raced another: %s", rootMessage(e));
            return raced(api);
        }
        if (nulCharacter(e)) {
            // PostgreSQL stores no U+0000 in text; the statement failed and its transaction rolled back
            LOG.infof("Refused text with a NUL character: %s", rootMessage(e));
            return refusal(api, new Problem(ProblemTypes.INVALID_VALUE, "Invalid input", 400, "A field you sent contains "
                    + "a NUL character (U+0000), which cannot be stored. Nothing was saved; remove that character and "
                    + "send it again.", List.of()), "Not saved");
        }
        String incident = java.util.UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        if (!api) {
            return Response.status(500).type(jakarta.ws.rs.core.MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Pages.error(500, "Something went wrong", "Something went wrong on our side (incident "
                            + incident + "); it is logged under that number. Go back and try again.")).build();
        }
        return respond(new Problem("about:blank", "Internal error", 500,
                "Something went wrong on our side (incident " + incident + ").", List.of()));
    }

    /** Seconds a client should wait before retrying while the database is unavailable. */
    static final int RETRY_AFTER_SECONDS = 10;

    /** Pages shown instead of problem+json when a page request fails. */
    @io.quarkus.qute.CheckedTemplate
    static class Pages {
        static native io.quarkus.qute.TemplateInstance unavailable(boolean survey);

        static native io.quarkus.qute.TemplateInstance error(int status, String title, String message);
    }

    /** @return whether it (or a cause) is a unique constraint's refusal (SQL state 23505) */
    static boolean duplicate(Throwable e) {
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether it (or a cause) is an optimistic-lock failure: another transaction changed
     *     or removed the row since it was read (two reminders at once, two tabs)
     */
    static boolean staleWrite(Throwable e) {
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof StaleStateException || c instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether it (or a cause) is PostgreSQL refusing a NUL character (U+0000) in text: SQL
     *     state 22021 (character not in repertoire), which a text value can only cause this way
     *     since the driver sends every other character as UTF-8
     */
    static boolean nulCharacter(Throwable e) {
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param e a failure
     * @return whether it (or a cause) says the database cannot be reached: a connection error
     *     (SQL state class 08), the server shutting down or starting (57P01..57P03), or no
     *     pooled connection within the acquisition timeout
     */
    public static boolean databaseUnavailable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLTransientConnectionException
                    || c instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (c instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage();
    }

    private static String fieldName(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        List<jakarta.validation.Path.Node> nodes = new java.util.ArrayList<>();
        v.getPropertyPath().forEach(nodes::add);
        if (nodes.size() == 2 && nodes.get(1).getKind() == jakarta.validation.ElementKind.PARAMETER) {
            return "body"; // the request body itself is missing ("create.request"): only bodies are @NotNull parameters
        }
        int dot = path.indexOf('.');
        // "create.request.organisation" -> "organisation": drop method and parameter names
        String[] parts = path.split("\\.");
        return parts.length >= 3 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
