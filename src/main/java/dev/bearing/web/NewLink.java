package dev.bearing.web;

import dev.bearing.assessment.AssessmentApi.RespondentView;
import jakarta.ws.rs.core.NewCookie;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A survey link just made, carried from the form post to the page that shows it once: only a
 * hash of the token is stored, so the redirect after "add respondent" cannot look it up again.
 * The cookie is scoped to that assessment's page, HttpOnly, SameSite=Strict, lives five minutes
 * and is cleared by the page that shows it.
 *
 * @param who the respondent's role and name, e.g. "Development: Ana Silva"
 * @param url the personal survey link
 */
public record NewLink(String who, String url) {

    /** Cookie name. */
    static final String COOKIE = "bearing-new-link";

    static NewCookie cookie(long assessmentId, RespondentView r) {
        String who = r.role().label() + (r.name() == null ? "" : ": " + r.name());
        String value = URLEncoder.encode(who, StandardCharsets.UTF_8) + "|" + URLEncoder.encode(r.surveyUrl(), StandardCharsets.UTF_8);
        return new NewCookie.Builder(COOKIE).value(value).path("/assessments/" + assessmentId).maxAge(300).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    static NewCookie clear(long assessmentId) {
        return new NewCookie.Builder(COOKIE).value("").path("/assessments/" + assessmentId).maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** @return the link in the cookie, or null when there is none or it is not one Bearing wrote */
    static NewLink parse(String value) {
        if (value == null || value.indexOf('|') < 0) {
            return null;
        }
        String[] parts = value.split("\\|", 2);
        String url = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
        if (!url.matches("https?://[^\\s\"<>]+/survey/[A-Za-z0-9_-]{43}")) {
            return null;
        }
        return new NewLink(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), url);
    }
}
