package dev.bearing.evaluation.fact;

/**
 * A tool a respondent typed under "Something else" that the catalog does not know. Kept so it is
 * seen in the result; rules cannot judge it.
 *
 * @param layer layer key of the question it was typed under
 * @param name the name as typed (first spelling seen)
 * @param satisfaction mean 1..5 of the satisfaction answers of those who typed only this tool in the
 *     layer, or null
 * @param mentions respondents who typed it
 * @param kind key of the layer's kind whose known names place it there (Robot Framework: {@code end_to_end},
 *     Locust: {@code load}), or null where no kind knows it (pytest, Great Expectations) or the layer lists no
 *     known names
 */
public record UnknownTool(String layer, String name, Double satisfaction, int mentions, String kind) {
}
