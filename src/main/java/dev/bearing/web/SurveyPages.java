package dev.bearing.web;

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

        static native TemplateInstance section(SectionPage page, boolean saveFailed);

        static native TemplateInstance review(Survey survey, List<ReviewLine> lines, boolean incomplete);

        static native TemplateInstance thanks(Survey survey);

        static native TemplateInstance problem(int status, String title, String message);
    }

    /** @return the welcome page, or the thank-you page once submitted */
    @GET
    public TemplateInstance welcome(@PathParam("token") String token) {
        Survey s = surveys.survey(token);
        return s.submitted() ? Templates.thanks(s) : Templates.welcome(s);
    }

    /** @return a section page; after submit, the thank-you page */
    @GET
    @Path("/s/{section}")
    public Response section(@PathParam("token") String token, @PathParam("section") String section) {
        SectionPage page = surveys.section(token, section, Map.of(), Map.of());
        if (page.survey().submitted()) {
            return seeOther(token, "/thanks");
        }
        return Response.ok(Templates.section(page, false)).build();
    }

    /**
     * Saves a section posted as a form (no JavaScript). All valid answers are saved; refused ones
     * are shown again with a message on the field (422). Otherwise redirects to the next page
     * (or to the same one with {@code stay}).
     */
    @POST
    @Path("/s/{section}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSection(@PathParam("token") String token, @PathParam("section") String section,
            MultivaluedMap<String, String> form) {
        SectionPage before = surveys.section(token, section, Map.of(), Map.of());
        if (before.survey().submitted()) {
            return seeOther(token, "/thanks");
        }
        Map<String, String> errors = surveys.saveForm(before, form);
        if (!errors.isEmpty()) {
            Map<String, String> typed = new java.util.HashMap<>();
            errors.keySet().forEach(k -> {
                List<String> v = form.get("q." + k);
                if (v != null && v.size() == 1) {
                    typed.put(k, v.get(0));
                }
            });
            SectionPage page = surveys.section(token, section, errors, typed);
            return Response.status(422).entity(Templates.section(page, true)).build();
        }
        SectionPage after = surveys.section(token, section, Map.of(), Map.of());
        // without the page script, branching shows new questions only after a save: stay on the
        // page when this save revealed a question still to answer
        java.util.Set<String> wasVisible = new java.util.HashSet<>();
        before.questions().stream().filter(SurveyService.QuestionView::visible).forEach(v -> wasVisible.add(v.q().key()));
        var revealed = after.questions().stream()
                .filter(v -> v.visible() && !v.answered() && !wasVisible.contains(v.q().key())).findFirst();
        if (revealed.isPresent()) {
            return seeOther(token, "/s/" + section + "#q-" + revealed.get().q().key());
        }
        String go = form.getFirst("go");
        if ("previous".equals(go) && after.previous() != null) {
            return seeOther(token, "/s/" + after.previous());
        }
        if ("stay".equals(go)) {
            return seeOther(token, "/s/" + section);
        }
        return seeOther(token, after.next() != null ? "/s/" + after.next() : "/review");
    }

    /** @return the review page: every answer, and every missing required question with a link */
    @GET
    @Path("/review")
    public Response review(@PathParam("token") String token, @QueryParam("incomplete") boolean incomplete) {
        Survey s = surveys.survey(token);
        if (s.submitted()) {
            return seeOther(token, "/thanks");
        }
        return Response.ok(Templates.review(s, surveys.review(token), incomplete)).build();
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
    public Response thanks(@PathParam("token") String token) {
        Survey s = surveys.survey(token);
        if (!s.submitted()) {
            return seeOther(token, "/review");
        }
        return Response.ok(Templates.thanks(s)).build();
    }

    /** Unknown token or section, or a refused request: an error page that reveals nothing more. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        String message = e.status() == 404 ? "This survey link is not valid. Check that you copied the whole link, "
                + "or ask the person who sent it for a new one." : e.getMessage();
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.problem(e.status(), e.status() == 404 ? "Survey not found" : e.title(), message))
                .build();
    }

    /** A 303 to a survey page, built from the configured public URL, never from the Host header. */
    private Response seeOther(String token, String path) {
        return Response.seeOther(URI.create(config.publicUrl() + "/survey/" + token + path)).build();
    }
}
