package dev.bearing.evaluation.fact;

/**
 * A catalog tool the client uses today, named by at least one respondent as a choice or typed
 * under "Something else".
 *
 * @param layer layer key of the tool in the catalog
 * @param toolKey catalog tool key
 * @param satisfaction mean 1..5 of the satisfaction answers of those who named it and no other tool
 *     in its layer (a layer's rating cannot be pinned on one of several tools), or null
 * @param mentions respondents who named it
 */
public record CurrentTool(String layer, String toolKey, Double satisfaction, int mentions) {
}
