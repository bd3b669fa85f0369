package dev.bearing.evaluation;

import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.evaluation.EvaluationService.StoredEvaluation;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Evaluations: {@code POST/GET /api/v1/assessments/{id}/evaluation}. */
@Path("/api/v1/assessments/{id}/evaluation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CONSULTANT, Roles.ADMIN })
public class EvaluationResource {

    @Inject
    EvaluationService service;

    @Inject
    dev.bearing.common.BearingConfig config;

    /**
     * What to evaluate.
     *
     * @param respondents ids of the submitted respondents to include; absent or null for all who
     *     submitted
     */
    public record EvaluateRequest(List<Long> respondents) {
    }

    /**
     * Evaluates the submitted answers now (all, or the respondents named); 201. 400 names
     * {@code respondents} when one is unknown or unsubmitted; 404 unknown assessment; 409 nobody
     * submitted.
     */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Evaluate the submitted surveys now")
    @POST
    public Response evaluate(@PathParam("id") String id, EvaluateRequest request) {
        StoredEvaluation e = service.evaluate(AssessmentResource.parseId(id),
                request == null ? null : request.respondents());
        // built from the configured public URL, never from the request's Host header
        return Response.created(URI.create(config.publicUrl() + "/api/v1/assessments/" + e.assessmentId() + "/evaluation"))
                .entity(new JustStored(e.id(), e.assessmentId(), e.organisation(), e.evaluatedAt(),
                        e.respondentsIncluded(), e.resultJson()))
                .build();
    }

    /**
     * The answer to a new evaluation: a {@link StoredEvaluation} whose result is the JSON just
     * stored, written into the answer as it is rather than serialised a second time (the result is
     * 100–200 KB).
     */
    record JustStored(long id, long assessmentId, String organisation, java.time.Instant evaluatedAt,
            int respondentsIncluded, @com.fasterxml.jackson.annotation.JsonRawValue String result) {
    }

    /** @return the latest evaluation; 404 when none */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Get the latest evaluation")
    @GET
    public StoredEvaluation latest(@PathParam("id") String id) {
        return service.latest(AssessmentResource.parseId(id));
    }
}
