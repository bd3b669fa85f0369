package dev.bearing.export;

import dev.bearing.common.BearingConfig;
import dev.bearing.export.ImportService.Imported;
import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code POST /api/v1/assessments/import}: recreates an exported assessment on this instance. */
@Path("/api/v1/assessments/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class ImportResource {

    @Inject
    ImportService imports;

    @Inject
    BearingConfig config;

    /** 201 with the new assessment and its respondents' new links (shown once); 400 names the field at fault (type not-visible for an answer to a follow-up the respondent's other answers hide). */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Import an assessment exported as JSON (new ids, new survey links returned once)")
    @POST
    public Response importAssessment(@Valid @NotNull AssessmentExport doc) {
        Imported i = imports.importAssessment(doc);
        return Response.created(URI.create(config.publicUrl() + "/api/v1/assessments/" + i.id())).entity(i).build();
    }
}
