package dev.bearing.assessment;

import jakarta.annotation.security.PermitAll;

import dev.bearing.assessment.AssessmentApi.AnswerView;
import dev.bearing.assessment.AssessmentApi.BulkAnswer;
import dev.bearing.assessment.AssessmentApi.PutAnswer;
import dev.bearing.assessment.AssessmentApi.PutAnswers;
import dev.bearing.assessment.AssessmentApi.SubmitResult;
import dev.bearing.common.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * A respondent's answers, reached by the respondent's secret token:
 * {@code /api/v1/respondents/{token}/answers} and {@code .../submit}.
 */
@Path("/api/v1/respondents/{token}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class RespondentResource {

    @Inject
    AnswerService answers;

    @Inject
    SurveyService survey;

    /** @return all saved answers in survey order; 404 unknown token */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Get a respondent's answers")
    @GET
    @Path("/answers")
    public List<AnswerView> all(@PathParam("token") String token) {
        return answers.answers(token);
    }

    /**
     * Saves one answer. 400 names the question when the value does not fit; 409 when stale or
     * after submit.
     */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Save one answer (send the version you read to change it)")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/answers/{questionKey}")
    public AnswerView put(@PathParam("token") String token, @PathParam("questionKey") String questionKey,
            @Valid @NotNull PutAnswer request) {
        return answers.save(token, List.of(new BulkAnswer(questionKey, request.value(), request.notApplicable(),
                request.version()))).get(0);
    }

    /** Saves many answers: all or none. Errors as for one answer, listing every question at fault. */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Save many answers at once: all or none")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/answers")
    public List<AnswerView> putMany(@PathParam("token") String token, @Valid @NotNull PutAnswers request) {
        return answers.save(token, request.answers());
    }

    /**
     * Removes an answer; {@code version} must be the stored one (409 otherwise). 200 with the
     * follow-up answers removed with it because the removal hides them.
     */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Clear an answer (and the follow-ups it hid)")
    @jakarta.ws.rs.DELETE
    @Path("/answers/{questionKey}")
    public AssessmentApi.Cleared delete(@PathParam("token") String token, @PathParam("questionKey") String questionKey,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "the stored answer's version",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, minimum = "0"))
            @jakarta.ws.rs.QueryParam("version") String version) {
        return new AssessmentApi.Cleared(questionKey, answers.delete(token, questionKey, answerVersion(version)));
    }

    /** @return the {@code version} parameter as a number, null when absent; 400 naming it when not a version */
    static Integer answerVersion(String version) {
        if (version == null) {
            return null;
        }
        if (!version.matches("0|[1-9][0-9]{0,8}")) {
            throw ProblemException.badField("version", "must be the stored answer's version, a whole number from 0 "
                    + "(GET …/answers lists it), was '" + version + "'");
        }
        return Integer.valueOf(version);
    }

    /** @return progress per section and overall (visible required questions answered); 404 unknown token */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Get a respondent's progress per section")
    @GET
    @Path("/progress")
    public SurveyService.Survey progress(@PathParam("token") String token) {
        return survey.survey(token);
    }

    /** Submits the survey; 422 lists every required question missing; a repeat returns the first time. */
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Submit the survey")
    @POST
    @Path("/submit")
    public SubmitResult submit(@PathParam("token") String token) {
        return answers.submit(token);
    }
}
