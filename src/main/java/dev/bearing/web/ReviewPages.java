package dev.bearing.web;

import static dev.bearing.web.Redirects.seeOther;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.common.ProblemException;
import dev.bearing.report.ReportData;
import dev.bearing.report.ReportRenderer;
import dev.bearing.review.ReviewApi.EditRequest;
import dev.bearing.review.ReviewApi.EvaluationView;
import dev.bearing.review.ReviewApi.OverrideRequest;
import dev.bearing.review.ReviewApi.ReviewState;
import dev.bearing.review.ReviewApi.UndoRequest;
import dev.bearing.review.ReviewApi.VersionView;
import dev.bearing.review.ReviewService;
import dev.bearing.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The consultant's review pages: the latest evaluation with the PDF's analysis on one page and
 * forms to override a layer from its menu, edit findings and roadmap, undo, and approve; the
 * history of evaluations and versions; any version or evaluation read-only. Every form carries
 * the CSRF token and ends in a 303 to a page; a refused form shows the page again with the
 * message naming the field, and changes nothing.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class ReviewPages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    ReviewService review;

    @Inject
    ReportRenderer renderer;

    @Inject
    dev.bearing.assessment.AssessmentService assessments;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(ReviewPageModel page);

        static native TemplateInstance history(long assessmentId, String organisation, List<EvaluationView> evaluations,
                List<VersionView> versions);
    }

    /** @return the review of the latest evaluation, with its forms */
    @GET
    @Path("assessments/{id}/review")
    public TemplateInstance page(@PathParam("id") String id) {
        return reviewPage(AssessmentResource.parseId(id), null);
    }

    /**
     * Overrides a stack entry from the form: {@code choice} is a tool key or {@code keep-current};
     * {@code shown} is the entry as the form's page showed it. A refusal names the entry, and a form
     * from a page opened before another change to the same entry gets 409 with the entry as it
     * stands now (a second tab's override replaced the first one's unseen). The service checks
     * {@code shown} in the transaction that records the override, as it does for the API.
     */
    @POST
    @Path("assessments/{id}/review/overrides")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("id") String id, @FormParam("layer") String layer,
            @FormParam("choice") String choice, @FormParam("note") String note, @FormParam("shown") String shown) {
        long assessmentId = AssessmentResource.parseId(id);
        boolean none = choice == null || choice.isBlank();
        boolean keep = "keep-current".equals(choice);
        try {
            // no choice is sent on too: the service refuses it, but a stale entry is said first
            review.override(assessmentId, new OverrideRequest(layer, keep || none ? null : choice,
                    keep ? Boolean.TRUE : null, note, shown));
        } catch (ReviewService.StaleEntry e) {
            return refused(assessmentId, ProblemException.conflict(e.entryName() + ": not overridden, as it changed "
                    + "after this page was opened (perhaps in another tab or by a colleague): the pick is now "
                    + e.pickName() + ". It is shown below as it stands now; choose again if you still want a change.",
                    List.of()));
        } catch (ProblemException e) {
            if (e.status() != 400) {
                return refused(assessmentId, e);
            }
            String which = which(assessmentId, layer);
            if (none) {
                return refused(assessmentId, ProblemException.badField("choice",
                        "choose a tool from the menu or keep the current tools" + which));
            }
            if (e.errors().size() == 1) {
                // the API's "tool" is this form's "choice"; the message says which of the entries it is about
                String field = "tool".equals(e.errors().get(0).field()) ? "choice" : e.errors().get(0).field();
                return refused(assessmentId, ProblemException.badField(field, e.errors().get(0).message() + which));
            }
            return refused(assessmentId, e);
        }
        return seeOther("/assessments/" + assessmentId + "/review#layer-" + anchor(layer));
    }

    /** @return " (Entry name, not overridden)" for a refused override of a known entry, else "" */
    private String which(long assessmentId, String layer) {
        return layer == null ? "" : review.reviewed(assessmentId).result().stack().stream()
                .filter(l -> l.key().equals(layer)).findFirst().map(l -> " (" + l.entryName() + ", not overridden)")
                .orElse("");
    }

    /** Edits a finding or the roadmap from a form. */
    @POST
    @Path("assessments/{id}/review/edits")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") String id, @FormParam("kind") String kind, @FormParam("target") String target,
            @FormParam("risk") String risk, @FormParam("into") String into, @FormParam("phase") String phase,
            @FormParam("title") String title, @FormParam("rationale") String rationale, @FormParam("owner") String owner,
            @FormParam("effort") String effort, @FormParam("note") String note) {
        long assessmentId = AssessmentResource.parseId(id);
        Integer p = null;
        if (phase != null && !phase.isBlank()) {
            try {
                p = Integer.valueOf(phase.strip());
            } catch (NumberFormatException e) {
                return refused(assessmentId, ProblemException.badField("phase", "choose a phase"));
            }
        }
        try {
            review.edit(assessmentId, new EditRequest(kind, target, risk, into, p, title, rationale, owner, effort, note));
        } catch (ProblemException e) {
            return refused(assessmentId, e);
        }
        return seeOther("/assessments/" + assessmentId + "/review#" + (kind != null && kind.startsWith("roadmap")
                ? "roadmap" : "findings"));
    }

    /** Undoes an edit. */
    @POST
    @Path("assessments/{id}/review/edits/{editId}/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response undo(@PathParam("id") String id, @PathParam("editId") String editId, @FormParam("note") String note) {
        long assessmentId = AssessmentResource.parseId(id);
        long edit = pathNumber(assessmentId, editId, "edit");
        try {
            review.undo(assessmentId, edit, new UndoRequest(note));
        } catch (ProblemException e) {
            return refused(assessmentId, e);
        }
        return seeOther("/assessments/" + assessmentId + "/review#edits");
    }

    /** Approves the latest evaluation with its edits as the next version. */
    @POST
    @Path("assessments/{id}/review/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") String id, @FormParam("shown") String shown) {
        long assessmentId = AssessmentResource.parseId(id);
        VersionView v;
        try {
            // what the page showed: a page opened before a new evaluation or edit does not approve what it never showed
            v = review.approve(assessmentId, shown == null ? "" : shown);
        } catch (ProblemException e) {
            return refused(assessmentId, e);
        }
        return seeOther("/assessments/" + assessmentId + "/history#version-" + v.number());
    }

    /** @return every evaluation and version of the assessment */
    @GET
    @Path("assessments/{id}/history")
    public TemplateInstance history(@PathParam("id") String id) {
        long assessmentId = AssessmentResource.parseId(id);
        List<EvaluationView> evaluations = review.evaluations(assessmentId);
        List<VersionView> versions = review.versions(assessmentId);
        return Templates.history(assessmentId, assessments.get(assessmentId).organisation(), evaluations, versions);
    }

    /** @return approved version N, read-only */
    @GET
    @Path("assessments/{id}/versions/{number}")
    public TemplateInstance version(@PathParam("id") String id, @PathParam("number") String number) {
        long assessmentId = AssessmentResource.parseId(id);
        long n = pathNumber(assessmentId, number, "version");
        if (n > Integer.MAX_VALUE) {
            throw noSuch(assessmentId, number, "version");
        }
        int version = (int) n;
        ReportData data = review.versionReport(assessmentId, version);
        String line = "Approved by " + data.approval().approvedBy() + " on " + DATE.format(data.approval().approvedAt())
                + ", frozen with the edits then applied. Content hash " + data.approval().contentHash().substring(0, 12) + "…";
        return Templates.review(ReviewPageModel.of(assessmentId, "Version " + version, line,
                "/api/v1/assessments/" + assessmentId + "/report.pdf?version=" + version, renderer.view(data),
                data.result(), null, null));
    }

    /** @return one evaluation as the rules produced it, read-only */
    @GET
    @Path("assessments/{id}/evaluations/{evaluationId}")
    public TemplateInstance evaluation(@PathParam("id") String id, @PathParam("evaluationId") String evaluationId) {
        long assessmentId = AssessmentResource.parseId(id);
        long e = pathNumber(assessmentId, evaluationId, "evaluation");
        ReportData data = review.evaluationReport(assessmentId, e);
        String line = "Evaluated " + DATE.format(data.evaluatedAt()) + "; as the rules produced it, without the review's edits.";
        return Templates.review(ReviewPageModel.of(assessmentId, "Evaluation " + e, line,
                "/api/v1/assessments/" + assessmentId + "/evaluations/" + e, renderer.view(data), data.result(), null,
                null));
    }

    /** Unknown ids and refused requests: the error page naming what was wrong. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(AssessmentPages.Templates.error(e.status(), e.title(), e.getMessage())).build();
    }

    private TemplateInstance reviewPage(long assessmentId, String error) {
        ReviewState state = review.state(assessmentId);
        ReportData data = review.draftReport(assessmentId);
        String line = "Evaluation " + state.evaluationId() + ", run on " + DATE.format(state.evaluatedAt()) + ". "
                + (state.latestVersion() == null ? "Not approved yet: every PDF is marked DRAFT."
                        : state.approvedAsIs() ? "Approved as version " + state.latestVersion() + " exactly as shown."
                        : "Changed since version " + state.latestVersion() + ": approve to publish version "
                                + (state.latestVersion() + 1) + ".");
        // approved as shown: the PDF to hand out is that version's, not a DRAFT of the same content
        String pdf = "/api/v1/assessments/" + assessmentId + "/report.pdf"
                + (state.approvedAsIs() ? "?version=" + state.latestVersion() : "");
        return Templates.review(ReviewPageModel.of(assessmentId, "Review", line, pdf, renderer.view(data),
                state.result(), state, error));
    }

    private Response refused(long assessmentId, ProblemException e) {
        if (e.status() == 404) {
            throw e;
        }
        int status = e.status() == 409 ? 409 : 422;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(reviewPage(assessmentId, e.getMessage()))
                .build();
    }

    /**
     * @return a version, evaluation or edit number from the path
     * @throws ProblemException 404 naming the assessment when it is unknown, else naming the value asked for
     */
    private long pathNumber(long assessmentId, String value, String noun) {
        if (value != null && value.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(value);
        }
        throw noSuch(assessmentId, value, noun);
    }

    private ProblemException noSuch(long assessmentId, String value, String noun) {
        assessments.get(assessmentId);
        return new ProblemException(404, "Not found", "Assessment " + assessmentId + " has no " + noun + " "
                + (value != null && value.matches("[0-9]+") && !value.matches("0+") ? value + "."
                        : "\"" + value + "\": " + noun + " numbers are whole numbers from 1."), List.of());
    }


    private static String anchor(String key) {
        return key == null ? "" : key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
