package dev.bearing.web;

import dev.bearing.assessment.AssessmentApi.AssessmentView;
import dev.bearing.assessment.AssessmentResource;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.common.ProblemException;
import dev.bearing.evaluation.EvaluationService;
import dev.bearing.evaluation.EvaluationService.StoredEvaluation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Read-only HTML pages: the list of assessments and one assessment with its latest evaluation
 * (stage, delivery band, stack, findings, roadmap) and the link to its PDF. Everything typed by
 * people is escaped by Qute.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AssessmentPages {

    @Inject
    AssessmentService assessments;

    @Inject
    EvaluationService evaluations;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<AssessmentView> assessments);

        static native TemplateInstance assessment(AssessmentView assessment, StoredEvaluation evaluation);

        static native TemplateInstance error(int status, String title, String message);
    }

    /** @return the assessments, newest first */
    @GET
    public TemplateInstance index() {
        return Templates.index(assessments.list());
    }

    /** @return one assessment with its latest evaluation; an error page (404) when unknown */
    @GET
    @Path("assessments/{id}")
    public Response assessment(@PathParam("id") String id) {
        try {
            long assessmentId = AssessmentResource.parseId(id);
            AssessmentView a = assessments.get(assessmentId);
            StoredEvaluation e = a.latestEvaluationAt() == null ? null : evaluations.latest(assessmentId);
            return Response.ok(Templates.assessment(a, e)).build();
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(Templates.error(e.status(), e.title(), e.getMessage())).build();
        }
    }
}
