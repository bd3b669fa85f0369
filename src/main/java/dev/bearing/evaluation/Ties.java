package dev.bearing.evaluation;

import dev.bearing.common.UserText;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import java.util.ArrayList;
import java.util.List;

/**
 * How a tie is worded wherever Bearing shows one (the assessment page, the review page and the PDF,
 * and the decisions the rules hand to leadership), so that they all say the same: a tie is two or
 * more catalog tools scoring the same for one stack entry, which the client decides.
 */
public final class Ties {

    /** What every tie comes down to when nothing said separates the tied tools. */
    public static final String ANY_CRITERIA = "cost, your teams' skills and the support you need";

    private Ties() {
    }

    /**
     * @param l a stack entry
     * @return whether it is shown as a tie: a pick with tools that score the same, on an entry that is
     *     neither "not needed yet", nor a tool outside the catalog kept, nor without a pick
     */
    public static boolean shown(LayerRecommendation l) {
        return l.primary() != null && l.tiedWith() != null && !l.tiedWith().isEmpty() && !"NONE".equals(l.change())
                && !"LATER".equals(l.change()) && !"KEEP_UNLISTED".equals(l.change());
    }

    /** @return the tied tools, the pick first, e.g. ["Grafana k6", "Gatling"] */
    public static List<String> names(LayerRecommendation l) {
        List<String> names = new ArrayList<>();
        names.add(l.primary().name());
        names.addAll(l.tiedWith());
        return names;
    }

    /** @return the tie in a line, e.g. "Grafana k6 or Gatling — equal fit" */
    public static String line(List<String> names) {
        return alternatives(names) + " — equal fit";
    }

    /**
     * @param names the tied tools, the pick first
     * @return them as alternatives: "A or B", "A, B or C"; where a name has "and" in it (Prometheus and
     *     Grafana), the names without one come first and a comma closes the list before "or", so the
     *     "and" is read inside that name: "Amazon CloudWatch, or Prometheus and Grafana"
     */
    static String alternatives(List<String> names) {
        if (names.size() < 2 || names.stream().noneMatch(Ties::hasAnd)) {
            return UserText.either(names);
        }
        List<String> ordered = new ArrayList<>(names.stream().filter(n -> !hasAnd(n)).toList());
        ordered.addAll(names.stream().filter(Ties::hasAnd).toList());
        return String.join(", ", ordered.subList(0, ordered.size() - 1)) + ", or " + ordered.get(ordered.size() - 1);
    }

    private static boolean hasAnd(String name) {
        return (" " + name + " ").contains(" and ") || name.contains("&");
    }

    /**
     * @param what the entry as a decision names it (its kind, else its layer), e.g. "Load and performance tests"
     * @param names the tied tools, the pick first
     * @return the decision's title, e.g. "Load and performance tests: choose between Grafana k6 and Gatling";
     *     "…: choose among A, B or C" for more; "…: choose either Amazon CloudWatch, or Prometheus and Grafana"
     *     where a name has "and" in it, which "between … and …" would split
     */
    public static String decisionTitle(String what, List<String> names) {
        if (names.stream().anyMatch(Ties::hasAnd)) {
            return what + ": " + (names.size() == 2 ? "choose either " : "choose one of ") + alternatives(names);
        }
        return what + ": " + (names.size() == 2 ? "choose between " + names.get(0) + " and " + names.get(1)
                : "choose among " + UserText.either(names));
    }

    /**
     * @param criteria what to choose on, e.g. {@link #ANY_CRITERIA}
     * @return the decision's detail: "They fit equally well on what the survey shows; choose on …."
     */
    public static String decisionDetail(String criteria) {
        return "They fit equally well on what the survey shows; choose on " + criteria + ".";
    }
}
