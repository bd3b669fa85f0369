package dev.bearing.respondent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.security.AuditEvent;
import dev.bearing.support.Api;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@io.quarkus.test.junit.QuarkusTest
class RespondentMailTest {

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void clear() {
        mailbox.clear();
    }

    static JsonPath add(long assessmentId, String role, String name, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("name", name);
        if (email != null) {
            body.put("email", email);
        }
        return Api.consultant().contentType(ContentType.JSON).body(body)
                .post("/api/v1/assessments/" + assessmentId + "/respondents").then().statusCode(201).extract().jsonPath();
    }

    static String linkIn(Mail mail) {
        Matcher m = Pattern.compile("(http://\\S+/survey/[A-Za-z0-9_-]{43})").matcher(mail.getText());
        assertTrue(m.find(), "a survey link in: " + mail.getText());
        return m.group(1);
    }

    static String path(String link) {
        return link.substring(link.indexOf("/survey/"));
    }

    @Test
    void addingARespondentWithAnAddressMailsAWorkingPersonalLink() {
        long id = Api.createAssessment("Fabrikam Shipping");
        JsonPath r = add(id, "OPERATIONS", "Head of Infrastructure", "ops.lead@fabrikam.example");
        assertEquals("ops.lead@fabrikam.example", r.getString("mailedTo"));
        assertEquals("ops.lead@fabrikam.example", r.getString("email"));
        List<Mail> mails = mailbox.getMailsSentTo("ops.lead@fabrikam.example");
        assertEquals(1, mails.size());
        Mail mail = mails.get(0);
        assertEquals("Fabrikam Shipping: your part in the DevOps assessment", mail.getSubject());
        String text = mail.getText();
        assertTrue(text.contains("The assessment team is assessing how Fabrikam Shipping delivers software"), text);
        assertTrue(text.contains("from the operations side"), text);
        assertTrue(text.matches("(?s).*The survey takes about \\d+ minutes\\..*"), text);
        String link = linkIn(mail);
        assertEquals(r.getString("surveyUrl"), link);
        given().get(path(link)).then().statusCode(200).body(containsString("Fabrikam Shipping"));
        // without an address: no mail, the link is returned once
        JsonPath noMail = add(id, "BUSINESS", null, null);
        assertTrue(noMail.getString("surveyUrl").contains("/survey/"));
        assertEquals(null, noMail.getString("mailedTo"));
        assertEquals(1, mailbox.getTotalMessagesSent());
        assertTrue(audit(id).stream().anyMatch(e -> e.action.equals("respondent.mailed")
                && e.detail.contains("Invitation mailed to ops.lead@fabrikam.example")));
        // the list never shows links again
        Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().statusCode(200)
                .body("[0].email", equalTo("ops.lead@fabrikam.example")).body("[0].surveyUrl", nullValue())
                .body("[0].lastMailedAt", notNullValue());
    }

    @Test
    void anInvalidAddressIsRefusedNamingTheFieldAndNothingIsAdded() {
        long id = Api.createAssessment("Bad address org");
        for (String bad : List.of("not-an-address", "a@b", "x@example.com\r\nBcc: victim@example.com", "a b@example.com",
                "a@example.com, b@example.com")) {
            Api.consultant().contentType(ContentType.JSON).body(Map.of("role", "BUSINESS", "email", bad))
                    .post("/api/v1/assessments/" + id + "/respondents").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", containsString("email"));
        }
        Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().body("$", hasSize(0));
        assertEquals(0, mailbox.getTotalMessagesSent());
    }

    @Test
    void reissuingALinkKillsTheOldOneAndKeepsTheAnswers() {
        long id = Api.createAssessment("Reissue org");
        JsonPath r = add(id, "DEVELOPMENT", "Lead developer", "dev@reissue.example");
        String oldPath = path(r.getString("surveyUrl"));
        String oldToken = r.getString("token");
        Api.put(oldToken, "ci.build_trigger", Map.of("value", "on_every_push")).then().statusCode(200);
        mailbox.clear();

        JsonPath again = Api.consultant().contentType(ContentType.JSON).body(Map.of("mail", true))
                .post("/api/v1/assessments/" + id + "/respondents/" + r.getLong("id") + "/link")
                .then().statusCode(200).extract().jsonPath();
        String newToken = again.getString("token");
        assertNotEquals(oldToken, newToken);
        given().get(oldPath).then().statusCode(404);
        Api.answers(oldToken).then().statusCode(404);
        Api.answers(newToken).then().statusCode(200).body("find { it.questionKey == 'ci.build_trigger' }.value",
                equalTo("on_every_push"));
        Mail mail = mailbox.getMailsSentTo("dev@reissue.example").get(0);
        assertTrue(mail.getText().contains("It replaces the earlier one, which no longer works."), mail.getText());
        assertTrue(mail.getText().contains("The answers you have already given are kept."), mail.getText());
        given().get(path(linkIn(mail))).then().statusCode(200);
        assertTrue(audit(id).stream().anyMatch(e -> e.action.equals("respondent.link_reissued")));

        // without mailing: the link is only returned; a mail asked for without an address is refused
        JsonPath plain = add(id, "BUSINESS", null, null);
        mailbox.clear();
        Api.consultant().contentType(ContentType.JSON).body(Map.of("mail", true))
                .post("/api/v1/assessments/" + id + "/respondents/" + plain.getLong("id") + "/link")
                .then().statusCode(400).body("errors[0].field", equalTo("mail"));
        given().get(path(plain.getString("surveyUrl"))).then().statusCode(200);
        String quiet = Api.consultant().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/assessments/" + id + "/respondents/" + plain.getLong("id") + "/link")
                .then().statusCode(200).extract().path("surveyUrl");
        given().get(path(quiet)).then().statusCode(200);
        given().get(path(plain.getString("surveyUrl"))).then().statusCode(404);
        assertEquals(0, mailbox.getTotalMessagesSent());
        // a respondent of another assessment is not reachable through this one
        long other = Api.createAssessment("Other org");
        Api.consultant().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/assessments/" + other + "/respondents/" + plain.getLong("id") + "/link")
                .then().statusCode(404);
    }

