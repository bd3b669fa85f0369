package dev.bearing.web;

import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import dev.bearing.assessment.AccessControl;
import dev.bearing.assessment.AssessmentApi.AssessmentView;
import dev.bearing.assessment.AssessmentApi.RespondentView;
import dev.bearing.assessment.AssessmentResource;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.assessment.DashboardApi.DashboardPage;
import dev.bearing.assessment.DashboardQuery;
import dev.bearing.assessment.DashboardService;
import dev.bearing.assessment.OnceForms;
import dev.bearing.assessment.DashboardService.DeletionScope;
import dev.bearing.assessment.DashboardSort;
import dev.bearing.assessment.DashboardStatus;
import dev.bearing.assessment.SharingService;
import dev.bearing.security.AuditEvent;
import dev.bearing.common.ProblemException;
import dev.bearing.evaluation.EvaluationService;
import dev.bearing.review.ReviewApi;
import dev.bearing.review.ReviewService;
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
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
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
    DashboardService dashboardService;

    @Inject
    AccessControl access;

    @Inject
    dev.bearing.milestone.MilestoneService milestones;

    @Inject
    dev.bearing.benchmark.BenchmarkService benchmarks;

    @Inject
    dev.bearing.report.ReportRenderer renderer;

    @Inject
    SharingService sharing;

    @Inject
    ReviewService reviews;

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
        static native TemplateInstance index(DashboardPage page, DashboardQuery query, List<PageLink> pages,
                List<DashboardStatus> statuses, List<DashboardSort> sorts, String filterError, String notice,
                String error, String organisation);

        static native TemplateInstance assessment(AssessmentView assessment, ReviewApi.ReviewState review, String error,
                String notice, Links links, SharingService.Sharing sharing, List<AuditEvent> history,
                dev.bearing.report.ProgressView progress, java.time.Instant archivedAt, FormErrors respondentErrors,
                RespondentForm respondentForm, dev.bearing.report.ReportView.Leadership leadership);

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
    public Response create(@FormParam("organisation") String organisation, @FormParam("first") String first,
            @FormParam("once") String once) {
        String name = organisation == null ? "" : organisation.strip();
        if (dev.bearing.common.StorableText.hasNul(name)) {
            // refused as the API refuses it (StorableText), where storing would silently drop it
            return Response.status(422).entity(dashboard(DashboardQuery.defaults(), null, null, "Organisation: "
                    + dev.bearing.common.StorableText.nulError("organisation").message() + ".", name)).build();
        }
        if (name.isEmpty() || name.length() > 200) {
            String message = name.isEmpty() ? "Enter the organisation's name." : "The name is " + name.length()
                    + " characters long; use at most 200.";
            return Response.status(422).entity(dashboard(DashboardQuery.defaults(), null, null, message, name)).build();
        }
        AssessmentView a;
        try {
            a = assessments.createOnce(once, name, !"true".equals(first));
        } catch (OnceForms.Resent e) {
            // the same form sent again (a double click, a resend): the assessment its first send created
            return Redirects.seeOtherWith("/assessments/" + e.recordId()).build();
        }
        return Redirects.seeOtherWith("/assessments/" + a.id()).build();
    }

    /**
     * Links just made for this assessment's respondents (added, re-issued, reminded), shown once.
     *
     * @param shown the links, by respondent id
     * @param mailedNotShown links mailed but too many to carry to this page
     * @param notShown links not mailed and too many to carry: lost, so the page says to make new ones
     */
    public record Links(List<NewLinks.Shown> shown, long mailedNotShown, long notShown) {

        static final Links NONE = new Links(List.of(), 0, 0);

        /** @return the link just made for the respondent, or null */
        public NewLinks.Shown of(long respondentId) {
            return shown.stream().filter(l -> l.respondentId() == respondentId).findFirst().orElse(null);
        }

        /** @return how many of the links were mailed, shown here or not */
        public long mailed() {
            return shown.stream().filter(NewLinks.Shown::wasMailed).count() + mailedNotShown;
        }

        /** @return how many mails failed among the links shown */
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
    public Response assessment(@PathParam("id") String id, @Context HttpHeaders headers,
            @QueryParam("reminded") String reminded, @QueryParam("resent") String resent) {
        long assessmentId = AssessmentResource.parseId(id);
        java.util.Map<String, Cookie> cookies = headers.getCookies();
        NewLinks.Carried carried = NewLinks.read(cookies, config.publicUrl());
        Links links = new Links(carried.shown(), carried.mailedNotShown(), carried.unmailedNotShown());
        String notice = switch (reminded == null ? "" : reminded) {
            case NO_ADDRESS -> "No reminder was sent: no respondent who has not finished has an e-mail address. "
                    + "Make each of them a new link below and pass it on yourself.";
            case ALL_FINISHED -> "No reminder was sent: nobody has a survey left to finish.";
            default -> RESENT.equals(resent) ? "The form was sent more than once (a double click or a resend): the "
                    + "respondent was added once, by the first send. Its new link was shown to that send only; if you "
                    + "did not copy it, use New link on that respondent." : null;
        };
        Response.ResponseBuilder b = Response.ok(page(assessmentId, null, links, notice));
        if (NewLinks.any(cookies)) {
            b.cookie(NewLinks.clear(assessmentId, cookies, config.publicHttps()));
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
        return Redirects.seeOtherWith("/assessments/" + assessmentId + "#evaluation").build();
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
                return Response.status(400).entity(page(assessmentId, e.fieldMessage())).build();
            }
            throw e;
        }
        return Redirects.seeOtherWith("/assessments/" + assessmentId + "#sharing").build();
    }

    /** Stops sharing the assessment with a consultant. */
    @POST
    @Path("assessments/{id}/shares/{username}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unshare(@PathParam("id") String id, @PathParam("username") String username) {
        long assessmentId = AssessmentResource.parseId(id);
        sharing.unshare(assessmentId, username);
        return Redirects.seeOtherWith("/assessments/" + assessmentId + "#sharing").build();
    }

    /** Archives the assessment (it leaves the dashboard's default view) and shows it again. */
    @POST
    @Path("assessments/{id}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archive(@PathParam("id") String id) {
        long assessmentId = AssessmentResource.parseId(id);
        dashboardService.archive(assessmentId);
        return Redirects.seeOtherWith("/assessments/" + assessmentId).build();
    }

    /** Returns an archived assessment to the dashboard and shows it again. */
    @POST
    @Path("assessments/{id}/unarchive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unarchive(@PathParam("id") String id) {
        long assessmentId = AssessmentResource.parseId(id);
        dashboardService.unarchive(assessmentId);
        return Redirects.seeOtherWith("/assessments/" + assessmentId).build();
    }

    /** @return the confirmation step before deleting: names the organisation and what goes */
    @GET
    @Path("assessments/{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") String id) {
        return Templates.delete(dashboardService.scope(AssessmentResource.parseId(id)), null);
    }

    /**
     * Deletes the assessment when {@code confirm} repeats the organisation's name (any case,
     * runs of spaces counted as one, as the page shows the name); otherwise the confirmation again with a message, and
     * nothing deleted. Ends on the dashboard.
     */
    @POST
    @Path("assessments/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, @FormParam("confirm") String confirm) {
        long assessmentId = AssessmentResource.parseId(id);
        DeletionScope scope = dashboardService.scope(assessmentId);
        // the page shows the name as HTML does, with runs of spaces as one: so they count as one
        String typed = confirm == null ? "" : confirm.strip().replaceAll("\\s+", " ");
        if (!typed.equalsIgnoreCase(scope.organisation().strip().replaceAll("\\s+", " "))) {
            String message = typed.isEmpty() ? "Type the organisation's name to confirm: nothing was deleted."
                    : "That is not the organisation's name: nothing was deleted. Type the name as shown (letter case does not matter).";
            return Response.status(422).entity(Templates.delete(scope, message)).build();
        }
        dashboardService.delete(assessmentId);
        return Redirects.seeOtherWith("/?notice=deleted").build();
    }

    /** Unknown ids and refused requests: an error page naming what was wrong, nothing internal. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(e.status(), e.title(), e.getMessage())).build();
    }

    /** {@code ?resent=} after the add-a-respondent form was sent again: nobody was added twice. */
    static final String RESENT = "respondent";

    /** {@code ?reminded=} after reminders: none went out, as nobody unfinished has an address. */
    static final String NO_ADDRESS = "no-address";
    /** {@code ?reminded=} after reminders: none went out, as nobody has a survey left to finish. */
    static final String ALL_FINISHED = "all-finished";

    /**
     * The add-a-respondent form as typed (kept when refused).
     *
     * @param role BUSINESS, DEVELOPMENT, OPERATIONS or anything sent
     * @param name name or job title
     * @param email e-mail address
     */
    public record RespondentForm(String role, String name, String email) {

        static final RespondentForm EMPTY = new RespondentForm("", "", "");
    }

    TemplateInstance page(long assessmentId, String error) {
        return page(assessmentId, error, Links.NONE, null);
    }

    /** @return the page with the add-a-respondent form refused: every field's message beside it, what was typed kept */
    TemplateInstance page(long assessmentId, FormErrors respondentErrors, RespondentForm typed) {
        return page(assessmentId, null, Links.NONE, null, respondentErrors, typed);
    }

    private TemplateInstance page(long assessmentId, String error, Links links, String notice) {
        return page(assessmentId, error, links, notice, FormErrors.NONE, RespondentForm.EMPTY);
    }

    private TemplateInstance page(long assessmentId, String error, Links links, String notice, FormErrors respondentErrors,
            RespondentForm respondentForm) {
        AssessmentView a = assessments.get(assessmentId);
        // the latest evaluation as reviewed (the consultant's overrides and edits applied), as the
        // review page, the draft PDF and an approved version show it
        ReviewApi.ReviewState review = a.latestEvaluationAt() == null ? null : reviews.reviewed(assessmentId);
        return Templates.assessment(a, review, error, notice, links, sharing.sharing(assessmentId), history(assessmentId),
                renderer.progress(milestones.compare(assessmentId), benchmarks.place(assessmentId)),
                dashboardService.archivedAt(assessmentId), respondentErrors, respondentForm,
                review == null ? null : dev.bearing.report.ReportView.leadership(review.result()));
    }

    private TemplateInstance dashboard(DashboardQuery q, String filterError, String notice, String error,
            String organisation) {
        DashboardPage page = dashboardService.page(q, access.accountId() == null ? 0 : access.accountId(), access.isAdmin());
        return Templates.index(page, q, PageLink.around(q, page.totalPages(), page.totalExact()), List.of(DashboardStatus.values()),
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

        /**
         * @param totalPages pages known to exist
         * @param exact whether that is all of them (otherwise the last page is not linked: it is not known)
         * @return the first, the last (when known), and up to two pages either side of the current
         *     one, gaps as number 0
         */
        static List<PageLink> around(DashboardQuery q, int totalPages, boolean exact) {
            if (totalPages < 1) {
                return List.of();
            }
            java.util.TreeSet<Integer> numbers = new java.util.TreeSet<>();
            for (int n = q.page() - 2; n <= q.page() + 2; n++) {
                numbers.add(n);
            }
            numbers.add(1);
            if (exact) {
                numbers.add(totalPages);
            }
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
