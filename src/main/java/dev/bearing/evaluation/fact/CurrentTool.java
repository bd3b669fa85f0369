package dev.bearing.evaluation.fact;

/**
 * A catalog tool the client uses today, named by at least one respondent as a choice or typed
 * under "Something else".
 *
 * @param layer layer key of the tool in the catalog
 * @param toolKey catalog tool key
 * @param satisfaction mean 1..5 of the satisfaction answers of those who named it alone in its layer,
 *     or named several and rated the layer 3.5 or more (a low rating of several tools does not say
 *     which one they dislike), or null
 * @param mentions respondents who named it
 */
public record CurrentTool(String layer, String toolKey, Double satisfaction, int mentions) {
}
