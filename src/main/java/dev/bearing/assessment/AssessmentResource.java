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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
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
    DashboardService dashboard;

    @Inject
    AccessControl access;

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

    /**
     * The dashboard: one page of the assessments the caller may see, filtered and sorted.
     * Parameters {@code status} (inviting, in-progress, submitted, evaluated, in-review, approved,
     * or archived; default every assessment not archived), {@code organisation} (name contains,
     * any case), {@code sort} (activity, created, organisation, stage; a leading {@code -} for
     * descending; default {@code -activity}), {@code page} (from 1) and {@code size} (1..100,
     * default 20).
     *
     * @return the page with totalItems and totalPages
     * @throws dev.bearing.common.ProblemException 400 naming an unknown parameter or a bad value
     */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The dashboard: one page of assessments, filtered and sorted")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "status", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY,
            description = "inviting, in-progress, submitted, evaluated, in-review, approved or archived; default: every assessment not archived")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "organisation", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY,
            description = "organisation name contains this, any case")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "sort", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY,
            description = "activity, created, organisation or stage; a leading - for descending; default -activity")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "page", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY,
            description = "page number, from 1", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "size", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY,
            description = "assessments per page", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    @GET
    public DashboardApi.DashboardPage list(@Context UriInfo uri) {
        DashboardQuery q = DashboardQuery.parse(uri.getQueryParameters(), true);
        return dashboard.page(q, access.accountId() == null ? 0 : access.accountId(), access.isAdmin());
    }

    /** Archives an assessment (hidden from the dashboard unless the archived filter is chosen); audited. */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Archive an assessment")
    @POST
    @Path("/{id}/archive")
    public DashboardApi.DashboardRow archive(@PathParam("id") String id) {
        return dashboard.archive(parseId(id));
    }

    /** Returns an archived assessment to the dashboard; audited. */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Return an archived assessment to the dashboard")
    @POST
    @Path("/{id}/unarchive")
    public DashboardApi.DashboardRow unarchive(@PathParam("id") String id) {
        return dashboard.unarchive(parseId(id));
    }

    /**
     * Deletes an assessment for good with its respondents, answers, evaluations, approved versions
     * and review edits; audited. 204; 404 when unknown.
     */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Delete an assessment and all its answers for good")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "Deleted")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "404", description = "No such assessment (application/problem+json)")
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        dashboard.delete(parseId(id));
        return Response.noContent().build();
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
