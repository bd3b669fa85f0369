package dev.bearing.evaluation;

import dev.bearing.evaluation.EvaluationInput.RespondentAnswers;
import dev.bearing.questionnaire.AnswerValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the respondents' DORA answers into the inputs of DORA's Quick Check benchmarks and
 * compares them with the client's industry and organisation size ({@link DoraBenchmark}).
 */
final class PeerAnswers {

    /** Edition of DORA's benchmark data used for peer comparisons. */
    static final int EDITION = 2025;

    /** Quick Check option index 1..6 per choice key of the frequency and time questions. */
    private static final Map<String, Map<String, Double>> OPTIONS = Map.of(
            "dora.deployment_frequency", Map.of("fewer_than_once_per_six_months", 1.0, "monthly_to_biannually", 2.0,
                    "weekly_to_monthly", 3.0, "daily_to_weekly", 4.0, "hourly_to_daily", 5.0, "on_demand", 6.0),
            "dora.lead_time", times(),
            "dora.recovery_time", times());

    /** Quick Check metric key per question key. */
    private static final Map<String, String> METRIC = Map.of("dora.deployment_frequency", "deployfreq",
            "dora.lead_time", "leadtime", "dora.recovery_time", "failurerecovery",
            "dora.change_fail_rate", "changefailure", "dora.rework_rate", "rework");

    /** Middle of each percentage band, in per cent. */
    private static final Map<String, Double> PERCENT = Map.of("pct_0_5", 2.5, "pct_6_10", 8.0, "pct_11_15", 13.0,
            "pct_16_30", 23.0, "pct_31_45", 38.0, "pct_over_45", 60.0);

    private PeerAnswers() {
    }

    private static Map<String, Double> times() {
        return Map.of("more_than_six_months", 1.0, "one_to_six_months", 2.0, "one_week_to_one_month", 3.0,
                "one_day_to_one_week", 4.0, "less_than_one_day", 5.0, "less_than_one_hour", 6.0);
    }

    /**
     * @param benchmark DORA's benchmark data
     * @param input the respondents' answers
     * @return the comparison with the industry and size the respondents named most often (DORA's
     *     "all" group when unanswered), per metric from the lower median of the answers; null when
     *     no delivery metric was answered
     */
    static PeerComparison compare(DoraBenchmark benchmark, EvaluationInput input) {
        Map<String, List<Double>> values = new TreeMap<>();
        Map<String, Integer> industries = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (RespondentAnswers r : input.respondents()) {
            r.answers().forEach((key, a) -> {
                String choice = single(a);
                if (choice == null) {
                    return;
                }
                if (key.equals("context.industry")) {
                    industries.merge(choice, 1, Integer::sum);
                } else if (key.equals("context.organisation_size") && !choice.equals("dont_know")) {
                    sizes.merge(choice, 1, Integer::sum);
                } else if (METRIC.containsKey(key)) {
                    Double v = OPTIONS.containsKey(key) ? OPTIONS.get(key).get(choice) : PERCENT.get(choice);
                    if (v != null) {
                        values.computeIfAbsent(METRIC.get(key), k -> new ArrayList<>()).add(v);
                    }
                }
            });
        }
        if (values.isEmpty()) {
            return null;
        }
        Map<String, Double> answers = new TreeMap<>();
        values.forEach((metric, vs) -> {
            List<Double> sorted = vs.stream().sorted().toList();
            // lower median: the more cautious of two middle answers (a higher percentage is worse)
            double lower = sorted.get((sorted.size() - 1) / 2);
            double upper = sorted.get(sorted.size() / 2);
            boolean percent = metric.equals("changefailure") || metric.equals("rework");
            answers.put(metric, percent ? upper : lower);
        });
        return benchmark.compare(EDITION, most(industries), most(sizes), answers);
    }

    private static String single(AnswerValue a) {
        return a.choices() == null || a.choices().size() != 1 ? null : a.choices().get(0);
    }

    private static String most(Map<String, Integer> counts) {
        // most named; on a tie the first key alphabetically, so the result is stable
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).findFirst().orElse("all");
    }
}
