package dev.bearing.web;

import dev.bearing.respondent.InvitationService.Sent;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries personal links made by a page POST (add respondent, re-issue, reminders) across its
 * 303 to the assessment page, which shows them once: a cookie scoped to that assessment's pages,
 * HttpOnly, SameSite=Strict, two minutes long, one per respondent (so a second add before the
 * page has loaded loses nothing), cleared by the page that shows them. The database
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

    /**
     * Longest value of one links cookie: a browser keeps a cookie only up to 4096 bytes of name
     * and value (Chromium drops a longer one whole), and {@link #read(String, String)} ignores
     * anything over 4000. About 75 links fit in one.
     */
    static final int MAX_VALUE = 3800;

    /**
     * @return the cookies carrying the links this POST made, as few as fit (one for up to about
     *     75 links, {@link #MAX_VALUE}), each named by when it was made and its first respondent
     *     ({@code bearing-new-links-<epoch ms>-<first respondent id>}): a second respondent added
     *     before the page showing the first has loaded adds a cookie instead of overwriting the
     *     first one's, and a reminder to many respondents sends a few cookies, not one each (a
     *     browser would send them all back, past the server's header limit) nor one too long for
     *     a browser to keep (a reminder to 160 respondents showed no link at all); empty when no
     *     link was made
     */
    static NewCookie[] cookies(long assessmentId, List<Sent> sent, boolean https) {
        long now = System.currentTimeMillis();
        List<NewCookie> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        long first = -1;
        for (Sent s : sent) {
            String token = s.respondent().token();
            if (token == null) {
                continue;
            }
            char m = s.mailedTo() != null ? 'm' : s.mailError() != null ? 'f' : 'n';
            String entry = s.respondent().id() + "." + m + "." + token;
            if (b.length() > 0 && b.length() + 1 + entry.length() > MAX_VALUE) {
                out.add(cookie(COOKIE + "-" + now + "-" + first, assessmentId, b.toString(), 120, https));
                b.setLength(0);
                first = -1;
            }
            b.append(b.length() == 0 ? "" : "~").append(entry);
            first = first < 0 ? s.respondent().id() : first;
        }
        if (first >= 0) {
            out.add(cookie(COOKIE + "-" + now + "-" + first, assessmentId, b.toString(), 120, https));
        }
        return out.toArray(NewCookie[]::new);
    }

    /** @return the cookies that remove every link the request carried (sent with the page that shows them) */
    static NewCookie[] clear(long assessmentId, Map<String, Cookie> cookies, boolean https) {
        return cookies.keySet().stream().filter(NewLinks::carries).map(n -> cookie(n, assessmentId, "", 0, https))
                .toArray(NewCookie[]::new);
    }

    /** @return the links in the request's cookies, in the order made (respondent ids grow); anything malformed is ignored */
    static List<Shown> read(Map<String, Cookie> cookies, String publicUrl) {
        // oldest cookie first, so a respondent's newer link (the only one that works) replaces the older
        Map<Long, Shown> byRespondent = new java.util.HashMap<>();
        cookies.keySet().stream().filter(NewLinks::carries).sorted(java.util.Comparator.comparingLong(NewLinks::madeAt))
                .forEach(name -> read(cookies.get(name).getValue(), publicUrl).forEach(l -> byRespondent.put(l.respondentId(), l)));
        List<Shown> out = new ArrayList<>(byRespondent.values());
        out.sort(java.util.Comparator.comparingLong(Shown::respondentId));
        return out;
    }

    /** @return when a links cookie was made (epoch ms in its name; 0 for the older unnamed one or a malformed name) */
    private static long madeAt(String cookieName) {
        String[] parts = cookieName.substring(COOKIE.length()).split("-");
        try {
            return parts.length >= 2 ? Long.parseLong(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return whether the request carries any link */
    static boolean any(Map<String, Cookie> cookies) {
        return cookies.keySet().stream().anyMatch(NewLinks::carries);
    }

    /** @return the links in a cookie value, "id.m.token" joined by "~" (anything malformed is ignored) */
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

    private static boolean carries(String cookieName) {
        return cookieName.equals(COOKIE) || cookieName.startsWith(COOKIE + "-");
    }

    private static NewCookie cookie(String name, long assessmentId, String value, int maxAge, boolean https) {
        return new NewCookie.Builder(name).value(value).path("/assessments/" + assessmentId).maxAge(maxAge)
                .httpOnly(true).secure(https).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
