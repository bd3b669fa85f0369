package dev.bearing.benchmark;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where the organisation sits among the consultancy's approved assessments: {@code GET /api/v1/assessments/{id}/benchmark}. */
@Path("/api/v1/assessments/{id}/benchmark")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class BenchmarkResource {

    @Inject
    BenchmarkService benchmarks;

    /** @return percentiles per capability and the stage distribution, per comparison group; 404 when unknown */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Percentiles and stage distribution among the consultancy's approved assessments (no client named)")
    @GET
    public Benchmark get(@PathParam("id") String id) {
        return benchmarks.place(AssessmentResource.parseId(id));
    }
}
