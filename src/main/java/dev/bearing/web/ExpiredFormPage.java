package dev.bearing.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A page form whose anti-forgery token is missing or expired is refused by the CSRF filter with
 * a bare 400. This turns that into a page that says what happened and what to do; nothing was
 * changed by the refused post.
 */
public class ExpiredFormPage {

    static final String PAGE = page("This page has expired", "For your security the form could not be accepted: "
            + "the page was open for a long time, or cookies were cleared. Nothing was changed. Go back, reload the "
            + "page and try again; answers that showed \"Saved\" are kept.");

    /** The same for a consultant's or admin's page, which has no saved answers to speak of. */
    static final String CONSULTANT_PAGE = page("This page has expired", "For your security the form could not be "
            + "accepted: the page was open for a long time, or cookies were cleared. Nothing was changed. Go back, "
            + "reload the page and try again.");

    /**
     * @param title heading, plain text without markup characters
     * @param message explanation, plain text without markup characters
     * @return a small self-contained page in the survey's style
     */
    static String page(String title, String message) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + " · Bearing</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/survey.css\"></head><body><main id=\"main\"><section class=\"problem\">"
                + "<h1>" + title + "</h1><p>" + message + "</p></section></main></body></html>";
    }

    /** Replaces the empty 400 of a refused form post with an explanation. */
    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = request.getMediaType();
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())
                && type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            String path = request.getUriInfo().getPath();
            response.setEntity(path.startsWith("/survey/") ? PAGE : CONSULTANT_PAGE, null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
