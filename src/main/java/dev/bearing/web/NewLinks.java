package dev.bearing.web;

import dev.bearing.respondent.InvitationService.Sent;
import jakarta.ws.rs.core.NewCookie;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries personal links made by a page POST (add respondent, re-issue, reminders) across its
 * 303 to the assessment page, which shows them once: a cookie scoped to that assessment's pages,
 * HttpOnly, SameSite=Strict, two minutes long, cleared by the page that shows it. The database
 * keeps only the links' hashes, so this is the consultant's one chance to copy them.
 */
final class NewLinks {

    static final String COOKIE = "bearing-new-links";

    private static final Pattern ENTRY = Pattern.compile("(\\d{1,18})\\.([mfn])\\.([A-Za-z0-9_-]{43})");

    private NewLinks() {
    }

    /**
     * A link to show once.
     *
     * @param respondentId respondent id
     * @param url the personal survey link
     * @param mailed m: mailed, f: the mail failed, n: no mail sent
     */
    record Shown(long respondentId, String url, char mailed) {

        /** @return whether the link went out by mail */
        public boolean wasMailed() {
            return mailed == 'm';
        }

        /** @return whether a mail was attempted and failed */
        public boolean mailFailed() {
            return mailed == 'f';
        }
    }

    /** @return the cookie carrying the links to the assessment page */
    static NewCookie cookie(long assessmentId, List<Sent> sent, boolean https) {
        StringBuilder b = new StringBuilder();
        for (Sent s : sent) {
            String token = s.respondent().token();
            if (token == null) {
                continue;
            }
            char m = s.mailedTo() != null ? 'm' : s.mailError() != null ? 'f' : 'n';
            b.append(b.length() == 0 ? "" : "~").append(s.respondent().id()).append('.').append(m).append('.').append(token);
        }
        return new NewCookie.Builder(COOKIE).value(b.toString()).path("/assessments/" + assessmentId).maxAge(120)
                .httpOnly(true).secure(https).sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** @return a cookie that removes the links (sent with the page that shows them) */
    static NewCookie clear(long assessmentId, boolean https) {
        return new NewCookie.Builder(COOKIE).value("").path("/assessments/" + assessmentId).maxAge(0).httpOnly(true)
                .secure(https).sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** @return the links in a cookie value (anything malformed is ignored) */
    static List<Shown> read(String value, String publicUrl) {
        List<Shown> out = new ArrayList<>();
        if (value == null || value.length() > 4000) {
            return out;
        }
        for (String part : value.split("~")) {
            Matcher m = ENTRY.matcher(part);
            if (m.matches()) {
                out.add(new Shown(Long.parseLong(m.group(1)), publicUrl + "/survey/" + m.group(3), m.group(2).charAt(0)));
            }
        }
        return out;
    }
}
