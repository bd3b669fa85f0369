package dev.bearing.provisioning;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.common.ProblemException;
import dev.bearing.common.ProblemTypes;
import dev.bearing.provisioning.ProvisioningApi.Overview;
import dev.bearing.provisioning.ProvisioningApi.PlanRequest;
import dev.bearing.provisioning.ProvisioningApi.RunView;
import dev.bearing.provisioning.ProvisioningApi.TargetRequest;
import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The provisioning API under {@code /api/v1/assessments/{id}/provisioning}: the overview, the
 * organisation's AWS target, plans (a change set to preview), confirmation, and each run with its
 * events (the progress page polls it).
 */
@Path("/api/v1/assessments/{id}/provisioning")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class ProvisioningResource {

    @Inject
    ProvisioningService service;

    /** @return whether provisioning is offered (and why not), the AWS target, parameters to fill, the runs */
    @Operation(summary = "Provisioning of the newest approved version: offer, target and runs")
    @GET
    public Overview overview(@PathParam("id") String id) {
        return service.overview(AssessmentResource.parseId(id));
    }

    /** Sets the organisation's AWS target; 200 with the overview; 400 naming the field. */
    @Operation(summary = "Set the organisation's AWS account, region, role ARN and external ID")
    @PUT
    @Path("target")
    @Consumes(MediaType.APPLICATION_JSON)
    public Overview target(@PathParam("id") String id, TargetRequest request) {
        long assessmentId = AssessmentResource.parseId(id);
        service.saveTarget(assessmentId, request);
        return service.overview(assessmentId);
    }

    /**
     * Plans a deployment: 201 with the run (PLANNED with its changes and cost estimate, or FAILED
     * with AWS's reason); 400 naming missing parameters or settings; 409 not approved, not offered
     * or a run active; 422 the template fails cfn-lint.
     */
    @Operation(summary = "Plan a deployment of the approved stack: a change set to preview (nothing is created)")
    @POST
    @Path("plans")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response plan(@PathParam("id") String id, PlanRequest request) {
        RunView run = service.plan(AssessmentResource.parseId(id), request);
        return created(id, run);
    }

    /** Plans the tear-down of the deployed stack: 201 with the run listing what would be deleted. */
    @Operation(summary = "Plan the tear-down of the deployed stack (lists what would be deleted; deletes nothing)")
    @POST
    @Path("teardowns")
    public Response teardown(@PathParam("id") String id) {
        RunView run = service.planTeardown(AssessmentResource.parseId(id));
        return created(id, run);
    }

    /** @return run N with its preview, events, outputs or failure */
    @Operation(summary = "A provisioning run: preview, progress (events), outputs or the failing resource")
    @GET
    @Path("runs/{number}")
    public RunView run(@PathParam("id") String id, @PathParam("number") String number) {
        return service.run(AssessmentResource.parseId(id), runNumber(number));
    }

    /** @return the CloudFormation template run N sent, as a YAML download */
    @Operation(summary = "The template a deployment run sent to CloudFormation (YAML), for the client's own pipeline")
    @GET
    @Path("runs/{number}/template.yaml")
    @Produces("application/yaml")
    public Response template(@PathParam("id") String id, @PathParam("number") String number) {
        int n = runNumber(number);
        String body = service.template(AssessmentResource.parseId(id), n);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"bearing-run-" + n + ".yaml\"").build();
    }

    /** Confirms a planned run (executes its change set, or deletes the stack); 409 when already confirmed or another run is active. */
    @Operation(summary = "Confirm a planned run: execute the change set (or delete the stack for a tear-down)")
    @POST
    @Path("runs/{number}/execute")
    public RunView execute(@PathParam("id") String id, @PathParam("number") String number) {
        return service.execute(AssessmentResource.parseId(id), runNumber(number));
    }

    private static Response created(String id, RunView run) {
        return Response.created(URI.create("/api/v1/assessments/" + AssessmentResource.parseId(id) + "/provisioning/runs/"
                + run.number())).entity(run).build();
    }

    /**
     * @return the run number
     * @throws ProblemException 404 when it is not a positive whole number
     */
    public static int runNumber(String number) {
        if (number == null || !number.matches("[1-9][0-9]{0,8}")) {
            throw new ProblemException(404, "Not found", "This assessment has no provisioning run " + number + ".", List.of(),
                    ProblemTypes.NOT_FOUND);
        }
        return Integer.parseInt(number);
    }
}
