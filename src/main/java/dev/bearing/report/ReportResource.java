package dev.bearing.report;

import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.common.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The PDF roadmap: {@code GET /api/v1/assessments/{id}/report.pdf}. */
@Path("/api/v1/assessments/{id}/report.pdf")
@RolesAllowed({ Roles.CONSULTANT, Roles.ADMIN })
public class ReportResource {

    @Inject
    ReportService reports;

    /** @return the PDF of the latest evaluation; 404 when unknown or not evaluated; 503 when busy */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Get the PDF roadmap of the latest evaluation")
    @GET
    @Produces({"application/pdf", Problem.MEDIA_TYPE})
    public Response pdf(@PathParam("id") String id) {
        long assessmentId = AssessmentResource.parseId(id);
        byte[] pdf = reports.pdf(assessmentId);
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"bearing-roadmap-" + assessmentId + ".pdf\"")
                .build();
    }

    /** Busy renderer: 503 with Retry-After. */
    @ServerExceptionMapper
    public Response busy(ReportService.ReportBusyException e) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After",
                ReportService.ReportBusyException.RETRY_AFTER_SECONDS).entity(e.toProblem()).build();
    }
}