    @Test
    void remindersGoOnlyToUnfinishedRespondentsWithANewWorkingLink() {
        long id = Api.createAssessment("Reminder org");
        JsonPath started = add(id, "DEVELOPMENT", "Started dev", "started@reminder.example");
        JsonPath untouched = add(id, "OPERATIONS", null, "untouched@reminder.example");
        JsonPath finished = add(id, "BUSINESS", null, "finished@reminder.example");
        JsonPath noAddress = add(id, "OPERATIONS", "No address", null);
        Api.put(started.getString("token"), "ci.build_trigger", Map.of("value", "on_every_push")).then().statusCode(200);
        String finishedToken = finished.getString("token");
        Api.putMany(finishedToken, dev.bearing.support.FullSurvey.answers(dev.bearing.questionnaire.Role.BUSINESS, 2,
                Map.of())).then().statusCode(200);
        Api.submit(finishedToken).then().statusCode(200);
        mailbox.clear();

        JsonPath result = Api.consultant().contentType(ContentType.JSON)
                .post("/api/v1/assessments/" + id + "/respondents/reminders").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("started@reminder.example", "untouched@reminder.example"),
                result.getList("reminded.mailedTo"));
        assertEquals(List.of(noAddress.getLong("id")), result.getList("withoutEmail", Long.class));
        assertEquals(2, mailbox.getTotalMessagesSent());
        assertEquals(0, mailbox.getMailsSentTo("finished@reminder.example").size());

