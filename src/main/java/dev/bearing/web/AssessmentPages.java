package dev.bearing.web;

import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import dev.bearing.assessment.AssessmentApi.AssessmentView;
import dev.bearing.assessment.AssessmentApi.RespondentView;
import dev.bearing.assessment.AssessmentResource;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.assessment.SharingService;
import dev.bearing.security.AuditEvent;
import dev.bearing.common.ProblemException;
import dev.bearing.evaluation.EvaluationService;
import dev.bearing.evaluation.EvaluationService.StoredEvaluation;
import dev.bearing.questionnaire.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
 * The consultant's pages: the assessments, creating one, adding respondents by role and copying
 * their links (shown once), watching progress, evaluating, and reading the result with the link
 * to its PDF. Consultants see what they own or are shared on, admins everything
 * ({@link AccessFilters}). Everything typed is escaped by Qute; every form carries a CSRF token
 * and ends in a redirect.
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

    @Inject
    SharingService sharing;

    @jakarta.transaction.Transactional
    List<AuditEvent> history(long assessmentId) {
        return AuditEvent.find("assessmentId = ?1 order by occurredAt desc, id desc", assessmentId).page(0, 50).list();
    }

    @Inject
    dev.bearing.respondent.InvitationService invitations;

    @Inject
    dev.bearing.common.BearingConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<AssessmentView> assessments, String error, String organisation);

        static native TemplateInstance assessment(AssessmentView assessment, StoredEvaluation evaluation, String error,
                Links links, SharingService.Sharing sharing, List<AuditEvent> history,
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
        return seeOther("/assessments/" + a.id()).build();
    }

    /**
     * Links just made for this assessment's respondents (added, re-issued, reminded), shown once.
     *
     * @param shown the links, in the order made
     */
    public record Links(List<NewLinks.Shown> shown) {

        /** @return the link just made for the respondent, or null */
        public NewLinks.Shown of(long respondentId) {
            return shown.stream().filter(l -> l.respondentId() == respondentId).findFirst().orElse(null);
        }

        /** @return how many of the links were mailed */
        public long mailed() {
            return shown.stream().filter(NewLinks.Shown::wasMailed).count();
        }

        /** @return how many mails failed */
        public long failed() {
            return shown.stream().filter(NewLinks.Shown::mailFailed).count();
        }
    }

    /**
     * @return one assessment with respondents, progress and the latest evaluation; links made by
     *     the form just posted are shown this once (their cookie is cleared)
     */
    @GET
    @Path("assessments/{id}")
    public Response assessment(@PathParam("id") String id, @CookieParam(NewLinks.COOKIE) String newLinks) {
        long assessmentId = AssessmentResource.parseId(id);
        Links links = new Links(NewLinks.read(newLinks, config.publicUrl()));
        Response.ResponseBuilder b = Response.ok(page(assessmentId, null, links));
        if (newLinks != null) {
            b.cookie(NewLinks.clear(assessmentId, https()));
        }
        return b.build();
    }

    /** Evaluates the submitted surveys; the page again with a message when nobody submitted. */
    @POST
    @Path("assessments/{id}/evaluate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response evaluate(@PathParam("id") String id, @FormParam("respondent") List<String> chosen) {
        long assessmentId = AssessmentResource.parseId(id);
        List<Long> ids = new java.util.ArrayList<>();
        for (String c : chosen == null ? List.<String>of() : chosen) {
            try {
                ids.add(Long.parseLong(c.strip()));
            } catch (NumberFormatException e) {
                return Response.status(422).entity(page(assessmentId, "Choose respondents from the list.")).build();
            }
        }
        if (ids.isEmpty() && assessments.get(assessmentId).submittedCount() > 0) {
            return Response.status(422).entity(page(assessmentId,
                    "Tick at least one submitted respondent to include in the evaluation.")).build();
        }
        try {
            evaluations.evaluate(assessmentId, ids.isEmpty() ? null : ids);
        } catch (ProblemException e) {
            if (e.status() == 409 || e.status() == 400) {
                String m = e.errors().isEmpty() ? e.getMessage() : "Not evaluated: " + e.errors().get(0).message() + ".";
                return Response.status(e.status() == 400 ? 422 : 409).entity(page(assessmentId, m)).build();
            }
            throw e;
        }
        return seeOther("/assessments/" + assessmentId + "#evaluation").build();
    }

    /** Shares the assessment with a consultant named in the form (owner or admin). */
    @POST
    @Path("assessments/{id}/shares")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response share(@PathParam("id") String id, @FormParam("username") String username) {
        long assessmentId = AssessmentResource.parseId(id);
        try {
            sharing.share(assessmentId, username == null ? "" : username.strip());
        } catch (ProblemException e) {
            if (e.status() == 400) {
                return Response.status(400).entity(page(assessmentId, e.errors().get(0).message())).build();
            }
            throw e;
        }
        return seeOther("/assessments/" + assessmentId + "#sharing").build();
    }

    /** Stops sharing the assessment with a consultant. */
    @POST
    @Path("assessments/{id}/shares/{username}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unshare(@PathParam("id") String id, @PathParam("username") String username) {
        long assessmentId = AssessmentResource.parseId(id);
        sharing.unshare(assessmentId, username);
        return seeOther("/assessments/" + assessmentId + "#sharing").build();
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
    static Response.ResponseBuilder seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path);
    }

    /** @return whether links and cookies are served over HTTPS (the public URL says so) */
    private boolean https() {
        return config.publicUrl().startsWith("https://");
    }

    TemplateInstance page(long assessmentId, String error) {
        return page(assessmentId, error, new Links(List.of()));
    }

    private TemplateInstance page(long assessmentId, String error, Links links) {
        AssessmentView a = assessments.get(assessmentId);
        StoredEvaluation e = a.latestEvaluationAt() == null ? null : evaluations.latest(assessmentId);
        return Templates.assessment(a, e, error, links, sharing.sharing(assessmentId), history(assessmentId),
                renderer.progress(milestones.compare(assessmentId), benchmarks.place(assessmentId)));
    }
}
