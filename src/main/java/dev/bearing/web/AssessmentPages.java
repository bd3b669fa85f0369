package dev.bearing.web;

import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import dev.bearing.assessment.AccessControl;
import dev.bearing.assessment.AssessmentApi.AssessmentView;
import dev.bearing.assessment.AssessmentResource;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.assessment.DashboardApi.DashboardPage;
import dev.bearing.assessment.DashboardQuery;
import dev.bearing.assessment.DashboardService;
import dev.bearing.assessment.DashboardService.DeletionScope;
import dev.bearing.assessment.DashboardSort;
import dev.bearing.assessment.DashboardStatus;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
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
    DashboardService dashboardService;

    @Inject
    AccessControl access;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(DashboardPage page, DashboardQuery query, List<PageLink> pages,
                List<DashboardStatus> statuses, List<DashboardSort> sorts, String filterError, String notice,
                String error, String organisation);

        static native TemplateInstance assessment(AssessmentView assessment, StoredEvaluation evaluation, String error,
                java.time.Instant archivedAt);

        static native TemplateInstance delete(DeletionScope scope, String error);

        static native TemplateInstance error(int status, String title, String message);
    }

    /**
     * The dashboard: the assessments, filtered, sorted and paged by the URL's {@code status},
     * {@code organisation}, {@code sort}, {@code page} and {@code size} (as the API), with the
     * form to create one. A bad value gets 400 and the first page with a message naming the
     * field; other parameters are ignored.
     */
    @GET
    public Response index(@Context UriInfo uri, @QueryParam("notice") String notice) {
        DashboardQuery q;
        String filterError = null;
        try {
            q = DashboardQuery.parse(uri.getQueryParameters(), false);
        } catch (ProblemException e) {
            q = DashboardQuery.defaults();
            filterError = e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).field() + " " + e.errors().get(0).message() + ".";
        }
        String noticeText = "deleted".equals(notice)
                ? "The assessment was deleted for good, with its respondents, answers, evaluations and versions." : null;
        return Response.status(filterError == null ? 200 : 400).entity(dashboard(q, filterError, noticeText, null, "")).build();
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
            return Response.status(422).entity(dashboard(DashboardQuery.defaults(), null, null, message, name)).build();
        }
        AssessmentView a = assessments.create(name, null, null);
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

    /** Archives the assessment (it leaves the dashboard's default view) and shows it again. */
    @POST
    @Path("assessments/{id}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@PathParam("id") String id) {
        long assessmentId = AssessmentResource.parseId(id);
        dashboardService.archive(assessmentId);
        return seeOther("/assessments/" + assessmentId);
    }

    /** Returns an archived assessment to the dashboard and shows it again. */
    @POST
    @Path("assessments/{id}/unarchive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unarchive(@PathParam("id") String id) {
        long assessmentId = AssessmentResource.parseId(id);
        dashboardService.unarchive(assessmentId);
        return seeOther("/assessments/" + assessmentId);
    }

    /** @return the confirmation step before deleting: names the organisation and what goes */
    @GET
    @Path("assessments/{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") String id) {
        return Templates.delete(dashboardService.scope(AssessmentResource.parseId(id)), null);
    }

    /**
     * Deletes the assessment when {@code confirm} repeats the organisation's name (any case,
     * spaces as typed apart from the ends); otherwise the confirmation again with a message, and
     * nothing deleted. Ends on the dashboard.
     */
    @POST
    @Path("assessments/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, @FormParam("confirm") String confirm) {
        long assessmentId = AssessmentResource.parseId(id);
        DeletionScope scope = dashboardService.scope(assessmentId);
        String typed = confirm == null ? "" : confirm.strip();
        if (!typed.equalsIgnoreCase(scope.organisation().strip())) {
            String message = typed.isEmpty() ? "Type the organisation's name to confirm: nothing was deleted."
                    : "That is not the organisation's name: nothing was deleted. Type it exactly as shown.";
            return Response.status(422).entity(Templates.delete(scope, message)).build();
        }
        dashboardService.delete(assessmentId);
        return seeOther("/?notice=deleted");
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
        return Templates.assessment(a, e, error, dashboardService.archivedAt(assessmentId));
    }

    private TemplateInstance dashboard(DashboardQuery q, String filterError, String notice, String error,
            String organisation) {
        DashboardPage page = dashboardService.page(q, access.accountId() == null ? 0 : access.accountId(), access.isAdmin());
        return Templates.index(page, q, PageLink.around(q, page.totalPages()), List.of(DashboardStatus.values()),
                List.of(DashboardSort.values()), filterError, notice, error, organisation);
    }

    /**
     * A link in the dashboard's page navigation.
     *
     * @param number page number, or 0 for a gap ("…")
     * @param href the link, e.g. {@code /?status=approved&page=3}
     * @param current whether it is the page shown
     */
    public record PageLink(int number, String href, boolean current) {

        /** @return the first, last, and up to two pages either side of the current one, gaps as number 0 */
        static List<PageLink> around(DashboardQuery q, int totalPages) {
            if (totalPages < 1) {
                return List.of();
            }
            java.util.TreeSet<Integer> numbers = new java.util.TreeSet<>();
            for (int n = q.page() - 2; n <= q.page() + 2; n++) {
                numbers.add(n);
            }
            numbers.add(1);
            numbers.add(totalPages);
            List<PageLink> links = new java.util.ArrayList<>();
            int last = 0;
            for (int n : numbers.subSet(1, true, totalPages, true)) {
                if (n > last + 1) {
                    links.add(new PageLink(0, "", false));
                }
                links.add(new PageLink(n, "/" + q.link(n), n == q.page()));
                last = n;
            }
            return links;
        }

        /** @return whether this is a gap between page numbers */
        public boolean gap() {
            return number == 0;
        }
    }
}
