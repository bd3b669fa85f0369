package dev.bearing.respondent;

import dev.bearing.assessment.AssessmentApi.AddRespondent;
import dev.bearing.assessment.AssessmentApi.RespondentView;
import dev.bearing.assessment.AssessmentResource;
import dev.bearing.assessment.AssessmentService;
import dev.bearing.common.BearingConfig;
import dev.bearing.common.ProblemException;
import dev.bearing.respondent.InvitationService.Reminders;
import dev.bearing.respondent.InvitationService.Sent;
import dev.bearing.respondent.RespondentAdminApi.Reissue;
import dev.bearing.respondent.RespondentAdminApi.Reopen;
import dev.bearing.respondent.RespondentAnswersService.AnswerSheetView;
import dev.bearing.assessment.AccessControl;
import dev.bearing.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An assessment's respondents, as the consultant manages them:
 * {@code /api/v1/assessments/{id}/respondents}. Adding (with an invitation mail when an address
 * is given), listing, re-issuing a link, reminders, reading answers and reopening.
 */
@Path("/api/v1/assessments/{id}/respondents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class ConsultantRespondentResource {

    @Inject
    InvitationService invitations;

    @Inject
    RespondentAnswersService answers;

    @Inject
    AssessmentService assessments;

    @Inject
    AccessControl access;

    @Inject
    BearingConfig config;

    /**
     * Adds a respondent; 201 with the secret token and survey link (returned this once) and, when
     * an e-mail address was given, {@code mailedTo} or {@code mailError}.
     */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Add a respondent (returns the secret survey link once; mails the invitation when an e-mail address is given)")
    @POST
    public Response add(@PathParam("id") String id, @Valid @NotNull AddRespondent request) {
        Sent s = invitations.add(AssessmentResource.parseId(id), request.role(), request.name(), request.email());
        return Response.created(URI.create(config.publicUrl() + "/api/v1/respondents/" + s.respondent().token() + "/answers"))
                .entity(s).build();
    }

    /** @return the assessment's respondents with progress (no links: they are shown only once) */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "List an assessment's respondents with progress")
    @GET
    public List<RespondentView> list(@PathParam("id") String id) {
        return assessments.respondents(AssessmentResource.parseId(id));
    }

    /** New personal link (the old one stops working; answers are kept); mailed when asked. */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Re-issue a respondent's personal link (returned once; optionally mailed)")
    @POST
    @Path("/{respondentId}/link")
    public Sent reissue(@PathParam("id") String id, @PathParam("respondentId") String respondentId, Reissue request) {
        return invitations.reissue(AssessmentResource.parseId(id), respondentNumber(respondentId),
                request != null && Boolean.TRUE.equals(request.mail()));
    }

    /** Reminds every unfinished respondent with an e-mail address, each with a new link. */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Mail a reminder, with a new link that replaces the earlier one, to every respondent with an e-mail address who has not submitted")
    @POST
    @Path("/reminders")
    public Reminders remind(@PathParam("id") String id) {
        return invitations.remind(AssessmentResource.parseId(id));
    }

    /** @return the respondent's saved answers by section, submitted or not */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Read a respondent's answers (read-only, including unsubmitted answers)")
    @GET
    @Path("/{respondentId}/answers")
    public AnswerSheetView answers(@PathParam("id") String id, @PathParam("respondentId") String respondentId) {
        return answers.answers(AssessmentResource.parseId(id), respondentNumber(respondentId));
    }

    /** Reopens a submitted survey with a note; 409 when not submitted. */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Reopen a submitted survey (audited with the note)")
    @POST
    @Path("/{respondentId}/reopen")
    public RespondentView reopen(@PathParam("id") String id, @PathParam("respondentId") String respondentId,
            @Valid @NotNull Reopen request) {
        return answers.reopen(AssessmentResource.parseId(id), respondentNumber(respondentId), request.note());
    }

    /**
     * @return the respondent id as a number
     * @throws ProblemException 404 when it is not a positive number
     */
    static long respondentNumber(String id) {
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
