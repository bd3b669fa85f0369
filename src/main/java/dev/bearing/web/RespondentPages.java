package dev.bearing.web;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.assessment.OnceForms;
import dev.bearing.common.BearingConfig;
import dev.bearing.assessment.AssessmentApi.AddRespondent;
import dev.bearing.common.ProblemException;
import dev.bearing.common.StorableText;
import dev.bearing.questionnaire.Role;
import dev.bearing.respondent.InvitationService;
import dev.bearing.respondent.InvitationService.Reminders;
import dev.bearing.respondent.InvitationService.Sent;
import dev.bearing.respondent.RespondentAnswersService;
import dev.bearing.respondent.RespondentAnswersService.AnswerSheetView;
import dev.bearing.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The consultant's pages about respondents: a respondent's answers read-only (saved answers,
 * submitted or not), reopening a submitted survey with a note, re-issuing a personal link and
 * sending reminders. Every POST ends in a 303; new links travel to the assessment page in
 * {@link NewLinks}, which shows them once.
 */
@Path("/assessments/{id}/respondents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class RespondentPages {

    @Inject
    InvitationService invitations;

    @Inject
    RespondentAnswersService answers;

    @Inject
    AssessmentPages assessmentPages;

    @Inject
    BearingConfig config;

    @Inject
    jakarta.validation.Validator validator;

    /** The add-a-respondent form's fields in order, name → label. */
    static final java.util.Map<String, String> RESPONDENT_FIELDS = AccountPages.labels("role", "Role", "name",
            "Name or job title", "email", "E-mail");

    /**
     * The page's wording where the API's would not help a consultant: the roles are a list to
     * choose from (not values to name), and an address may fail two rules (pattern, length) that
     * mean the same to them.
     */
    static final java.util.Map<String, String> ROLE_MESSAGE = java.util.Map.of("role",
            "Choose the respondent's role: business, development or operations.", "email",
            "The e-mail address is not one a mail can go to (e.g. name@example.com).");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance answers(AnswerSheetView sheet, String error, String note);
    }

    /** @return the respondent's answers by section, free text highlighted, with the reopen form */
    @GET
    @Path("{respondentId}")
    public TemplateInstance answers(@PathParam("id") String id, @PathParam("respondentId") String respondentId) {
        return Templates.answers(answers.answers(AssessmentResource.parseId(id), number(respondentId)), null, "");
    }

    /** Reopens the submitted survey; the answers page again with a message when the note is missing. */
    @POST
    @Path("{respondentId}/reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(@PathParam("id") String id, @PathParam("respondentId") String respondentId,
            @FormParam("note") String note) {
        long assessmentId = AssessmentResource.parseId(id);
        long rid = number(respondentId);
        try {
            answers.reopen(assessmentId, rid, note);
        } catch (ProblemException e) {
            if (e.status() == 400 || e.status() == 409) {
                String m = e.status() == 409 ? e.getMessage() : StorableText.hasNul(note) ? "Why (the note): " + e.errors().get(0).message() + "."
                        : "Write a short note saying why the survey is reopened (at most 1,000 characters); it goes to the audit log.";
                return Response.status(e.status() == 400 ? 422 : 409)
                        .entity(Templates.answers(answers.answers(assessmentId, rid), m, note == null ? "" : note)).build();
            }
            throw e;
        }
        return Redirects.seeOtherWith("/assessments/" + assessmentId + "/respondents/" + rid).build();
    }

    /**
     * Adds a respondent from the form and shows the assessment again (303); refused (the API's
     * rules), the page again, 422, naming every field at fault beside it, with what was typed.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRespondent(@PathParam("id") String id, @FormParam("role") String role,
            @FormParam("name") String name, @FormParam("email") String email, @FormParam("once") String once) {
        long assessmentId = AssessmentResource.parseId(id);
        Role r = null;
        try {
            r = Role.valueOf(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            // left null: the API's validation names the role as missing, with the other fields
        }
        String address = email == null ? "" : email.strip();
        String trimmedName = name == null ? null : name.strip();
        // the API's own rules (AssessmentApi.AddRespondent), every field at once
        FormErrors errors = FormErrors.of(validator.validate(new AddRespondent(r, trimmedName, address.isEmpty() ? null : address)),
                "respondent-", RESPONDENT_FIELDS, ROLE_MESSAGE);
        try {
            // refused as the API refuses it (StorableText), where storing would silently drop it
            StorableText.refuseNul(new AddRespondent(r, name, email));
        } catch (ProblemException e) {
            errors = FormErrors.of(e, "respondent-", RESPONDENT_FIELDS);
        }
        if (errors.any()) {
            return Response.status(422).entity(assessmentPages.page(assessmentId, errors, new AssessmentPages.RespondentForm(
                    role == null ? "" : role, name == null ? "" : name, email == null ? "" : email))).build();
        }
        InvitationService.Sent sent;
        try {
            sent = invitations.add(assessmentId, r, name, address.isEmpty() ? null : address, once);
        } catch (OnceForms.Resent e) {
            // the same form sent again (a double click, a resend): added once, by the first send
            return Redirects.seeOtherWith("/assessments/" + assessmentId + "?resent=" + AssessmentPages.RESENT
                    + "#notice").build();
        }
        return Redirects.seeOtherWith("/assessments/" + assessmentId + "#respondents")
                .cookie(NewLinks.cookies(assessmentId, List.of(sent), config.publicHttps())).build();
    }

    /** Makes a new personal link (mailed when {@code mail=true}); the assessment page shows it once. */
    @POST
    @Path("{respondentId}/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reissue(@PathParam("id") String id, @PathParam("respondentId") String respondentId,
            @FormParam("mail") String mail) {
        long assessmentId = AssessmentResource.parseId(id);
        Sent s;
        try {
            s = invitations.reissue(assessmentId, number(respondentId), "true".equals(mail));
        } catch (ProblemException e) {
            if (e.status() == 400) {
                return Response.status(422).entity(assessmentPages.page(assessmentId,
                        "This respondent has no e-mail address: make a new link without mailing it and pass it on yourself.")).build();
            }
            throw e;
        }
        return Redirects.seeOtherWith("/assessments/" + assessmentId + "#respondents")
                .cookie(NewLinks.cookies(assessmentId, List.of(s), config.publicHttps())).build();
    }

    /** Mails reminders with new links to every unfinished respondent with an address. */
    @POST
    @Path("reminders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remind(@PathParam("id") String id) {
        long assessmentId = AssessmentResource.parseId(id);
        Reminders r = invitations.remind(assessmentId);
        if (r.reminded().isEmpty()) {
            return Redirects.seeOtherWith("/assessments/" + assessmentId + "?reminded="
                    + (r.withoutEmail().isEmpty() ? AssessmentPages.ALL_FINISHED : AssessmentPages.NO_ADDRESS) + "#respondents")
                    .build();
        }
        return Redirects.seeOtherWith("/assessments/" + assessmentId + "#respondents")
                .cookie(NewLinks.cookies(assessmentId, r.reminded(), config.publicHttps())).build();
    }

    /** Unknown ids and refused requests: an error page naming what was wrong, nothing internal. */
    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(AssessmentPages.Templates.error(e.status(), e.title(), e.getMessage())).build();
    }

    private static long number(String id) {
        try {
            long v = Long.parseLong(id);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through: such a respondent cannot exist
        }
        throw ProblemException.notFound("Respondent " + id);
    }
}
