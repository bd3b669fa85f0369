package dev.bearing.assessment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bearing.questionnaire.Role;
import java.time.Instant;
import java.util.List;

/** Response records of the dashboard: {@code GET /api/v1/assessments} and the {@code /} page. */
public final class DashboardApi {

    private DashboardApi() {
    }

    /**
     * One page of the dashboard.
     *
     * @param items the assessments on this page, in the order asked for
     * @param page this page's number, from 1
     * @param size the page size asked for
     * @param totalItems assessments matching the filter, on all pages; when more than
     *     {@link DashboardService#COUNT_CAP} match, that cap (then {@code totalExact} is false)
     * @param totalExact whether totalItems is the exact count (false: "more than totalItems")
     * @param totalPages pages of that size (0 when nothing matches); when the count is not exact,
     *     the pages known to exist: at least the cap's pages, and the next page when there is one
     * @param status the status filter as given: a status, {@code archived}, or "" for every assessment not archived
     * @param organisation the organisation filter, or null
     * @param sort the order, e.g. {@code -activity}
     */
    public record DashboardPage(List<DashboardRow> items, int page, int size, long totalItems, boolean totalExact,
            int totalPages,
            String status, String organisation, String sort) {

        /** @return whether a later page exists */
        @JsonIgnore
        public boolean hasNext() {
            return page < totalPages;
        }

        /** @return whether an earlier page exists */
        @JsonIgnore
        public boolean hasPrevious() {
            return page > 1;
        }
    }

    /**
     * One assessment on the dashboard.
     *
     * @param id assessment id
     * @param organisation organisation name
     * @param status where it stands
     * @param statusLabel the status in words, e.g. "In progress"
     * @param progress respondents by role (roles without respondents left out), business first
     * @param stage the adoption stage of the latest evaluation, or null before one
     * @param createdAt when it was created
     * @param lastActivityAt latest of: created, an answer saved, a survey submitted, an evaluation, a review edit, an approval
     * @param archivedAt when it was archived, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DashboardRow(long id, String organisation, DashboardStatus status, String statusLabel,
            List<RoleProgress> progress, Stage stage, Instant createdAt, Instant lastActivityAt, Instant archivedAt) {
    }

    /**
     * Respondents of one role.
     *
     * @param role the role
     * @param respondents respondents added in this role
     * @param started of those, how many have saved an answer or submitted
     * @param submitted of those, how many have submitted
     */
    public record RoleProgress(Role role, int respondents, int started, int submitted) {

        /** @return e.g. "Business 1/2 submitted", with ", 1 answering" when someone has started but not submitted */
        @JsonIgnore
        public String words() {
            return role.label() + " " + submitted + "/" + respondents + " submitted"
                    + (started > submitted ? ", " + (started - submitted) + " answering" : "");
        }
    }

    /**
     * An adoption stage.
     *
     * @param quarter 1..4, 1 the least mature
     * @param phase {@code EARLY} or {@code LATE}
     * @param name the quarter's name, e.g. Adopting
     * @param label e.g. "Adopting, late phase (Q2)"
     */
    public record Stage(int quarter, String phase, String name, String label) {
    }
}
