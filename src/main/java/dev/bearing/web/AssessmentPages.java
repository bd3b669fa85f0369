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
    SharingService sharing;

    @jakarta.transaction.Transactional
    List<AuditEvent> history(long assessmentId) {
        return AuditEvent.find("assessmentId = ?1 order by occurredAt desc, id desc", assessmentId).page(0, 50).list();
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<AssessmentView> assessments, String error, String organisation);

        static native TemplateInstance assessment(AssessmentView assessment, StoredEvaluation evaluation, String error,
                NewLink newLink, SharingService.Sharing sharing, List<AuditEvent> history);

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
    public Response create(@FormParam("organisation") String organisation) {
        String name = organisation == null ? "" : organisation.strip();
        if (name.isEmpty() || name.length() > 200) {
            String message = name.isEmpty() ? "Enter the organisation's name." : "The name is " + name.length()
                    + " characters long; use at most 200.";
            return Response.status(422).entity(Templates.index(assessments.list(), message, name)).build();
        }
        AssessmentView a = assessments.create(name, null, null);
        return seeOther("/assessments/" + a.id());
    }

    /**
     * @return one assessment with respondents, progress and the latest evaluation; right after a
     *     respondent was added, their personal link, shown this once (it came in a short-lived
     *     cookie scoped to this page, which the answer clears)
     */
    @GET
    @Path("assessments/{id}")
    public Response assessment(@PathParam("id") String id, @CookieParam(NewLink.COOKIE) String newLink) {
        long assessmentId = AssessmentResource.parseId(id);
        NewLink link = NewLink.parse(newLink);
        Response.ResponseBuilder page = Response.ok(page(assessmentId, null, link));
        return newLink == null ? page.build() : page.cookie(NewLink.clear(assessmentId)).build();
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
        RespondentView added = assessments.addRespondent(assessmentId, r, name);
        return Response.status(Response.Status.SEE_OTHER).header("Location", "/assessments/" + assessmentId + "#respondents")
                .cookie(NewLink.cookie(assessmentId, added)).build();
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
        return seeOther("/assessments/" + assessmentId + "#sharing");
    }

    /** Stops sharing the assessment with a consultant. */
    @POST
    @Path("assessments/{id}/shares/{username}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unshare(@PathParam("id") String id, @PathParam("username") String username) {
        long assessmentId = AssessmentResource.parseId(id);
        sharing.unshare(assessmentId, username);
        return seeOther("/assessments/" + assessmentId + "#sharing");
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
        return page(assessmentId, error, null);
    }

    private TemplateInstance page(long assessmentId, String error, NewLink link) {
        AssessmentView a = assessments.get(assessmentId);
        StoredEvaluation e = a.latestEvaluationAt() == null ? null : evaluations.latest(assessmentId);
        return Templates.assessment(a, e, error, link, sharing.sharing(assessmentId), history(assessmentId));
    }
}
