package dev.bearing.respondent;

import dev.bearing.assessment.Assessment;
import dev.bearing.assessment.AssessmentApi.RespondentView;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.assessment.OnceForms;
import dev.bearing.assessment.Respondent;
import dev.bearing.assessment.SurveyService;
import dev.bearing.common.BearingConfig;
import dev.bearing.common.ProblemException;
import dev.bearing.common.TokenGenerator;
import dev.bearing.questionnaire.Role;
import dev.bearing.assessment.AccessControl;
import dev.bearing.security.Audit;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Respondents' personal links and the mails that carry them: adding a respondent with an e-mail
 * address mails the invitation; re-issuing a link makes a new token (the old link stops working,
 * the answers stay) and can mail it; reminders go to everyone with an address who has not
 * submitted, each with a re-issued link (a reminder must carry a working link, and only the
 * token's hash is kept). Links exist in plain text only in the result of these calls and in the
 * mail. Every mail sent, and every one that failed, is written to the audit log.
 *
 * <p>The database work runs in its own transaction before a mail is sent, so a mail server that
 * is down never loses a respondent or a re-issued link: the result then carries the link and the
 * reason, for the consultant to pass on by hand.
 */
@ApplicationScoped
public class InvitationService {

    private static final Logger LOG = Logger.getLogger(InvitationService.class);

    @Inject
    AccessControl access;

    @Inject
    OnceForms onceForms;

    @Inject
    AssessmentService assessments;

    @Inject
    TokenGenerator tokens;

    @Inject
    Mailer mailer;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    BearingConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitation(Letter letter, String consultancy);

        static native TemplateInstance reminder(Letter letter, String consultancy);

        static native TemplateInstance newLink(Letter letter, String consultancy);
    }

    /**
     * What a mail to one respondent says.
     *
     * @param assessmentId assessment id
     * @param respondentId respondent id
     * @param email recipient, or null
     * @param organisation the client organisation's name
     * @param role the respondent's role
     * @param minutes estimated minutes for the whole survey ({@link SurveyService#estimatedMinutes})
     * @param started whether the respondent has saved an answer
     * @param link the personal survey link (new)
     */
    public record Letter(long assessmentId, long respondentId, String email, String organisation, Role role,
            int minutes, boolean started, String link) {

        /** @return the role as the mail says it, e.g. "operations" */
        public String side() {
            return role.label().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The outcome for one respondent.
     *
     * @param respondent the respondent, with the new token and link (shown once); its fields appear
     *     at the top level of the JSON
     * @param mailedTo the address the mail went to, or null when none was sent
     * @param mailError why the mail could not be sent (the link must then be passed on by hand),
     *     or null
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Sent(@com.fasterxml.jackson.annotation.JsonUnwrapped RespondentView respondent, String mailedTo,
            String mailError) {
    }

    /**
     * Outcome of sending reminders.
     *
     * @param reminded respondents who were sent (or were meant to be sent) a reminder with a new link
     * @param withoutEmail ids of unfinished respondents who have no e-mail address (not reminded,
     *     their links unchanged)
     */
    public record Reminders(List<Sent> reminded, List<Long> withoutEmail) {
    }

    /**
     * Adds a respondent; with an e-mail address, mails the invitation with the personal link.
     *
     * @param assessmentId assessment id
     * @param role role
     * @param name name or job title, or null
     * @param email e-mail address (validated by the caller), or null
     * @return the respondent with its link, and whether the mail went out
     * @throws ProblemException 404 when the caller may not see the assessment
     */
    public Sent add(long assessmentId, Role role, String name, String email) {
        return add(assessmentId, role, name, email, null);
    }

    /**
     * As {@link #add(long, Role, String, String)}, from a form sent with the token {@code once}: a
     * second send of the same form adds nobody and mails nothing.
     *
     * @throws OnceForms.Resent with the respondent the form's first send added
     */
    public Sent add(long assessmentId, Role role, String name, String email, String once) {
        Letter letter = QuarkusTransaction.requiringNew().call(() -> {
            Assessment a = access.assessment(assessmentId);
            onceForms.claim(once, "respondent");
            RespondentView v = assessments.addRespondent(a.id, role, name, email);
            onceForms.created(once, v.id());
            Respondent r = Respondent.findById(v.id());
            // AssessmentService audits the addition
            return letter(r, v.token());
        });
        return deliver(letter, "invitation");
    }

    /**
     * Makes a new personal link for a respondent: the old link stops working at once; the answers
     * and submission stay.
     *
     * @param assessmentId assessment id
     * @param respondentId respondent id
     * @param mail whether to mail the new link to the respondent's address
     * @return the respondent with the new link
     * @throws ProblemException 404 unknown respondent; 400 (field {@code mail}) when a mail is asked
     *     for and the respondent has no address (nothing changed)
     */
    public Sent reissue(long assessmentId, long respondentId, boolean mail) {
        Letter letter = QuarkusTransaction.requiringNew().call(() -> {
            Respondent r = respondent(assessmentId, respondentId);
            if (mail && r.email == null) {
                throw ProblemException.badField("mail", "respondent " + respondentId
                        + " has no e-mail address; re-issue the link without mailing it and pass it on yourself");
            }
            return renew(r, "Re-issued the personal link of " + describe(r) + "; the earlier link no longer works.");
        });
        return mail ? deliver(letter, "newLink") : new Sent(view(letter), null, null);
    }

    /**
     * Reminds every respondent with an e-mail address who has not submitted: each gets a new
     * link (the earlier one stops working), mailed with a reminder that says so.
     *
     * @param assessmentId assessment id
     * @return who was reminded and who could not be (no address)
     * @throws ProblemException 404 when the caller may not see the assessment
     */
    public Reminders remind(long assessmentId) {
        List<Long> withoutEmail = new ArrayList<>();
        List<Letter> letters = QuarkusTransaction.requiringNew().call(() -> {
            Assessment a = access.assessment(assessmentId);
            List<Letter> out = new ArrayList<>();
            for (Respondent r : Respondent.ofAssessment(a.id)) {
                if (r.submittedAt != null) {
                    continue;
                }
                if (r.email == null) {
                    withoutEmail.add(r.id);
                    continue;
                }
                out.add(renew(r, "Re-issued the personal link of " + describe(r)
                        + " for a reminder; the earlier link no longer works."));
            }
            return out;
        });
        List<Sent> sent = letters.stream().map(l -> deliver(l, "reminder")).toList();
        return new Reminders(sent, withoutEmail);
    }

    /**
     * @return the respondent of the assessment
     * @throws ProblemException 404 when the caller may not see the assessment or the respondent
     *     is not part of it
     */
    Respondent respondent(long assessmentId, long respondentId) {
        Assessment a = access.assessment(assessmentId);
        Respondent r = Respondent.findById(respondentId);
        if (r == null || !r.assessment.id.equals(a.id)) {
            throw ProblemException.notFound("Respondent " + respondentId + " of assessment " + assessmentId);
        }
        return r;
    }

    private Letter renew(Respondent r, String auditDetail) {
        String token = tokens.newToken();
        r.tokenHash = TokenGenerator.hash(token);
        audit.record("respondent.link_reissued", r.assessment.id, auditDetail);
        return letter(r, token);
    }

    private Letter letter(Respondent r, String token) {
        Assessment a = r.assessment;
        int minutes = SurveyService.estimatedMinutes(assessments.questionnaire(a), r.role);
        return new Letter(a.id, r.id, r.email, a.organisation.name, r.role, minutes, r.startedAt != null,
                config.publicUrl() + "/survey/" + token);
    }

    private Sent deliver(Letter letter, String kind) {
        if (letter.email() == null) {
            return new Sent(view(letter), null, null);
        }
        String consultancy = config.mail().consultancy();
        TemplateInstance body;
        String subject;
        String what;
        switch (kind) {
            case "invitation" -> {
                body = Templates.invitation(letter, consultancy);
                subject = letter.organisation() + ": your part in the DevOps assessment";
                what = "Invitation";
            }
            case "reminder" -> {
                body = Templates.reminder(letter, consultancy);
                subject = "Reminder: " + letter.organisation() + " DevOps assessment (new link)";
                what = "Reminder with a new link";
            }
            default -> {
                body = Templates.newLink(letter, consultancy);
                subject = letter.organisation() + ": a new link to your DevOps assessment survey";
                what = "New link";
            }
        }
        String error = null;
        try {
            mailer.send(Mail.withText(letter.email(), subject, body.render()));
        } catch (RuntimeException e) {
            LOG.warnf("Mail to respondent %d of assessment %d could not be sent: %s", letter.respondentId(),
                    letter.assessmentId(), e.getMessage());
            error = mailFailure(e);
        }
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> {
            Respondent r = Respondent.findById(letter.respondentId());
            if (failure == null) {
                r.lastMailedAt = clock.instant();
                audit.record("respondent.mailed", letter.assessmentId(), what + " mailed to " + letter.email()
                        + " for " + describe(r) + ".");
            } else {
                audit.record("respondent.mail_failed", letter.assessmentId(), what + " to " + letter.email()
                        + " for " + describe(r) + " was not sent: " + failure + ".");
            }
        });
        return new Sent(view(letter), failure == null ? letter.email() : null, failure);
    }

    /**
     * @return why a mail was not sent, in the consultant's words: whether the server could not be
     *     reached or refused the mail, with its reason and no Java class names
     */
    static String mailFailure(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException) {
                return "the mail server could not be reached (" + reason(t) + ")";
            }
        }
        return "the mail server did not accept the mail (" + reason(e) + ")";
    }

    private static String reason(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().replaceAll("(?:\\b[a-z]\\w*\\.)+[A-Z][\\w$]*: ", "")
                .strip();
        return message.isEmpty() ? "no reason given" : message;
    }

    private RespondentView view(Letter letter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Respondent r = Respondent.findById(letter.respondentId());
            String token = letter.link().substring(letter.link().lastIndexOf('/') + 1);
            return assessments.respondentView(r, assessments.questionnaire(r.assessment), token);
        });
    }

    static String describe(Respondent r) {
        return r.role.label() + " respondent " + r.id + (r.displayName == null ? "" : " (" + r.displayName + ")");
    }
}
