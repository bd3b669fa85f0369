package dev.bearing.export;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.common.ProblemException;
import dev.bearing.export.ExportService.BacklogFormat;
import dev.bearing.export.ExportService.CsvFile;
import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Exports of one assessment: {@code /api/v1/assessments/{id}/export/...}: answers and results as
 * CSV ({@code ?bom=true} adds a UTF-8 byte-order mark for Excel), everything as JSON (importable
 * with {@code POST /api/v1/assessments/import}), the roadmap as a backlog CSV for Jira or GitHub.
 */
@Path("/api/v1/assessments/{id}/export")
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class ExportResource {

    /** CSV media type as sent. */
    static final String CSV = "text/csv; charset=utf-8; header=present";

    @Inject
    ExportService exports;

    /** @return every saved answer, one row per answer */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Answers as CSV (?bom=true for Excel)")
    @GET
    @Path("/answers.csv")
    @Produces(CSV)
    public Response answers(@PathParam("id") String id, @QueryParam("bom") String bom,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        only(uri, "answers.csv", "bom");
        return csv(exports.answersCsv(List.of(AssessmentResource.parseId(id)), bom(bom)));
    }

    /** @return the latest evaluation, one row per capability; 404 when not evaluated */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Results of the latest evaluation as CSV (?bom=true for Excel)")
    @GET
    @Path("/results.csv")
    @Produces(CSV)
    public Response results(@PathParam("id") String id, @QueryParam("bom") String bom,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        only(uri, "results.csv", "bom");
        CsvFile f = exports.resultsCsv(List.of(AssessmentResource.parseId(id)), bom(bom));
        if (f.rows() == 0) {
            throw new ProblemException(404, "Not evaluated", "Assessment " + id
                    + " has not been evaluated yet; there are no results to export.", List.of());
        }
        return csv(f);
    }

    /** @return the roadmap as a backlog CSV ({@code ?for=jira}, the default, or {@code github}) */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Roadmap as a backlog CSV for Jira (default) or GitHub (?for=github)")
    @GET
    @Path("/backlog.csv")
    @Produces(CSV)
    public Response backlog(@PathParam("id") String id, @QueryParam("for") String target,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        only(uri, "backlog.csv", "for");
        BacklogFormat f;
        if (target == null || target.equals("jira")) {
            f = BacklogFormat.JIRA;
        } else if (target.equals("github")) {
            f = BacklogFormat.GITHUB;
        } else {
            throw ProblemException.badField("for", "must be jira or github, was " + target);
        }
        return csv(exports.backlogCsv(AssessmentResource.parseId(id), f));
    }

    /** @return the assessment as JSON: organisation, questionnaire, respondents with answers, evaluations */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The assessment as JSON, importable on another Bearing")
    @GET
    @Path("/assessment.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("id") String id, @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        only(uri, "assessment.json");
        long assessmentId = AssessmentResource.parseId(id);
        return Response.ok(exports.json(List.of(assessmentId)).get(0))
                .header("Content-Disposition", "attachment; filename=\"assessment-" + assessmentId + ".json\"").build();
    }

    /**
     * Refuses a query parameter the export does not take (a misspelt {@code ?bmo=true} would
     * otherwise be ignored without a word), as the dashboard and report.pdf do.
     *
     * @throws ProblemException 400 naming the parameter
     */
    private static void only(jakarta.ws.rs.core.UriInfo uri, String export, String... known) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!List.of(known).contains(name)) {
                throw ProblemException.badField(name, "is not a parameter of " + export + (known.length == 0
                        ? "; it takes none" : "; the only one is " + known[0]));
            }
        }
    }

    /**
     * @param bom the query parameter, may be null
     * @return whether to write a byte-order mark
     * @throws ProblemException 400 naming {@code bom} when not true or false
     */
    static boolean bom(String bom) {
        if (bom == null || bom.equals("false")) {
            return false;
        }
        if (bom.equals("true")) {
            return true;
        }
        throw ProblemException.badField("bom", "must be true or false, was " + bom);
    }

    static Response csv(CsvFile f) {
        return Response.ok(f.content(), CSV).header("Content-Disposition", "attachment; filename=\"" + f.filename() + "\"")
                .header("X-Row-Count", f.rows()).build();
    }
}