        Mail toStarted = mailbox.getMailsSentTo("started@reminder.example").get(0);
        assertTrue(toStarted.getSubject().startsWith("Reminder: Reminder org"), toStarted.getSubject());
        assertTrue(toStarted.getText().contains("This link replaces the one we sent you before, which no longer works"));
        assertTrue(toStarted.getText().contains("The answers you have already given are kept."));
        given().get(path(linkIn(toStarted))).then().statusCode(200);
        given().get(path(started.getString("surveyUrl"))).then().statusCode(404);
        Mail toUntouched = mailbox.getMailsSentTo("untouched@reminder.example").get(0);
        assertTrue(!toUntouched.getText().contains("already given"), toUntouched.getText());
        // the finished and the address-less respondents keep their links
        given().get(path(finished.getString("surveyUrl"))).then().statusCode(200);
        given().get(path(noAddress.getString("surveyUrl"))).then().statusCode(200);
        assertEquals(2, audit(id).stream().filter(e -> e.action.equals("respondent.mailed")
                && e.detail.startsWith("Reminder with a new link mailed to")).count());
    }

    @Test
    void thePageSaysWhyNoReminderWentOut() {
        long id = Api.createAssessment("No reminder org");
        String page = "/assessments/" + id;
        RespondentAnswersTest.Pages.Form f = RespondentAnswersTest.Pages.csrf(page);
        RespondentAnswersTest.Pages.post(page + "/respondents/reminders", f).then().statusCode(303)
                .header("Location", page + "?reminded=all-finished#respondents");
        Api.consultant().get(page + "?reminded=all-finished").then().statusCode(200)
                .body(containsString("No reminder was sent: nobody has a survey left to finish."));
        RespondentAnswersTest.Pages.post(page + "/respondents", f, "role", "BUSINESS", "name", "CFO", "email", "")
                .then().statusCode(303);
        // one audit entry for one respondent added
        assertEquals(List.of("Added Business respondent"), audit(id).stream().filter(e -> e.action.equals("respondent.added"))
                .map(e -> e.detail.replaceAll(" \\d+ \\(CFO\\)\\.$", "")).toList());
        mailbox.clear();
        RespondentAnswersTest.Pages.post(page + "/respondents/reminders", f).then().statusCode(303)
                .header("Location", page + "?reminded=no-address#respondents");
        assertEquals(0, mailbox.getTotalMessagesSent());
        Api.consultant().get(page + "?reminded=no-address").then().statusCode(200)
                .body(containsString("No reminder was sent: no respondent who has not finished has an e-mail address."));
        Api.consultant().get(page + "?reminded=anything").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("No reminder was sent")));
    }

    @Test
    void thePageShowsANewLinkOnceMailsTheInvitationAndWarnsBeforeReminders() {
        long id = Api.createAssessment("Page invite org");
        String page = "/assessments/" + id;
        RespondentAnswersTest.Pages.Form f = RespondentAnswersTest.Pages.csrf(page);
        RespondentAnswersTest.Pages.post(page + "/respondents", f, "role", "BUSINESS", "name", "CFO", "email", "not an address")
                .then().statusCode(422).body(containsString("The e-mail address is not one a mail can go to"));
        assertEquals(0, mailbox.getTotalMessagesSent());
        var added = RespondentAnswersTest.Pages.post(page + "/respondents", f, "role", "BUSINESS", "name", "CFO", "email",
                "cfo@page.example");
        added.then().statusCode(303).header("Location", page + "#respondents");
        // one cookie per add, so a second add before the page loads keeps the first link
        String name = added.getCookies().keySet().stream().filter(n -> n.startsWith("bearing-new-links-")).findFirst().orElse("none");
        String cookie = added.getCookie(name);
        assertTrue(cookie != null && !cookie.isEmpty(), "the new link travels to the page");
        assertTrue(added.getDetailedCookie(name).isHttpOnly());
        String link = linkIn(mailbox.getMailsSentTo("cfo@page.example").get(0));

        var shown = Api.consultant().cookie(name, cookie).get(page);
        shown.then().statusCode(200).body(containsString("<code>" + link + "</code>"))
                .body(containsString("1 went out by e-mail")).body(containsString("mailed to cfo@page.example"));
        assertEquals("", shown.getCookie(name), "the page clears the cookie that carried the link");
        Api.consultant().get(page).then().body(org.hamcrest.Matchers.not(containsString(link)));
        Api.consultant().get(page).then().body(containsString("gets a reminder with a <b>new link</b>: the link they have now stops working"));

        // reminders from the page: the new link is shown once and mailed; the old one is dead
        RespondentAnswersTest.Pages.post(page + "/respondents", f, "role", "OPERATIONS", "name", "Ops lead", "email",
                "ops@page.example").then().statusCode(303);
        mailbox.clear();
        var reminded = RespondentAnswersTest.Pages.post(page + "/respondents/reminders", f);
        reminded.then().statusCode(303);
        Mail reminder = mailbox.getMailsSentTo("cfo@page.example").get(0);
        String newLink = linkIn(reminder);
        String opsLink = linkIn(mailbox.getMailsSentTo("ops@page.example").get(0));
        // a reminder to many carries its links in one cookie (one each would pass the server's header limit)
        assertEquals(1, reminded.getCookies().keySet().stream().filter(n -> n.startsWith("bearing-new-links-")).count());
        Api.consultant().cookies(reminded.getCookies()).get(page).then()
                .body(containsString("<code>" + newLink + "</code>")).body(containsString("<code>" + opsLink + "</code>"));
        given().get(path(link)).then().statusCode(404);
        given().get(path(newLink)).then().statusCode(200);

        // "New link" without mail: shown once on the page, nothing mailed, the reminded link dies
        mailbox.clear();
        long rid = Api.consultant().get("/api/v1/assessments/" + id + "/respondents").then().extract().jsonPath()
                .getLong("[0].id");
        var reissued = RespondentAnswersTest.Pages.post(page + "/respondents/" + rid + "/link", f, "mail", "false");
        reissued.then().statusCode(303).header("Location", page + "#respondents");
        String html = Api.consultant().cookies(reissued.getCookies()).get(page)
                .then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("<code>(http://[^<]+/survey/[A-Za-z0-9_-]{43})</code>").matcher(html);
        assertTrue(m.find(), "the new link is on the page");
        assertEquals(0, mailbox.getTotalMessagesSent());
        given().get(path(m.group(1))).then().statusCode(200);
        given().get(path(newLink)).then().statusCode(404);
    }

    @Transactional
    List<AuditEvent> audit(long assessmentId) {
        return AuditEvent.ofAssessment(assessmentId);
    }

    @Test
    void aNameSentWithLineBreaksIsStoredOnOneLineSoItsInvitationCanGoOut() {
        // the API (and an import) can carry a line break the page's one-line field cannot; a mail's
        // subject line holds the organisation's name, and the real mailer refuses one with a line break
        long id = Api.createAssessment("Evil\r\nBcc: victim@example.com\n\tX: y ");
        Api.consultant().get("/api/v1/assessments/" + id).then().statusCode(200)
                .body("organisation", equalTo("Evil Bcc: victim@example.com X: y"));
        JsonPath r = add(id, "BUSINESS", "Head of\nSales", "sales@fabrikam.example");
        assertEquals("Head of Sales", r.getString("name"));
        assertEquals("sales@fabrikam.example", r.getString("mailedTo"));
        Mail mail = mailbox.getMailsSentTo("sales@fabrikam.example").get(0);
        assertEquals("Evil Bcc: victim@example.com X: y: your part in the DevOps assessment", mail.getSubject());
        assertTrue(mailbox.getMailsSentTo("victim@example.com").isEmpty(), "no one else is mailed");
    }
}
