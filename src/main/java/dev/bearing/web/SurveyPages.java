package dev.bearing.web;

import jakarta.annotation.security.PermitAll;

import dev.bearing.assessment.AnswerService;
import dev.bearing.assessment.SurveyService;
import dev.bearing.assessment.SurveyService.ReviewLine;
import dev.bearing.assessment.SurveyService.SectionPage;
import dev.bearing.assessment.SurveyService.Survey;
import dev.bearing.common.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The respondent's survey, reached only through the personal link {@code /survey/{token}}:
 * welcome, one page per section, review, thank-you. Every answer is saved by the page script as
 * it changes (through the JSON API); without JavaScript each section form posts and redirects
 * to the next page. Every form carries a CSRF token.
 */
@Path("/survey/{token}")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class SurveyPages {

    @Inject
    SurveyService surveys;

    @Inject
    AnswerService answers;

    @Inject
    dev.bearing.common.BearingConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance welcome(Survey survey);

        /** @param removedNotice what a form save removed (follow-up answers its changes hid); null for nothing */
        static native TemplateInstance section(SectionPage page, boolean saveFailed, boolean unreadable, String removedNotice);

        /** @param removedNotice as for {@link #section} */
        static native TemplateInstance review(Survey survey, List<ReviewLine> lines, boolean incomplete, String removedNotice);

        static native TemplateInstance thanks(Survey survey, boolean unsaved);

        static native TemplateInstance answers(Survey survey, List<SurveyService.AnswerSection> sections);

        /** @param startUrl the respondent's survey start, linked from the page; null for none */
        static native TemplateInstance problem(int status, String title, String message, String startUrl);
    }

    /** @return the welcome page, or the thank-you page once submitted */
    @GET
    public TemplateInstance welcome(@PathParam("token") String token) {
        Survey s = surveys.survey(token);
        return s.submitted() ? Templates.thanks(s, false) : Templates.welcome(s);
    }

    /**
     * @return a section page; after submit, the thank-you page. After a form save whose changes
     *     removed follow-up answers ({@code removed}, {@code here}, {@code after}: see
     *     {@link #saveSection}) it says so, as the page script does beside the field.
     */
    @GET
    @Path("/s/{section}")
    public Response section(@PathParam("token") String token, @PathParam("section") String section,
            @QueryParam("removed") String removed, @QueryParam("here") String here, @QueryParam("after") List<String> after) {
        SectionPage page = surveys.section(token, section, Map.of());
        if (page.survey().submitted()) {
            return seeOther(token, "/thanks");
        }
        return Response.ok(Templates.section(page, false, false, surveys.removedFollowUpsText(token, count(removed), count(here), after)))
                .build();
    }

    /**
     * Saves a section posted as a form (no JavaScript). All valid answers are saved; refused ones
     * are shown again as sent (ticks and typed text), with a message on the field (422). Otherwise
     * redirects to the page asked for: {@code goto} names a section of the role or
     * {@code review} (the section list's buttons), {@code go} is {@code previous}, {@code next}
     * or {@code stay}; a link would leave without sending the page's answers, so the section
     * page navigates only through this form.
     */
    @POST
    @Path("/s/{section}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSection(@PathParam("token") String token, @PathParam("section") String section,
            MultivaluedMap<String, String> form) {
        SectionPage before = surveys.section(token, section, Map.of());
        if (before.survey().submitted()) {
            // a page sent after the survey was submitted (from another tab, or Back without the page
            // script): the thank-you page says that what it sent was not saved
            return seeOther(token, "/thanks?unsaved=true");
        }
        SurveyService.FormSaved saved = surveys.saveForm(before, form);
        Map<String, SurveyService.Refusal> errors = saved.refusals();
        if (!errors.isEmpty()) {
            SectionPage page = surveys.section(token, section, errors);
            return Response.status(422).entity(Templates.section(page, true, false,
                    surveys.removedFollowUpsText(token, saved.removed(), saved.removedHere(), saved.removedAfter()))).build();
        }
        // follow-up answers this save removed (its changes hid them) are said on the page it leads to,
        // as the page script says them beside the field: none is lost without a word
        String removed = removedQuery(saved);
        String cleared = form.getFirst("clear");
        if (cleared != null && before.questions().stream().anyMatch(v -> v.q().key().equals(cleared))) {
            // "Clear answer" without the page script: back to the same question, now unanswered
            return seeOther(token, "/s/" + section + removed + "#q-" + cleared);
        }
        SectionPage after = surveys.section(token, section, Map.of());
        // without the page script, branching shows new questions only after a save: stay on the
        // page when this save revealed a question still to answer
        java.util.Set<String> wasVisible = new java.util.HashSet<>();
        before.questions().stream().filter(SurveyService.QuestionView::visible).forEach(v -> wasVisible.add(v.q().key()));
        var revealed = after.questions().stream()
                .filter(v -> v.visible() && !v.answered() && !wasVisible.contains(v.q().key())).findFirst();
        if (revealed.isPresent()) {
            return seeOther(token, "/s/" + section + removed + "#q-" + revealed.get().q().key());
        }
        String chosen = form.getFirst("goto");
        if ("review".equals(chosen)) {
            return seeOther(token, "/review" + removed);
        }
        if (chosen != null && after.survey().sections().stream().anyMatch(s -> s.key().equals(chosen))) {
            return seeOther(token, "/s/" + chosen + removed);
        }
        String go = form.getFirst("go");
        if ("previous".equals(go) && after.previous() != null) {
            return seeOther(token, "/s/" + after.previous() + removed);
        }
        if ("stay".equals(go)) {
            return seeOther(token, "/s/" + section + removed);
        }
        return seeOther(token, (after.next() != null ? "/s/" + after.next() : "/review") + removed);
    }

    /** @return a count from the query, 0 when absent or not a small whole number (a hand-edited address) */
    private static int count(String value) {
        return value != null && value.matches("\\d{1,4}") ? Integer.parseInt(value) : 0;
    }

    /** @return the query that carries what a save removed to the page it leads to ({@code ?removed=2&here=0&after=key}), or "" */
    private static String removedQuery(SurveyService.FormSaved saved) {
        if (saved.removed() < 1) {
            return "";
        }
        StringBuilder q = new StringBuilder("?removed=" + saved.removed() + "&here=" + saved.removedHere());
        saved.removedAfter().forEach(k -> q.append("&after=").append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)));
        return q.toString();
    }

    /** @return the review page: every answer, and every missing required question with a link */
    @GET
    @Path("/review")
    public Response review(@PathParam("token") String token, @QueryParam("incomplete") boolean incomplete,
            @QueryParam("removed") String removed, @QueryParam("here") String here, @QueryParam("after") List<String> after) {
        Survey s = surveys.survey(token);
        if (s.submitted()) {
            return seeOther(token, "/thanks");
        }
        return Response.ok(Templates.review(s, surveys.review(token), incomplete,
                surveys.removedFollowUpsText(token, count(removed), count(here), after))).build();
    }

    /** Submits; refused (back to the review page) while a required answer is missing. */
    @POST
    @Path("/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        try {
            answers.submit(token);
        } catch (ProblemException e) {
            if (e.status() == 422) {
                return seeOther(token, "/review?incomplete=true");
            }
            throw e;
        }
        return seeOther(token, "/thanks");
    }

    /** @return the thank-you page (read-only); before submit, back to the review */
    @GET
    @Path("/thanks")
    public Response thanks(@PathParam("token") String token, @QueryParam("unsaved") boolean unsaved) {
        Survey s = surveys.survey(token);
        if (!s.submitted()) {
            return seeOther(token, "/review");
        }
        return Response.ok(Templates.thanks(s, unsaved)).build();
    }

    /**
     * @return the respondent's own answers by section, read-only, once submitted (linked from the
     *     thank-you page); before submit, the review page, where they can still be changed
     */
    @GET
    @Path("/answers")
    public Response submittedAnswers(@PathParam("token") String token) {
        Survey s = surveys.survey(token);
        if (!s.submitted()) {
            return seeOther(token, "/review");
        }
        return Response.ok(Templates.answers(s, surveys.answersBySection(token))).build();
    }

    /**
     * Unknown token or section, or a refused request: an error page that reveals nothing more. A
     * working link with a section address that is not one of the respondent's (cut short when
     * copied, say) is not called an invalid link: the page says the section is unknown and links
     * the start of the survey; an unknown token still gets only "Survey not found".
     */
    @ServerExceptionMapper
    public Response problem(ProblemException e, jakarta.ws.rs.core.UriInfo uri) {
        if (e.status() == 404 && uri.getPath().matches("^/survey/[^/]+/s/[^/]*$")) {
            String token = uri.getPathParameters().getFirst("token");
            try {
                surveys.survey(token);
                return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                        .entity(Templates.problem(404, "Section not found", "Your survey link works, but your survey "
                                + "has no section at this address. Start again from the survey's first page; "
                                + "answers that showed \"Saved\" are kept.", "/survey/" + token))
                        .build();
            } catch (ProblemException unknownToken) {
                // fall through: the link itself is unknown
            }
        }
        String message = e.status() == 404 ? "This survey link is not valid. Check that you copied the whole link, "
                + "or ask the person who sent it for a new one." : e.getMessage();
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.problem(e.status(), e.status() == 404 ? "Survey not found" : e.title(), message, null))
                .build();
    }

    /** A 303 to a survey page, built from the configured public URL, never from the Host header. */
    /**
     * A form body with broken percent-encoding ({@code %zz}, a lone {@code %}, a cut-off UTF-8
     * sequence) cannot be read at all, so nothing of it is saved: 400 with the section page again,
     * showing every answer saved so far and saying what happened. Other failures of this kind
     * are logged and shown as an error page without internals.
     */
    @ServerExceptionMapper
    public Response unreadableForm(IllegalArgumentException e, jakarta.ws.rs.core.UriInfo uri,
            io.vertx.ext.web.RoutingContext rc) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^/survey/([^/]+)/s/([^/]+)$").matcher(uri.getPath());
        io.vertx.core.http.Cookie csrf = rc.request().getCookie("csrf-token");
        if (e.getMessage() != null && e.getMessage().startsWith("Failed to decode") && m.find() && csrf != null) {
            // the CSRF filter never ran (the body could not be read): the page shown again carries
            // the browser's existing token; nothing was saved, so nothing was done on its say-so
            rc.put("csrf_token", csrf.getValue());
            SectionPage page = surveys.section(m.group(1), m.group(2), Map.of());
            if (!page.survey().submitted()) {
                return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                        .entity(Templates.section(page, false, true, null)).build();
            }
        }
        org.jboss.logging.Logger.getLogger(SurveyPages.class).errorf(e, "Unreadable request to %s", uri.getPath());
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.problem(400, "Request not understood", "The request could not be read. Go back, "
                        + "reload the page and try again; answers that showed \"Saved\" are kept.", null)).build();
    }

    private Response seeOther(String token, String path) {
        return Response.seeOther(URI.create(config.publicUrl() + "/survey/" + token + path)).build();
    }
}
