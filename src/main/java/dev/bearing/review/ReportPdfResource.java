package dev.bearing.review;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import dev.bearing.report.ReportData;
import dev.bearing.report.ReportService;
import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The PDF roadmap: {@code GET /api/v1/assessments/{id}/report.pdf[?version=N]}. Without
 * {@code version}, the latest evaluation with the review's current edits, marked DRAFT on every
 * page; with it, approved version N exactly as frozen (same bytes every time).
 */
@Path("/api/v1/assessments/{id}/report.pdf")
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class ReportPdfResource {

    private static final Set<String> PARAMETERS = Set.of("version");

    @Inject
    ReviewService review;

    @Inject
    ReportService reports;

    /**
     * @return the PDF; 400 for an unknown query parameter or a version that is not a positive
     *     whole number (naming it); 404 unknown assessment, not evaluated, or no such version; 503 busy
     */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Get the PDF roadmap: the draft of the "
            + "latest evaluation with the review's edits, or approved version N (?version=N)")
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "version", in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.QUERY,
            description = "an approved version's number; without it, the draft",
            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "1"))
    @GET
    @Produces({"application/pdf", Problem.MEDIA_TYPE})
    public Response pdf(@PathParam("id") String id, @Context UriInfo uri) {
        long assessmentId = AssessmentResource.parseId(id);
        Integer version = version(uri);
        ReportData data = version == null ? review.draftReport(assessmentId) : review.versionReport(assessmentId, version);
        byte[] pdf = reports.pdf(data);
        review.auditExport(assessmentId, version);
        String name = "bearing-roadmap-" + assessmentId + (version == null ? "-draft" : "-v" + version) + ".pdf";
        return Response.ok(pdf, "application/pdf").header("Content-Disposition", "inline; filename=\"" + name + "\"")
                .build();
    }

    /** @return the version asked for, or null for the draft */
    static Integer version(UriInfo uri) {
        var params = uri.getQueryParameters();
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ProblemException.badField(name, "is not a parameter of report.pdf; the only one is version "
                        + "(an approved version's number)");
            }
        }
        List<String> values = params.get("version");
        if (values == null) {
            return null;
        }
        if (values.size() != 1 || !values.get(0).matches("[1-9][0-9]{0,8}")) {
            throw ProblemException.badField("version", "must be one approved version's number (1, 2, ...), was '"
                    + String.join("', '", values) + "'");
        }
        return Integer.valueOf(values.get(0));
    }

    /** Busy renderer: 503 with Retry-After. */
    @ServerExceptionMapper
    public Response busy(ReportService.ReportBusyException e) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After",
                ReportService.ReportBusyException.RETRY_AFTER_SECONDS).entity(e.toProblem()).build();
    }
}
