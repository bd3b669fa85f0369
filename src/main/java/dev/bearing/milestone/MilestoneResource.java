package dev.bearing.milestone;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The change since the organisation's previous assessment: {@code GET /api/v1/assessments/{id}/milestones}. */
@Path("/api/v1/assessments/{id}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class MilestoneResource {

    @Inject
    MilestoneService milestones;

    /** @return the comparison with the previous milestone; 404 when the assessment is unknown */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Change per capability, stage and delivery band since the previous assessment")
    @GET
    public MilestoneComparison get(@PathParam("id") String id) {
        return milestones.compare(AssessmentResource.parseId(id));
    }
}
