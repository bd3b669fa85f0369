package dev.bearing.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.questionnaire.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * One assessment as JSON, for export and for import on another Bearing: the organisation, the
 * questionnaire it is pinned to, the respondents with their answers, and every evaluation with its
 * full result. Survey links (tokens) are never part of it; an import makes new ones.
 *
 * @param format always {@value #FORMAT}
 * @param exportedAt when the export was made (ignored on import)
 * @param assessment the assessment
 * @param respondents respondents in the order they were added
 * @param evaluations evaluations, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssessmentExport(@NotNull(message = "is required: " + AssessmentExport.FORMAT) String format,
        Instant exportedAt, @Valid @NotNull(message = "is required") AssessmentPart assessment,
        @NotNull(message = "is required (may be empty)") List<@Valid @NotNull RespondentPart> respondents,
        @NotNull(message = "is required (may be empty)") List<@Valid @NotNull EvaluationPart> evaluations) {

    /** The format name and version this record is. */
    public static final String FORMAT = "bearing-assessment/1";

    /**
     * @param id id on the exporting instance (ignored on import)
     * @param organisation organisation name, 1..200 characters
     * @param questionnaireKey questionnaire key
     * @param questionnaireVersion questionnaire version
     * @param createdAt when the assessment was created (kept on import)
     */
    public record AssessmentPart(Long id, @NotBlank(message = "is required") @Size(max = 200) String organisation,
            @NotBlank(message = "is required") String questionnaireKey,
            @NotNull(message = "is required") Integer questionnaireVersion, @NotNull(message = "is required") Instant createdAt) {
    }

    /**
     * @param id id on the exporting instance (ignored on import)
     * @param role role
     * @param name name or job title, or null
     * @param email e-mail address, or null
     * @param status NOT_STARTED, IN_PROGRESS or SUBMITTED (derived from the times; ignored on import)
     * @param createdAt when added
     * @param startedAt first answer, or null
     * @param submittedAt submission, or null
     * @param reopenedAt last reopened by a consultant, or null
     * @param answers saved answers in questionnaire order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RespondentPart(Long id, @NotNull(message = "is required: BUSINESS, DEVELOPMENT or OPERATIONS") Role role,
            @Size(max = 200) String name,
            @jakarta.validation.constraints.Pattern(regexp = dev.bearing.assessment.AssessmentApi.EMAIL,
                    message = "must be an e-mail address") @Size(max = 320) String email,
            String status, @NotNull(message = "is required") Instant createdAt, Instant startedAt, Instant submittedAt,
            Instant reopenedAt, @NotNull(message = "is required (may be empty)") List<@Valid @NotNull AnswerPart> answers) {
    }

    /**
     * @param questionKey question key
     * @param value the answer in the API's shape (null when not applicable)
     * @param notApplicable true when answered "not applicable"
     * @param display the answer as a reader sees it (ignored on import)
     * @param updatedAt when last saved
     */
    public record AnswerPart(@NotBlank(message = "is required") String questionKey, JsonNode value,
            boolean notApplicable, String display, @NotNull(message = "is required") Instant updatedAt) {
    }

    /**
     * @param id id on the exporting instance (ignored on import)
     * @param evaluatedAt when it ran
     * @param ruleSetVersion the rule set it ran on
     * @param respondentsIncluded submitted respondents it included
     * @param result the full result
     */
    public record EvaluationPart(Long id, @NotNull(message = "is required") Instant evaluatedAt,
            @NotBlank(message = "is required") String ruleSetVersion, int respondentsIncluded,
            @NotNull(message = "is required") EvaluationResult result) {
    }
}
