package dev.bearing.questionnaire;

import jakarta.annotation.security.PermitAll;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Questionnaires: {@code GET /api/v1/questionnaires} and one version in full. */
@Path("/api/v1/questionnaires")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class QuestionnaireResource {

    @Inject
    QuestionnaireRegistry registry;

    /**
     * A questionnaire version in a list.
     *
     * @param key questionnaire key
     * @param version version number
     * @param title title
     * @param questionCount number of questions
     */
    public record Summary(String key, int version, String title, int questionCount) {
    }

    /** @return every questionnaire version, by key then version */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "List questionnaire versions")
    @GET
    public List<Summary> list() {
        return registry.all().stream()
                .map(q -> new Summary(q.key(), q.version(), q.title(), q.questions().size()))
                .toList();
    }

    /** @return the full questionnaire; 404 problem when the key or version is unknown */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Get a questionnaire version in full")
    @GET
    @Path("/{key}/versions/{version}")
    public Questionnaire get(@PathParam("key") String key, @PathParam("version") int version) {
        return registry.get(key, version);
    }
}
