package dev.bearing.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same rules must give the same result whatever order Drools compiles the rule files in:
 * every derived fact is inserted logically, so conclusions whose conditions stop holding are
 * withdrawn. Every scenario's full result is compared under reversed and shuffled orders.
 */
class RuleOrderIndependenceTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @BeforeAll
    static void load() {
        RuleScenarioTest.load();
    }

    @Test
    void everyScenarioGivesTheSameResultWhateverTheRuleFileOrder() throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path p : RuleScenarioTest.scenarios().toList()) {
            scenarios.add(RuleScenarioTest.read(p));
            names.add(p.getFileName().toString());
        }
        List<String> expected = results(RuleScenarioTest.engine, scenarios);
        List<UnaryOperator<List<Path>>> orders = new ArrayList<>();
        orders.add(files -> {
            List<Path> reversed = new ArrayList<>(files);
            Collections.reverse(reversed);
            return reversed;
        });
        for (long seed : new long[] {1, 7, 42}) {
            orders.add(files -> {
                List<Path> shuffled = new ArrayList<>(files);
                Collections.shuffle(shuffled, new Random(seed));
                return shuffled;
            });
        }
        for (UnaryOperator<List<Path>> order : orders) {
            RuleEngine engine = new RuleEngine("rules", order);
            List<String> actual = results(engine, scenarios);
            for (int i = 0; i < scenarios.size(); i++) {
                if (!expected.get(i).equals(actual.get(i))) {
                    String[] a = expected.get(i).split("\n");
                    String[] b = actual.get(i).split("\n");
                    int line = 0;
                    while (line < Math.min(a.length, b.length) && a[line].equals(b[line])) {
                        line++;
                    }
                    Path dir = Path.of("target/order-independence");
                    java.nio.file.Files.createDirectories(dir);
                    java.nio.file.Files.writeString(dir.resolve(names.get(i) + ".expected.json"), expected.get(i));
                    java.nio.file.Files.writeString(dir.resolve(names.get(i) + ".actual.json"), actual.get(i));
                    assertEquals(line < a.length ? a[line] : "", line < b.length ? b[line] : "", names.get(i)
                            + ": result changed at line " + (line + 1) + " with rule files compiled as "
                            + engine.ruleBase().ruleFiles() + " (both results in " + dir + ")");
                }
            }
        }
    }

    private static List<String> results(RuleEngine engine, List<Scenario> scenarios) throws Exception {
        List<String> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            out.add(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(engine.evaluate(RuleScenarioTest.input(s))));
        }
        return out;
    }
}
