package dev.bearing.evaluation;

import dev.bearing.evaluation.EvaluationInput.RespondentAnswers;
import dev.bearing.evaluation.EvaluationResult.CapabilityResult;
import dev.bearing.evaluation.EvaluationResult.QuestionGap;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Dimension;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.Role;
import dev.bearing.questionnaire.Visibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Capability and dimension scores, 0..100. A respondent's capability score is the mean of
 * their scored, visible answers in it; a role's score the mean over its respondents; the
 * combined score the mean over the roles that answered (each role weighs the same however
 * many respondents it has, so alignment is not outvoted). A dimension score is the mean of its
 * capabilities' combined scores. The alignment gap of a capability is the largest difference
 * between two roles measured only on the questions both answered (so a role that answered one
 * question is not compared with one that answered five), defined when two roles share a question.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * @param input questionnaire and answers
     * @return one result per scored capability of the questionnaire, in questionnaire order
     */
    public static List<CapabilityResult> capabilities(EvaluationInput input) {
        return capabilities(input, visibleKeys(input));
    }

    /**
     * @param input questionnaire and answers
     * @return per respondent, in the input's order, the keys of the questions visible to them
     *     ({@link Visibility#visibleKeys}); computed once per evaluation and shared by the scoring and
     *     the facts handed to the rules
     */
    static List<Set<String>> visibleKeys(EvaluationInput input) {
        List<Set<String>> out = new ArrayList<>(input.respondents().size());
        for (RespondentAnswers r : input.respondents()) {
            out.add(Visibility.visibleKeys(input.questionnaire(), r.role(), r.answers()));
        }
        return out;
    }

    /**
     * @param input questionnaire and answers
     * @param visibleKeys per respondent, in the input's order, the questions visible to them ({@link #visibleKeys})
     * @return as {@link #capabilities(EvaluationInput)}
     */
    static List<CapabilityResult> capabilities(EvaluationInput input, List<Set<String>> visibleKeys) {
        Questionnaire q = input.questionnaire();
        // capability -> role -> per-respondent means
        Map<String, Map<Role, List<Double>>> perRespondent = new LinkedHashMap<>();
        // question -> role -> scores
        Map<String, Map<Role, List<Double>>> perQuestion = new LinkedHashMap<>();
        List<Question> questions = q.questions(); // built anew by each call: once here
        Map<String, List<Question>> byCapability = new java.util.HashMap<>();
        questions.forEach(qu -> byCapability.computeIfAbsent(qu.capability(), k -> new ArrayList<>()).add(qu));
        for (int ri = 0; ri < input.respondents().size(); ri++) {
            RespondentAnswers r = input.respondents().get(ri);
            Set<String> visible = visibleKeys.get(ri);
            Map<String, List<Double>> mine = new LinkedHashMap<>();
            for (Question qu : questions) {
                AnswerValue a = r.answers().get(qu.key());
                if (a == null || !visible.contains(qu.key())) {
                    continue;
                }
                Double s = a.score(qu);
                if (s == null) {
                    continue;
                }
                mine.computeIfAbsent(qu.capability(), k -> new ArrayList<>()).add(s);
                perQuestion.computeIfAbsent(qu.key(), k -> new EnumMap<>(Role.class))
                        .computeIfAbsent(r.role(), k -> new ArrayList<>()).add(s);
            }
            mine.forEach((cap, scores) -> perRespondent.computeIfAbsent(cap, k -> new EnumMap<>(Role.class))
                    .computeIfAbsent(r.role(), k -> new ArrayList<>()).add(mean(scores)));
        }
        List<CapabilityResult> out = new ArrayList<>();
        for (Questionnaire.Capability c : q.capabilities()) {
            if (c.dimension() == Dimension.CONTEXT) {
                continue;
            }
            Map<String, Double> byRole = new LinkedHashMap<>();
            perRespondent.getOrDefault(c.key(), Map.of())
                    .forEach((role, means) -> byRole.put(role.name(), round(mean(means))));
            Double combined = byRole.isEmpty() ? null : round(mean(new ArrayList<>(byRole.values())));
            // the gap compares two roles only on the questions both answered: per question the mean
            // of each role's respondents, then the mean over the shared questions
            Double gap = null;
            String high = null;
            String low = null;
            Integer shared = null;
            Double highScore = null;
            Double lowScore = null;
            List<Role> allRoles = List.of(Role.values());
            List<Question> ofCapability = byCapability.getOrDefault(c.key(), List.of());
            for (int i = 0; i < allRoles.size(); i++) {
                for (int j = i + 1; j < allRoles.size(); j++) {
                    Role a = allRoles.get(i);
                    Role b = allRoles.get(j);
                    List<Double> as = new ArrayList<>();
                    List<Double> bs = new ArrayList<>();
                    for (Question qu : ofCapability) {
                        Map<Role, List<Double>> byQ = perQuestion.get(qu.key());
                        if (byQ != null && byQ.containsKey(a) && byQ.containsKey(b)) {
                            as.add(mean(byQ.get(a)));
                            bs.add(mean(byQ.get(b)));
                        }
                    }
                    if (as.isEmpty()) {
                        continue;
                    }
                    double diff = round(Math.abs(mean(as) - mean(bs)));
                    if (gap == null || diff > gap) {
                        gap = diff;
                        boolean aHigher = mean(as) >= mean(bs);
                        high = (aHigher ? a : b).name();
                        low = (aHigher ? b : a).name();
                        shared = as.size();
                        highScore = round(Math.max(mean(as), mean(bs)));
                        lowScore = round(Math.min(mean(as), mean(bs)));
                    }
                }
            }
            List<QuestionGap> disagreements = new ArrayList<>();
            for (Question qu : ofCapability) {
                Map<Role, List<Double>> roles = perQuestion.get(qu.key());
                if (roles == null || roles.size() < 2) {
                    continue;
                }
                Map<String, Double> means = new LinkedHashMap<>();
                roles.forEach((role, scores) -> means.put(role.name(), round(mean(scores))));
                double spread = round(means.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)
                        - means.values().stream().mapToDouble(Double::doubleValue).min().orElse(0));
                if (spread > 0) {
                    disagreements.add(new QuestionGap(qu.key(), qu.text(), means, spread));
                }
            }
            disagreements.sort(Comparator.comparingDouble(QuestionGap::spread).reversed()
                    .thenComparing(QuestionGap::questionKey));
            out.add(new CapabilityResult(c.key(), c.name(), c.dimension().name(), combined, byRole, gap, high, low, highScore, lowScore, shared,
                    List.copyOf(disagreements.subList(0, Math.min(3, disagreements.size())))));
        }
        return out;
    }

    /**
     * @param capabilities capability results
     * @return mean combined score per dimension that has any score, 0..100
     */
    public static Map<String, Double> dimensions(List<CapabilityResult> capabilities) {
        Map<String, List<Double>> byDim = new LinkedHashMap<>();
        for (CapabilityResult c : capabilities) {
            if (c.combined() != null) {
                byDim.computeIfAbsent(c.dimension(), k -> new ArrayList<>()).add(c.combined());
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            if (byDim.containsKey(d.name())) {
                out.put(d.name(), round(mean(byDim.get(d.name()))));
            }
        }
        return out;
    }

    /**
     * Maturity index: the weighted mean of the dimension scores, weights renormalised over the
     * dimensions that have a score.
     *
     * @param dimensions dimension scores
     * @param weights weights by dimension name
     * @return 0..100, or 0 when nothing is scored
     */
    public static double maturityIndex(Map<String, Double> dimensions, Map<String, Double> weights) {
        double sum = 0;
        double weight = 0;
        for (var e : dimensions.entrySet()) {
            double w = weights.getOrDefault(e.getKey(), 0.0);
            sum += w * e.getValue();
            weight += w;
        }
        return weight == 0 ? 0 : round(sum / weight);
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** @return the value rounded to one decimal */
    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
