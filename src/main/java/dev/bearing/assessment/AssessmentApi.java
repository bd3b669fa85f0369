package dev.bearing.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bearing.questionnaire.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request and response records of the assessment API. */
public final class AssessmentApi {

    private AssessmentApi() {
    }

    /**
     * What Bearing accepts as an e-mail address: one {@code @}, no spaces, control characters or
     * address-list punctuation (so a value can never add a recipient or a mail header), and a
     * domain with a dot.
     */
    public static final String EMAIL = "[^\\s\\p{Cntrl}@<>(),;:\"\\[\\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+";

    /**
     * Create an assessment.
     *
     * @param organisation organisation name, 1..200 characters
     * @param questionnaireKey questionnaire key; default {@code devops-maturity}
     * @param questionnaireVersion version; default the newest
     * @param previousAssessmentId the organisation's previous assessment (the last milestone); default
     *     the newest earlier assessment of an organisation of the same name (case and spaces aside)
     * @param linkPrevious false for an organisation's first assessment (no link); default true
     */
    public record CreateAssessment(@NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String organisation, String questionnaireKey,
            @Positive Integer questionnaireVersion, @Positive Long previousAssessmentId, Boolean linkPrevious) {
    }

    /**
     * An assessment with its respondents' progress.
     *
     * @param id assessment id
     * @param organisation organisation name
     * @param questionnaireKey pinned questionnaire key
     * @param questionnaireVersion pinned questionnaire version
     * @param createdAt creation time (UTC)
     * @param respondents respondents in the order added
     * @param latestEvaluationAt time of the latest evaluation, or null
     * @param previousAssessmentId the organisation's previous assessment (the last milestone), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AssessmentView(long id, String organisation, String questionnaireKey, int questionnaireVersion,
            Instant createdAt, List<RespondentView> respondents, Instant latestEvaluationAt, Long previousAssessmentId) {

        /** @return how many respondents have submitted */
        public long submittedCount() {
            return respondents.stream().filter(r -> r.submittedAt() != null).count();
        }

        /** @return how many respondents submitted after the given time (an evaluation's), 0 for null */
        public long submittedSince(Instant time) {
            return time == null ? 0 : respondents.stream()
                    .filter(r -> r.submittedAt() != null && r.submittedAt().isAfter(time)).count();
        }
    }

    /**
     * Add a respondent.
     *
     * @param role BUSINESS, DEVELOPMENT or OPERATIONS
     * @param name optional name or job title, up to 200 characters
     * @param email optional e-mail address; when given, the invitation with the personal link is
     *     mailed to it at once
     */
    public record AddRespondent(@NotNull(message = "is required: BUSINESS, DEVELOPMENT or OPERATIONS") Role role,
            @Size(max = 200, message = "must be at most 200 characters") String name,
            @jakarta.validation.constraints.Pattern(regexp = EMAIL, message = "must be an e-mail address, e.g. name@example.com")
            @Size(max = 320, message = "must be at most 320 characters") String email) {
    }

    /**
     * A respondent and their progress.
     *
     * @param id respondent id
     * @param role role
     * @param name name or job title, may be null
     * @param token secret token of the personal survey link
     * @param surveyUrl the personal survey link
     * @param answered answers saved
     * @param requiredVisible required questions visible to this respondent now
     * @param requiredAnswered of those, how many are answered
     * @param startedAt first answer, or null
     * @param submittedAt submission time, or null
     * @param email e-mail address for invitations and reminders, or null
     * @param lastMailedAt when an invitation or reminder was last mailed, or null
     * @param reopenedAt when a consultant last reopened the submitted survey, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RespondentView(long id, Role role, String name, String token, String surveyUrl, int answered,
            int requiredVisible, int requiredAnswered, Instant startedAt, Instant submittedAt, String email,
            Instant lastMailedAt, Instant reopenedAt) {

        /** @return true when submitted */
        public boolean submitted() {
            return submittedAt != null;
        }
    }

    /**
     * Save one answer.
     *
     * @param value the answer value (shape by question type, see {@link dev.bearing.questionnaire.QuestionType})
     * @param notApplicable true to answer "not applicable" where the question allows it
     * @param version the version of the stored answer this edit is based on; omit for a first answer
     */
    public record PutAnswer(JsonNode value, Boolean notApplicable, Integer version) {
    }

    /**
     * One answer within a bulk save.
     *
     * @param questionKey question key
     * @param value answer value
     * @param notApplicable true for "not applicable"
     * @param version version the edit is based on; omit for a first answer
     */
    public record BulkAnswer(@NotBlank String questionKey, JsonNode value, Boolean notApplicable, Integer version) {
    }

    /**
     * Save many answers at once: all are saved or none.
     *
     * @param answers the answers, at least one
     */
    public record PutAnswers(@NotEmpty List<@Valid @NotNull BulkAnswer> answers) {
    }

    /**
     * A stored answer.
     *
     * @param questionKey question key
     * @param value answer value (null when not applicable)
     * @param notApplicable true when answered "not applicable"
     * @param display the answer as a reader sees it, e.g. choice labels
     * @param version current version; send it back with the next edit
     * @param updatedAt last save (UTC)
     * @param clearedFollowUps on a save: keys of follow-up questions whose stored answers were
     *     removed in the same transaction because this answer now hides them; empty otherwise
     */
    public record AnswerView(String questionKey, JsonNode value, boolean notApplicable, String display, int version,
            Instant updatedAt, List<String> clearedFollowUps) {
    }

    /**
     * The result of clearing an answer.
     *
     * @param questionKey the cleared question
     * @param clearedFollowUps keys of follow-up questions whose stored answers were removed with
     *     it because its removal hides them
     */
    public record Cleared(String questionKey, List<String> clearedFollowUps) {
    }

    /**
     * Result of a submit.
     *
     * @param submittedAt the (first) submission time
     * @param alreadySubmitted true when this request repeated an earlier submit
     */
    public record SubmitResult(Instant submittedAt, boolean alreadySubmitted) {
    }
}
