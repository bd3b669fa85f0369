package dev.bearing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bearing.evaluation.EvaluationInput;
import dev.bearing.evaluation.RuleEngine;
import dev.bearing.questionnaire.AnswerSheet;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import dev.bearing.questionnaire.Role;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-process timing of one rule evaluation: the demo assessment's three submitted respondents
 * (business, development, operations; full questionnaire) evaluated by {@link RuleEngine} on the
 * rules folder, warm. Run on the packaged app's classpath by {@code bench/parts/50-evaluation}:
 *
 * <pre>java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*:CLASSES' dev.bearing.bench.EvaluationTiming rules 3000 10000</pre>
 *
 * Prints one line: {@code runs=N p50=… p95=… p99=… max=… cpu_p50=… cpu_p99=… alloc_kb_p50=…}
 * (milliseconds; the cpu figures are the evaluating thread's CPU time, which waiting for a core does
 * not inflate; alloc_kb_p50 the median KB the evaluating thread allocates per evaluation, which does
 * not depend on load at all), after the compile time.
 */
public final class EvaluationTiming {

    private EvaluationTiming() {
    }

    /**
     * @param args rules folder, warm-up evaluations, timed evaluations
     * @throws Exception when the demo file cannot be read
     */
    public static void main(String[] args) throws Exception {
        String rules = args.length > 0 ? args[0] : "rules";
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10000;
        // outside Quarkus nothing configures the log manager, whose default level lets Drools take
        // its trace-only paths (slow, and one of them fails); Quarkus runs it at INFO
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        long t0 = System.nanoTime();
        RuleEngine engine = new RuleEngine(rules);
        System.out.printf("compile_ms=%.0f%n", (System.nanoTime() - t0) / 1e6);
        EvaluationInput input = demoInput();
        for (int i = 0; i < warmup; i++) {
            engine.evaluate(input);
        }
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        double[] kb = new double[runs];
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        for (int i = 0; i < runs; i++) {
            long a = threads.getThreadAllocatedBytes(me);
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            engine.evaluate(input);
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            kb[i] = (threads.getThreadAllocatedBytes(me) - a) / 1024.0;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        Arrays.sort(kb);
        // wall-clock figures include waiting for a core on a busy machine; the thread's CPU time does not,
        // though a busy machine still inflates it (shared caches); the bytes allocated do not depend on load
        System.out.printf("runs=%d p50=%.3f p95=%.3f p99=%.3f max=%.3f cpu_p50=%.3f cpu_p99=%.3f alloc_kb_p50=%.0f%n", runs,
                pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1], pct(cpu, 50), pct(cpu, 99), pct(kb, 50));
    }

    /** @return the demo's submitted respondents (as DemoAssessment builds them) on the latest questionnaire */
    @SuppressWarnings("unchecked")
    static EvaluationInput demoInput() throws Exception {
        QuestionnaireRegistry registry = new QuestionnaireRegistry(List.of("devops-maturity-v1.yaml",
                "devops-maturity-v2.yaml", "devops-maturity-v3.yaml", "devops-maturity-v4.yaml"));
        Questionnaire q = registry.latest("devops-maturity");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode demo;
        try (InputStream in = EvaluationTiming.class.getClassLoader().getResourceAsStream("demo/demo-assessment.yaml")) {
            demo = yaml.readTree(in);
        }
        List<EvaluationInput.RespondentAnswers> rs = new ArrayList<>();
        long id = 1;
        for (JsonNode r : demo.get("respondents")) {
            if (r.has("submitted") && !r.get("submitted").asBoolean()) {
                continue;
            }
            Role role = Role.valueOf(r.get("role").asText());
            Integer fill = r.has("fill") ? r.get("fill").asInt() : null;
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            if (r.has("answers")) {
                r.get("answers").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue()));
            }
            rs.add(new EvaluationInput.RespondentAnswers(id++, role, AnswerSheet.build(q, role, fill, answers)));
        }
        return new EvaluationInput(q, rs);
    }

    static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
