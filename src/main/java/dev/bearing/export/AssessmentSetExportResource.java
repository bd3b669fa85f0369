package dev.bearing.export;

import dev.bearing.common.ProblemException;
import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports of a set of assessments: {@code /api/v1/assessments/export/...?assessment=1&assessment=2}
 * or {@code ?organisation=contoso} (part of the name, any case). One file for all; at most
 * {@value ExportService#MAX_ASSESSMENTS} assessments.
 */
@Path("/api/v1/assessments/export")
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class AssessmentSetExportResource {

    @Inject
    ExportService exports;

    /** @return answers of every assessment in the set */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Answers of several assessments as one CSV")
    @GET
    @Path("/answers.csv")
    @Produces(ExportResource.CSV)
    public Response answers(@QueryParam("assessment") List<String> ids, @QueryParam("organisation") String organisation,
            @QueryParam("bom") String bom) {
        return ExportResource.csv(exports.answersCsv(ids(ids, organisation), ExportResource.bom(bom)));
    }

    /** @return results of every evaluated assessment in the set */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Results of several assessments as one CSV")
    @GET
    @Path("/results.csv")
    @Produces(ExportResource.CSV)
    public Response results(@QueryParam("assessment") List<String> ids, @QueryParam("organisation") String organisation,
            @QueryParam("bom") String bom) {
        return ExportResource.csv(exports.resultsCsv(ids(ids, organisation), ExportResource.bom(bom)));
    }

    /** @return the assessments as a JSON array of export documents */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Several assessments as a JSON array")
    @GET
    @Path("/assessments.json")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AssessmentExport> json(@QueryParam("assessment") List<String> ids,
            @QueryParam("organisation") String organisation) {
        return exports.json(ids(ids, organisation));
    }

    private List<Long> ids(List<String> given, String organisation) {
        boolean byId = given != null && !given.isEmpty();
        if (byId == (organisation != null)) {
            throw ProblemException.badField("assessment", "give either assessment ids (?assessment=1&assessment=2) "
                    + "or ?organisation=, not both and not neither");
        }
        if (!byId) {
            List<Long> found = exports.assessmentIdsOfOrganisation(organisation);
            if (found.isEmpty()) {
                throw ProblemException.badField("organisation", "no assessment of an organisation whose name contains \""
                        + organisation.strip() + "\"");
            }
            return found;
        }
        List<Long> out = new ArrayList<>();
        for (String s : given) {
            for (String part : s.split(",")) {
                try {
                    long v = Long.parseLong(part.strip());
                    if (v <= 0) {
                        throw new NumberFormatException();
                    }
                    out.add(v);
                } catch (NumberFormatException e) {
                    throw ProblemException.badField("assessment", "\"" + part + "\" is not an assessment id");
                }
            }
        }
        return out;
    }
}
