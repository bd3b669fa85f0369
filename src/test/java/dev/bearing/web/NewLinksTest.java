package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.assessment.AssessmentApi.RespondentView;
import dev.bearing.questionnaire.Role;
import dev.bearing.respondent.InvitationService.Sent;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The links a reminder to many respondents makes reach the page that shows them: every cookie
 * stays short enough for a browser to keep (4096 bytes of name and value), all of them together
 * short enough for the server's header limit, and what does not fit is counted, links nobody
 * mailed first.
 */
class NewLinksTest {

    @Test
    void aReminderTo160RespondentsKeepsEveryLinkInCookiesABrowserKeeps() {
        List<Sent> sent = new ArrayList<>();
        for (int i = 1; i <= 160; i++) {
            sent.add(sent(i, false));
        }
        NewLinks.Carried back = roundTrip(sent);
        assertEquals(160, back.shown().size());
        assertEquals(0, back.mailedNotShown() + back.unmailedNotShown());
        assertEquals("https://bearing.example/survey/" + token(160), back.shown().get(159).url());
        assertTrue(back.shown().get(0).mailFailed());
    }

    @Test
    void aReminderTo400RespondentsCarriesEveryFailedMailAndCountsTheMailedLinksLeftOut() {
        List<Sent> sent = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            sent.add(sent(i, i % 4 != 0)); // every fourth mail failed
        }
        NewLinks.Carried back = roundTrip(sent);
        long failedShown = back.shown().stream().filter(NewLinks.Shown::mailFailed).count();
        long mailedShown = back.shown().stream().filter(NewLinks.Shown::wasMailed).count();
        assertEquals(100, failedShown, "every link the consultant must pass on is shown");
        assertEquals(300, mailedShown + back.mailedNotShown(), "every mailed link is shown or counted");
        assertTrue(back.mailedNotShown() > 150, "most mailed links are only counted: " + back.mailedNotShown());
        assertEquals(0, back.unmailedNotShown());
    }

    @Test
    void aReminderTo400RespondentsWithTheMailServerDownSaysHowManyLinksAreLost() {
        List<Sent> sent = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            sent.add(sent(i, false));
        }
        NewLinks.Carried back = roundTrip(sent);
        assertEquals(400, back.shown().size() + back.unmailedNotShown());
        assertTrue(back.shown().size() > 200, back.shown().size() + " shown");
        assertEquals("https://bearing.example/survey/" + token(1), back.shown().get(0).url());
    }

    /** @return what the page reads back from the cookies the POST set, after checking their sizes */
    private static NewLinks.Carried roundTrip(List<Sent> sent) {
        NewCookie[] cookies = NewLinks.cookies(7, sent, false);
        assertTrue(cookies.length <= NewLinks.MAX_COOKIES, cookies.length + " cookies");
        Map<String, Cookie> back = new HashMap<>();
        int header = 0;
        for (NewCookie c : cookies) {
            assertTrue(c.getName().length() + c.getValue().length() < 4096, c.getName() + " is " + c.getValue().length() + " long");
            header += c.getName().length() + 1 + c.getValue().length() + 2;
            back.put(c.getName(), new Cookie.Builder(c.getName()).value(c.getValue()).build());
        }
        assertTrue(header < 12 * 1024, "the links take " + header + " bytes of the 20 KB header limit");
        return NewLinks.read(back, "https://bearing.example");
    }

    private static Sent sent(int i, boolean mailed) {
        return new Sent(new RespondentView(1000 + i, Role.DEVELOPMENT, "Dev " + i, token(i), null, 0, 72, 0, null, null,
                "dev" + i + "@example.com", null, null), mailed ? "dev" + i + "@example.com" : null,
                mailed ? null : "no mail server");
    }

    private static String token(int i) {
        return String.format("%043d", i);
    }
}
