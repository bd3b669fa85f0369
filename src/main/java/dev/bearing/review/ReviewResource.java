package dev.bearing.review;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.common.BearingConfig;
import dev.bearing.review.ReviewApi.EditRequest;
import dev.bearing.review.ReviewApi.EditView;
import dev.bearing.review.ReviewApi.EvaluationView;
import dev.bearing.review.ReviewApi.OverrideRequest;
import dev.bearing.review.ReviewApi.ReviewState;
import dev.bearing.review.ReviewApi.UndoRequest;
import dev.bearing.review.ReviewApi.VersionView;
import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The review API under {@code /api/v1/assessments/{id}}: the review (latest evaluation with the
 * edits applied), overrides, edits, undo, approval, and the history of evaluations and versions.
 */
@Path("/api/v1/assessments/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class ReviewResource {

    @Inject
    ReviewService service;

    @Inject
    BearingConfig config;

    @Inject
    dev.bearing.assessment.AccessControl access;

    /** @return the latest evaluation with the edits applied, every edit, what moved; 404 when not evaluated */
    @Operation(summary = "The review: the latest evaluation with the consultant's edits applied")
    @GET
    @Path("review")
    public ReviewState review(@PathParam("id") String id) {
        return service.state(AssessmentResource.parseId(id));
    }

    /** @return the edits and undos, oldest first, each with whether it applies */
    @Operation(summary = "List the review's edits")
    @GET
    @Path("review/edits")
    public List<EditView> edits(@PathParam("id") String id) {
        return service.state(AssessmentResource.parseId(id)).edits();
    }

    /**
     * Overrides a stack entry from its menu (or keeps the tools in use); 201 with the edit; 400 naming
     * the field; 409 when {@code shown} is given and the entry no longer reads so.
     */
    @Operation(summary = "Override a stack entry from its menu, or keep the tools in use (note required)",
            description = "Optional `shown`: the entry as last read, `<primary.key or none>:<change>` from GET "
                    + ".../review's result.stack entry (e.g. `sonarqube:KEEP`). When the entry no longer reads so "
                    + "(another override, an undo or a new evaluation since), 409 application/problem+json naming "
                    + "the entry as it is now (`errors[0].field` is `shown`), and nothing changes. Left out: no check.")
    @POST
    @Path("review/overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response override(@PathParam("id") String id, OverrideRequest request) {
        EditView e = service.override(AssessmentResource.parseId(id), request);
        return created(id, e);
    }

    /** Edits a finding or the roadmap; 201 with the edit; 400 naming the field. */
    @Operation(summary = "Edit a finding (risk, hide, merge) or the roadmap (phase, text, add an item)")
    @POST
    @Path("review/edits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response edit(@PathParam("id") String id, EditRequest request) {
        EditView e = service.edit(AssessmentResource.parseId(id), request);
        return created(id, e);
    }

    /** Undoes an edit; 201 with the undo; 404 unknown edit; 409 already undone. */
    @Operation(summary = "Undo an edit (the undo is recorded too)")
    @POST
    @Path("review/edits/{editId}/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response undo(@PathParam("id") String id, @PathParam("editId") String editId, UndoRequest request) {
        EditView e = service.undo(AssessmentResource.parseId(id), number(id, editId, "editId", "edit"), request);
        return created(id, e);
    }

    /** Approves the latest evaluation with its edits as the next version; 201; 409 when nothing changed. */
    @Operation(summary = "Approve: freeze the latest evaluation with its edits as the next version")
    @POST
    @Path("approve")
    public Response approve(@PathParam("id") String id) {
        VersionView v = service.approve(AssessmentResource.parseId(id));
        return Response.created(URI.create(config.publicUrl() + "/api/v1/assessments/" + v.assessmentId()
                + "/versions/" + v.number())).entity(v).build();
    }

    /** @return the approved versions, newest first */
    @Operation(summary = "List the approved versions")
    @GET
    @Path("versions")
    public List<VersionView> versions(@PathParam("id") String id) {
        return service.versions(AssessmentResource.parseId(id));
    }

    /** @return version N with its frozen result; 404 when none */
    @Operation(summary = "Get an approved version")
    @GET
    @Path("versions/{number}")
    public VersionView version(@PathParam("id") String id, @PathParam("number") String number) {
        long n = number(id, number, "number", "version");
        return service.version(AssessmentResource.parseId(id), n > Integer.MAX_VALUE ? 0 : (int) n);
    }

    /** @return every evaluation, newest first */
    @Operation(summary = "List the evaluations")
    @GET
    @Path("evaluations")
    public List<EvaluationView> evaluations(@PathParam("id") String id) {
        return service.evaluations(AssessmentResource.parseId(id));
    }

    /** @return one evaluation as the rules produced it; 404 when not of this assessment */
    @Operation(summary = "Get an evaluation by id")
    @GET
    @Path("evaluations/{evaluationId}")
    public EvaluationView evaluation(@PathParam("id") String id, @PathParam("evaluationId") String evaluationId) {
        return service.evaluation(AssessmentResource.parseId(id), number(id, evaluationId, "evaluationId", "evaluation"));
    }

    private Response created(String id, EditView e) {
        return Response.created(URI.create(config.publicUrl() + "/api/v1/assessments/" + id + "/review/edits"))
                .entity(e).build();
    }

    /**
     * @param id the assessment id from the path
     * @param value an edit, version or evaluation number from the path
     * @param field the path parameter's name
     * @param noun what the number counts, for the message
     * @return the number
     * @throws dev.bearing.common.ProblemException 404 naming the assessment when it is unknown or
     *     not visible, else 404 naming the value, which no edit, version or evaluation can have
     */
    private long number(String id, String value, String field, String noun) {
        if (value != null && value.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(value);
        }
        long assessmentId = AssessmentResource.parseId(id);
        access.assessment(assessmentId);
        throw new dev.bearing.common.ProblemException(404, "Not found", "Assessment " + assessmentId + " has no "
                + noun + " \"" + value + "\": " + noun + " numbers are whole numbers from 1.",
                List.of(new dev.bearing.common.Problem.FieldError(field, "must be a whole number from 1")));
    }
}
