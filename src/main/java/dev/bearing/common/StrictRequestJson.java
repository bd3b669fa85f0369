package dev.bearing.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The mapper for API request and response bodies: the application's mapper ({@link JsonSettings})
 * that also refuses a field the request does not have, so that a typo such as
 * {@code "organization"} is named in a 400 instead of silently dropped. The application's own
 * mapper stays lenient there: it reads results stored by earlier versions, whose fields may since
 * have been removed. It also refuses a string with a NUL character (U+0000), which PostgreSQL
 * cannot store in text, so that the 400 names the field that holds it.
 */
@Provider
@Singleton
public class StrictRequestJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    @Inject
    public StrictRequestJson(ObjectMapper application) {
        this.strict = application.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("no-nul-strings")
                        .addDeserializer(String.class, new NoNulStrings()));
    }

    /** Jackson's strings, refusing one that holds a NUL character. */
    static final class NoNulStrings extends com.fasterxml.jackson.databind.deser.std.StringDeserializer {

        /** What the 400 says of the field (ProblemMappers reads it back). */
        static final String MESSAGE = StorableText.NUL_MESSAGE;

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser p,
                com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
            String value = super.deserialize(p, context);
            if (StorableText.hasNul(value)) {
                throw context.weirdStringException(value, String.class, MESSAGE);
            }
            return value;
        }
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
