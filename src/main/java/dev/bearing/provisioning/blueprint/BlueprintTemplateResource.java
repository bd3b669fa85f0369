package dev.bearing.provisioning.blueprint;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The composed CloudFormation template of an approved version, as a file a client's own pipeline
 * can deploy (parameters left for the consultant stay without a value: supply them at deploy time).
 */
@Path("/api/v1/assessments/{id}/versions/{number}/provisioning/template.yaml")
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class BlueprintTemplateResource {

    /** YAML, as CloudFormation reads it. */
    static final String YAML = "application/yaml";

    @Inject
    StackComposer composer;

    /** @return the template as an attachment; 404 unknown version; 409 naming why provisioning is not offered */
    @Operation(summary = "Download the approved stack as one CloudFormation template")
    @GET
    @Produces({YAML, "application/problem+json"})
    public Response template(@PathParam("id") String id, @PathParam("number") String number) {
        long n = parseNumber(number);
        ComposedStack c = composer.offeredTemplate(AssessmentResource.parseId(id), n > Integer.MAX_VALUE ? 0 : (int) n);
        return Response.ok(c.templateBody(), YAML).header("Content-Disposition", "attachment; filename=\"bearing-assessment-"
                + AssessmentResource.parseId(id) + "-v" + n + ".template.yaml\"").build();
    }

    /** @return a positive whole number, or 0 (no such version) when it is not one */
    private static long parseNumber(String value) {
        try {
            long n = Long.parseLong(value);
            return n > 0 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
