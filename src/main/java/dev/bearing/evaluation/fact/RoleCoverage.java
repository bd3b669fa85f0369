package dev.bearing.evaluation.fact;

import dev.bearing.questionnaire.Role;

/**
 * How many submitted respondents a role has.
 *
 * @param role role
 * @param respondents submitted respondents of that role
 */
public record RoleCoverage(Role role, int respondents) {
}
