package dev.bearing.bench;

import dev.bearing.evaluation.EvaluationInput;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.RuleEngine;
import dev.bearing.evaluation.RuleScenarioTest;
import dev.bearing.questionnaire.AnswerValue;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.report.ReportData;
import dev.bearing.report.ReportRenderer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Warm, in-process timings: rule evaluation per assessment and PDF render per report. Not a
 * pass/fail test; it prints the figures and writes them to target/bench-results.md.
 * Run with {@code ./mvnw -Pbench verify}.
 */
@QuarkusTest
class EvaluationAndReportBenchmark {

    @Inject
    RuleEngine engine;

    @Inject
    ReportRenderer renderer;

    @Test
    void measure() throws IOException {
        RuleScenarioTest.load();
        List<EvaluationInput> inputs = new ArrayList<>();
        try (Stream<Path> files = RuleScenarioTest.scenarios()) {
            for (Path p : files.toList()) {
                inputs.add(RuleScenarioTest.input(RuleScenarioTest.read(p)));
            }
        }
        for (int i = 0; i < 300; i++) {
            engine.evaluate(inputs.get(i % inputs.size()));
        }
        int n = 2000;
        double[] evalMs = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            engine.evaluate(inputs.get(i % inputs.size()));
            evalMs[i] = (System.nanoTime() - t) / 1e6;
        }

        EvaluationInput in = inputs.get(0);
        EvaluationResult result = engine.evaluate(in);
        ReportData data = reportData(in, result);
        for (int i = 0; i < 10; i++) {
            renderer.render(data);
        }
        int m = 40;
        double[] pdfMs = new double[m];
        int bytes = 0;
        for (int i = 0; i < m; i++) {
            long t = System.nanoTime();
            bytes = renderer.render(data).length;
            pdfMs[i] = (System.nanoTime() - t) / 1e6;
        }
        String report = String.format("""
                # Bearing benchmark (%s)
                machine: %d cores, JVM %s, max heap %d MiB

                | what | runs | mean ms | p50 ms | p95 ms | max ms |
                | --- | --- | --- | --- | --- | --- |
                | rule evaluation per assessment (%d scenario inputs, warm) | %d | %.2f | %.2f | %.2f | %.2f |
                | PDF render per report (%d KiB, warm) | %d | %.1f | %.1f | %.1f | %.1f |
                """, Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), inputs.size(), n, mean(evalMs), pct(evalMs, 50),
                pct(evalMs, 95), pct(evalMs, 100), bytes / 1024, m, mean(pdfMs), pct(pdfMs, 50), pct(pdfMs, 95),
                pct(pdfMs, 100));
        System.out.println(report);
        Files.writeString(Path.of("target/bench-results.md"), report);
    }

    static ReportData reportData(EvaluationInput in, EvaluationResult result) {
        Questionnaire q = in.questionnaire();
        List<ReportData.RespondentAnswers> rs = new ArrayList<>();
        for (EvaluationInput.RespondentAnswers r : in.respondents()) {
            List<ReportData.AnsweredQuestion> rows = new ArrayList<>();
            for (Questionnaire.Section s : q.sections()) {
                for (Question qu : s.questions()) {
                    AnswerValue v = r.answers().get(qu.key());
                    if (v != null) {
                        rows.add(new ReportData.AnsweredQuestion(s.title(), qu.key(), qu.text(), v.display(qu)));
                    }
                }
            }
            rs.add(new ReportData.RespondentAnswers(r.role().label(), null, rows));
        }
        return new ReportData("Benchmark Org", 1, Instant.parse("2026-11-30T12:00:00Z"), result, rs);
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

}
