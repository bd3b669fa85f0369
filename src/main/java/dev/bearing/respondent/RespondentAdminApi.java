package dev.bearing.respondent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request records of the consultant's respondent API. */
public final class RespondentAdminApi {

    private RespondentAdminApi() {
    }

    /**
     * Re-issue a personal link.
     *
     * @param mail true to mail the new link to the respondent's address; default false (the link
     *     is only returned, once)
     */
    public record Reissue(Boolean mail) {
    }

    /**
     * Reopen a submitted survey.
     *
     * @param note why, 1..1000 characters (kept in the audit log)
     */
    public record Reopen(@NotBlank(message = "is required: say why the survey is reopened")
            @Size(max = 1000, message = "must be at most 1000 characters") String note) {
    }
}
