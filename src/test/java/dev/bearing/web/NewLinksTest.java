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
 * stays short enough for a browser to keep (4096 bytes of name and value), and all links read back.
 */
class NewLinksTest {

    @Test
    void aReminderTo160RespondentsKeepsEveryLinkInCookiesABrowserKeeps() {
        List<Sent> sent = new ArrayList<>();
        for (int i = 1; i <= 160; i++) {
            String token = String.format("%043d", i);
            sent.add(new Sent(new RespondentView(1000 + i, Role.DEVELOPMENT, "Dev " + i, token, null, 0, 72, 0, null, null,
                    "dev" + i + "@example.com", null, null), null, "no mail server"));
        }
        NewCookie[] cookies = NewLinks.cookies(7, sent, false);
        Map<String, Cookie> back = new HashMap<>();
        for (NewCookie c : cookies) {
            assertTrue(c.getName().length() + c.getValue().length() < 4096, c.getName() + " is " + c.getValue().length() + " long");
            back.put(c.getName(), new Cookie.Builder(c.getName()).value(c.getValue()).build());
        }
        List<NewLinks.Shown> shown = NewLinks.read(back, "https://bearing.example");
        assertEquals(160, shown.size());
        assertEquals("https://bearing.example/survey/" + String.format("%043d", 160), shown.get(159).url());
        assertTrue(shown.get(0).mailFailed());
    }
}
