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
     * and value (Chromium drops a longer one whole), and {@link #read(Map, String)} ignores a
     * value over 4000. About 75 links fit in one.
     */
    static final int MAX_VALUE = 3800;

    /**
     * Most links cookies one POST sends: a browser sends them all back in one {@code Cookie}
     * header, which must stay well inside the server's 20 KB header limit (and a proxy's) beside
     * the session's own cookies. Three carry about 220 links.
     */
    static final int MAX_COOKIES = 3;

    /** Room kept in the last cookie for the count of links left out ({@code ~more.<mailed>.<not mailed>}). */
    private static final int COUNT_ROOM = 32;

    private static final Pattern MORE = Pattern.compile("more\\.(\\d{1,9})\\.(\\d{1,9})");

    /**
     * What the links cookies carried.
     *
     * @param shown the links to show, by respondent id
     * @param mailedNotShown links that went out by mail but did not fit in the cookies
     * @param unmailedNotShown links that were not mailed (no mail asked, or the mail failed) and
     *     did not fit: they are lost, and the page says to make those respondents new ones
     */
    record Carried(List<Shown> shown, long mailedNotShown, long unmailedNotShown) {
    }

    /**
     * @return the cookies carrying the links this POST made, as few as fit (one for up to about
     *     75 links, {@link #MAX_VALUE}), each named by when it was made and its first respondent
     *     ({@code bearing-new-links-<epoch ms>-<first respondent id>}): a second respondent added
     *     before the page showing the first has loaded adds a cookie instead of overwriting the
     *     first one's, and a reminder to many respondents sends a few cookies, not one each (a
     *     browser would send them all back, past the server's header limit) nor one too long for
     *     a browser to keep (a reminder to 160 respondents showed no link at all). At most
     *     {@link #MAX_COOKIES}: links nobody mailed (the consultant must pass them on) go in first,
     *     then mailed ones while there is room; those left out are only counted, so a reminder
     *     to 400 respondents still reaches a page (all 400 links make a Cookie header of about
     *     21 KB, over the server's 20 KB limit).
     *     Empty when no link was made.
     */
    static NewCookie[] cookies(long assessmentId, List<Sent> sent, boolean https) {
        long now = System.currentTimeMillis();
        // links nobody mailed first, each group in the order made (the sort is stable)
        List<Sent> ordered = sent.stream().sorted(java.util.Comparator.comparing((Sent s) -> s.mailedTo() != null)).toList();
        List<NewCookie> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        long first = -1;
        long mailedLeft = 0;
        long unmailedLeft = 0;
        for (Sent s : ordered) {
            String token = s.respondent().token();
            if (token == null) {
                continue;
            }
            char m = s.mailedTo() != null ? 'm' : s.mailError() != null ? 'f' : 'n';
            String entry = s.respondent().id() + "." + m + "." + token;
            int room = out.size() == MAX_COOKIES - 1 ? MAX_VALUE - COUNT_ROOM : MAX_VALUE;
            if (b.length() > 0 && b.length() + 1 + entry.length() > room) {
                if (out.size() == MAX_COOKIES - 1) {
                    if (m == 'm') {
                        mailedLeft++;
                    } else {
                        unmailedLeft++;
                    }
                    continue;
                }
                out.add(cookie(COOKIE + "-" + now + "-" + first, assessmentId, b.toString(), 120, https));
                b.setLength(0);
                first = -1;
            }
            b.append(b.length() == 0 ? "" : "~").append(entry);
            first = first < 0 ? s.respondent().id() : first;
        }
        if (mailedLeft + unmailedLeft > 0) {
            b.append("~more.").append(mailedLeft).append('.').append(unmailedLeft);
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

    /**
     * @return the links in the request's cookies, by respondent id (a respondent's newest link
     *     wins, as only it works), and the counts of links left out of them; anything malformed
     *     is ignored
     */
    static Carried read(Map<String, Cookie> cookies, String publicUrl) {
        // oldest cookie first, so a respondent's newer link (the only one that works) replaces the older
        Map<Long, Shown> byRespondent = new java.util.HashMap<>();
        long[] left = new long[2];
        cookies.keySet().stream().filter(NewLinks::carries).sorted(java.util.Comparator.comparingLong(NewLinks::madeAt))
                .forEach(name -> read(cookies.get(name).getValue(), publicUrl, byRespondent, left));
        List<Shown> out = new ArrayList<>(byRespondent.values());
        out.sort(java.util.Comparator.comparingLong(Shown::respondentId));
        return new Carried(out, left[0], left[1]);
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

    /**
     * Reads one cookie value, "id.m.token" joined by "~" with an optional "more.M.U" count.
     *
     * @param byRespondent where the links go, by respondent id
     * @param left where the counts of links left out are added: [0] mailed, [1] not mailed
     */
    private static void read(String value, String publicUrl, Map<Long, Shown> byRespondent, long[] left) {
        if (value == null || value.length() > 4000) {
            return;
        }
        for (String part : value.split("~")) {
            Matcher m = ENTRY.matcher(part);
            if (m.matches()) {
                byRespondent.put(Long.parseLong(m.group(1)), new Shown(Long.parseLong(m.group(1)),
                        publicUrl + "/survey/" + m.group(3), m.group(2).charAt(0)));
                continue;
            }
            Matcher more = MORE.matcher(part);
            if (more.matches()) {
                left[0] += Long.parseLong(more.group(1));
                left[1] += Long.parseLong(more.group(2));
            }
        }
    }

    private static boolean carries(String cookieName) {
        return cookieName.equals(COOKIE) || cookieName.startsWith(COOKIE + "-");
    }

    private static NewCookie cookie(String name, long assessmentId, String value, int maxAge, boolean https) {
        return new NewCookie.Builder(name).value(value).path("/assessments/" + assessmentId).maxAge(maxAge)
                .httpOnly(true).secure(https).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
