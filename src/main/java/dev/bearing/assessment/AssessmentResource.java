package dev.bearing.assessment;

import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import dev.bearing.assessment.AssessmentApi.AssessmentView;
import dev.bearing.assessment.AssessmentApi.CreateAssessment;
import dev.bearing.common.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Assessments and their respondents under {@code /api/v1/assessments}. */
@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CONSULTANT, Roles.ADMIN })
public class AssessmentResource {

    @Inject
    AssessmentService service;

    @Inject
    SharingService sharing;

    @Inject
    dev.bearing.common.BearingConfig config;

    /** Creates an assessment; 201 with its location. 400 names the invalid field; 404 unknown questionnaire. */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Create an assessment for an organisation")
    @POST
    public Response create(@Valid @NotNull CreateAssessment request) {
        AssessmentView a = service.create(request.organisation(), request.questionnaireKey(),
                request.questionnaireVersion(), request.previousAssessmentId(), !Boolean.FALSE.equals(request.linkPrevious()));
        return Response.created(URI.create(config.publicUrl() + "/api/v1/assessments/" + a.id())).entity(a).build();
    }

    /** @return all assessments, newest first */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "List assessments, newest first")
    @GET
    public List<AssessmentView> list() {
        return service.list();
    }

    /** @return one assessment; 404 when unknown */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Get an assessment with its respondents' progress")
    @GET
    @Path("/{id}")
    public AssessmentView get(@PathParam("id") String id) {
        return service.get(parseId(id));
    }

    /** @return the assessment's owner and the consultants it is shared with */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Who owns the assessment and who it is shared with")
    @GET
    @Path("/{id}/shares")
    public SharingService.Sharing shares(@PathParam("id") String id) {
        return sharing.sharing(parseId(id));
    }

    /** Shares the assessment with a consultant (owner or admin only); 400 names {@code username}. */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Share the assessment with a consultant")
    @PUT
    @Path("/{id}/shares/{username}")
    public SharingService.Sharing share(@PathParam("id") String id, @PathParam("username") String username) {
        return sharing.share(parseId(id), username);
    }

    /** Takes a share back (owner or admin only). */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Stop sharing the assessment with a consultant")
    @DELETE
    @Path("/{id}/shares/{username}")
    public SharingService.Sharing unshare(@PathParam("id") String id, @PathParam("username") String username) {
        return sharing.unshare(parseId(id), username);
    }

    /**
     * @return the id as a number
     * @throws ProblemException 404 when it is not a positive number (it cannot exist)
     */
    public static long parseId(String id) {
        try {
            long v = Long.parseLong(id);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to 404: such an id cannot exist
        }
        throw ProblemException.notFound("Assessment " + id);
    }
}
