package dev.bearing.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule engine itself: thread safety, disposed sessions, compile errors, versioning. */
class RuleEngineTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @BeforeAll
    static void load() {
        RuleScenarioTest.load();
    }

    /** 50 different assessments: every scenario, and variations of them. */
    static List<EvaluationInput> fiftyInputs() throws IOException {
        List<EvaluationInput> base = new ArrayList<>();
        try (Stream<Path> files = RuleScenarioTest.scenarios()) {
            for (Path p : files.toList()) {
                base.add(RuleScenarioTest.input(RuleScenarioTest.read(p)));
            }
        }
        List<EvaluationInput> out = new ArrayList<>();
        for (int i = 0; out.size() < 50; i++) {
            EvaluationInput in = base.get(i % base.size());
            // drop one respondent on alternate rounds so inputs differ beyond the scenarios
            if ((i / base.size()) % 2 == 1 && in.respondents().size() > 1) {
                in = new EvaluationInput(in.questionnaire(), in.respondents().subList(1, in.respondents().size()));
            }
            out.add(in);
        }
        return out;
    }

    @Test
    void eightThreadsGiveExactlyTheSingleThreadedResultsAndLeaveNoSessionOpen() throws Exception {
        RuleEngine engine = RuleScenarioTest.engine;
        List<EvaluationInput> inputs = fiftyInputs();
        List<String> expected = new ArrayList<>();
        for (EvaluationInput in : inputs) {
            expected.add(JSON.writeValueAsString(engine.evaluate(in)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> jobs = new ArrayList<>();
            for (EvaluationInput in : inputs) {
                jobs.add(() -> JSON.writeValueAsString(engine.evaluate(in)));
            }
            List<Future<String>> results = pool.invokeAll(jobs);
            for (int i = 0; i < inputs.size(); i++) {
                String got = results.get(i).get();
                if (!expected.get(i).equals(got)) {
                    int at = 0;
                    while (at < Math.min(got.length(), expected.get(i).length()) && got.charAt(at) == expected.get(i).charAt(at)) {
                        at++;
                    }
                    org.junit.jupiter.api.Assertions.fail("assessment " + i + " differs under concurrency at: "
                            + got.substring(Math.max(0, at - 200), Math.min(got.length(), at + 100)));
                }
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(0, engine.openSessions(), "every rule session is disposed");
        assertTrue(expected.stream().distinct().count() > 20, "the inputs really are different assessments");
    }

    @Test
    void ruleWithoutThenIsRejectedWithFileAndLine(@TempDir Path dir) throws IOException {
        copyRules(dir);
        Files.writeString(dir.resolve("broken.drl"), """
                package bearing.rules;
                import dev.bearing.evaluation.fact.*;

                rule "Missing consequence"
                when
                    MaturityPosition( index > 10 )
                end
                """);
        var e = assertThrows(RuleBase.RuleBaseException.class, () -> RuleBase.load(dir));
        assertTrue(e.getMessage().contains("broken.drl:"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*broken\\.drl:[1-9]\\d*:.*"), e.getMessage());
    }

    @Test
    void typeMismatchIsRejectedWithFileAndLine(@TempDir Path dir) throws IOException {
        copyRules(dir);
        Files.writeString(dir.resolve("mismatch.drl"), """
                package bearing.rules;
                import dev.bearing.evaluation.fact.*;

                rule "Capability name used as a number"
                when
                    $c : CapabilityScore( )
                then
                    int points = $c.getName();
                end
                """);
        var e = assertThrows(RuleBase.RuleBaseException.class, () -> RuleBase.load(dir));
        assertTrue(e.getMessage().matches("(?s).*mismatch\\.drl:[1-9]\\d*:.*"), e.getMessage());
    }

    @Test
    void aFailedReloadKeepsTheRulesInForceServing(@TempDir Path dir) throws IOException {
        copyRules(dir);
        RuleEngine engine = new RuleEngine(dir.toString());
        EvaluationInput known = fiftyInputs().get(0);
        String before = JSON.writeValueAsString(engine.evaluate(known));
        Files.writeString(dir.resolve("stage.drl"), "package bearing.rules;\nrule \"half\" when\n");
        assertThrows(RuleBase.RuleBaseException.class, engine::reload);
        assertEquals(before, JSON.writeValueAsString(engine.evaluate(known)));
    }

    @Test
    void ruleSetVersionIsAHashOfTheRulesFolder(@TempDir Path dir) throws IOException {
        copyRules(dir);
        String v1 = RuleBase.hash(dir);
        assertEquals(64, v1.length());
        assertEquals(v1, RuleBase.hash(dir), "stable for the same files");
        Files.writeString(dir.resolve("catalog.yaml"), Files.readString(dir.resolve("catalog.yaml")) + "\n# edited\n");
        assertNotEquals(v1, RuleBase.hash(dir));
        EvaluationResult r = RuleScenarioTest.engine.evaluate(fiftyInputs().get(0));
        assertEquals(RuleBase.hash(Path.of("rules")), r.ruleSetVersion(), "each evaluation records the version");
    }

    @Test
    void rulesReadFromTheCacheEvaluateAsTheCompiledOnes(@TempDir Path cache) throws IOException {
        RuleBase compiled = RuleBase.load(Path.of("rules"), cache);
        assertFalse(compiled.cached(), "an empty cache: compiled");
        RuleBase read = RuleBase.load(Path.of("rules"), cache);
        assertTrue(read.cached(), "the same rules again: read from the cache");
        assertEquals(compiled.version(), read.version());
        RuleEngine fromCompile = new RuleEngine(compiled);
        RuleEngine fromCache = new RuleEngine(read);
        for (EvaluationInput input : fiftyInputs()) {
            assertEquals(JSON.writeValueAsString(fromCompile.evaluate(input)), JSON.writeValueAsString(fromCache.evaluate(input)));
        }
    }

    @Test
    void editedRulesAreCompiledAgainAndReplaceTheCachedOnes(@TempDir Path dir, @TempDir Path cache) throws IOException {
        copyRules(dir);
        assertFalse(RuleBase.load(dir, cache).cached());
        Files.writeString(dir.resolve("stage.drl"), Files.readString(dir.resolve("stage.drl")).replace(
                "package bearing.rules;", "package bearing.rules;\nimport java.util.Map;"));
        RuleBase edited = RuleBase.load(dir, cache);
        assertFalse(edited.cached(), "a changed rule file is compiled, not read from the cache");
        assertEquals(RuleBase.hash(dir), edited.version());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(1, files.count(), "the cache keeps only the rules compiled last");
        }
        assertTrue(RuleBase.load(dir, cache).cached());
    }

    @Test
    void missingRulesFolderNamesTheSetting() {
        var e = assertThrows(RuleBase.RuleBaseException.class, () -> RuleBase.load(Path.of("no-such-rules")));
        assertTrue(e.getMessage().contains("bearing.rules.dir"), e.getMessage());
    }

    static void copyRules(Path target) throws IOException {
        Path rules = Path.of("rules");
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path p : files.filter(f -> !f.startsWith(rules.resolve("scenarios"))).toList()) {
                Path to = target.resolve(rules.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    @Test
    void rulesWhoseConclusionsWereWithdrawnAreNotAmongTheRulesBehindTheResult() throws IOException {
        // an AWS organisation: "not on AWS" may fire before the AWS constraint exists, depending on
        // the order the files compile; truth maintenance withdraws its conclusion, and the record
        // of rules behind the result must not keep it
        EvaluationInput aws = RuleScenarioTest.input(RuleScenarioTest.read(Path.of("rules/scenarios/02-aws-startup-small-team.yaml")));
        for (RuleEngine engine : List.of(RuleScenarioTest.engine, new RuleEngine("rules", files -> {
            List<Path> reversed = new java.util.ArrayList<>(files);
            java.util.Collections.reverse(reversed);
            return reversed;
        }))) {
            EvaluationResult r = engine.evaluate(aws);
            assertTrue(r.firedRules().contains("AWS organisation → AWS-managed services favoured, less where much of the estate stays in own data centres"), r.firedRules().toString());
            assertFalse(r.firedRules().contains("Organisation not on AWS → AWS-only services pushed down"),
                    engine.ruleBase().ruleFiles() + ": " + r.firedRules());
            assertTrue(r.stack().stream().flatMap(l -> java.util.stream.Stream.concat(
                    java.util.stream.Stream.ofNullable(l.primary()), l.alternatives().stream()))
                    .flatMap(t -> t.caveats().stream()).noneMatch(c -> c.contains("which you do not use today")
                            && c.contains("AWS")), "no 'not on AWS' caveat for an AWS organisation");
        }
    }
}
