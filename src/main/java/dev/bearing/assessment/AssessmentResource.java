package dev.bearing.assessment;

import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import dev.bearing.assessment.AssessmentApi.AddRespondent;
import dev.bearing.assessment.AssessmentApi.AssessmentView;
import dev.bearing.assessment.AssessmentApi.CreateAssessment;
import dev.bearing.assessment.AssessmentApi.RespondentView;
import dev.bearing.common.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

/** Assessments and their respondents under {@code /api/v1/assessments}. */
@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.CONSULTANT, Roles.ADMIN })
public class AssessmentResource {

    @Inject
    AssessmentService service;

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

    /** Adds a respondent; 201 with the secret token and survey link. */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Add a respondent (returns the secret survey link)")
    @POST
    @Path("/{id}/respondents")
    public Response addRespondent(@PathParam("id") String id, @Valid @NotNull AddRespondent request) {
        RespondentView r = service.addRespondent(parseId(id), request.role(), request.name());
        return Response.created(URI.create(config.publicUrl() + "/api/v1/respondents/" + r.token() + "/answers")).entity(r).build();
    }

    /** @return the assessment's respondents with progress; 404 when unknown */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "List an assessment's respondents with progress")
    @GET
    @Path("/{id}/respondents")
    public List<RespondentView> respondents(@PathParam("id") String id) {
        return service.respondents(parseId(id));
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
