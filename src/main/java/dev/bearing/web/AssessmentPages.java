package dev.bearing.web;

import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import dev.bearing.assessment.AssessmentApi.AssessmentView;
import dev.bearing.assessment.AssessmentResource;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.common.ProblemException;
import dev.bearing.evaluation.EvaluationService;
import dev.bearing.evaluation.EvaluationService.StoredEvaluation;
import dev.bearing.questionnaire.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The consultant's minimal pages until the full workspace with login exists: the assessments,
 * creating one, adding respondents by role and copying their links, watching progress,
 * evaluating, and reading the result with the link to its PDF. {@link ConsultantAccess} keeps
 * them to this machine until consultants log in. Everything typed is
 * escaped by Qute; every form carries a CSRF token and ends in a redirect.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.CONSULTANT, Roles.ADMIN })
public class AssessmentPages {

    @Inject
    AssessmentService assessments;

    @Inject
    EvaluationService evaluations;

    @Inject
    dev.bearing.milestone.MilestoneService milestones;

    @Inject
    dev.bearing.benchmark.BenchmarkService benchmarks;

    @Inject
    dev.bearing.report.ReportRenderer renderer;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<AssessmentView> assessments, String error, String organisation);

        static native TemplateInstance assessment(AssessmentView assessment, StoredEvaluation evaluation, String error,
                dev.bearing.report.ProgressView progress);

        static native TemplateInstance error(int status, String title, String message);
    }

    /** @return the assessments, newest first, with the form to create one */
    @GET
    public TemplateInstance index() {
        return Templates.index(assessments.list(), null, "");
    }

    /** Creates an assessment from the form; the list again with a message when the name is invalid. */
    @POST
    @Path("assessments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("organisation") String organisation, @FormParam("first") String first) {
        String name = organisation == null ? "" : organisation.strip();
        if (name.isEmpty() || name.length() > 200) {
            String message = name.isEmpty() ? "Enter the organisation's name." : "The name is " + name.length()
                    + " characters long; use at most 200.";
            return Response.status(422).entity(Templates.index(assessments.list(), message, name)).build();
        }
        AssessmentView a = assessments.create(name, null, null, null, !"true".equals(first));
        return seeOther("/assessments/" + a.id());
    }

    /** @return one assessment with respondents, progress and the latest evaluation */
    @GET
    @Path("assessments/{id}")
    public TemplateInstance assessment(@PathParam("id") String id) {
        return page(AssessmentResource.parseId(id), null);
    }

    /** Adds a respondent from the form and shows the assessment again. */
    @POST
    @Path("assessments/{id}/respondents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRespondent(@PathParam("id") String id, @FormParam("role") String role,
            @FormParam("name") String name) {
        long assessmentId = AssessmentResource.parseId(id);
        Role r;
        try {
            r = Role.valueOf(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            return Response.status(422).entity(page(assessmentId, "Choose the respondent's role.")).build();
        }
        if (name != null && name.strip().length() > 200) {
            return Response.status(422).entity(page(assessmentId, "The name is too long; use at most 200 characters."))
                    .build();
        }
        assessments.addRespondent(assessmentId, r, name);
        return seeOther("/assessments/" + assessmentId + "#respondents");
    }

    /** Evaluates the submitted surveys; the page again with a message when nobody submitted. */
    @POST
    @Path("assessments/{id}/evaluate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response evaluate(@PathParam("id") String id) {
        long assessmentId = AssessmentResource.parseId(id);
        try {
            evaluations.evaluate(assessmentId);
        } catch (ProblemException e) {
            if (e.status() == 409) {
                return Response.status(409).entity(page(assessmentId, e.getMessage())).build();
            }
            throw e;
        }
        return seeOther("/assessments/" + assessmentId + "#evaluation");
    }

    /** Unknown ids and refused requests: an error page naming what was wrong, nothing internal. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(e.status(), e.title(), e.getMessage())).build();
    }

    /**
     * A 303 whose Location is the path alone: the browser resolves it against the address it
     * used, so neither the Host header nor the public URL (which may name a proxy that does not
     * reach these machine-local pages) is involved.
     */
    private static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path).build();
    }

    private TemplateInstance page(long assessmentId, String error) {
        AssessmentView a = assessments.get(assessmentId);
        StoredEvaluation e = a.latestEvaluationAt() == null ? null : evaluations.latest(assessmentId);
        return Templates.assessment(a, e, error, renderer.progress(milestones.compare(assessmentId),
                benchmarks.place(assessmentId)));
    }
}
