package dev.bearing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bearing.evaluation.EvaluationInput;
import dev.bearing.evaluation.RuleEngine;
import dev.bearing.questionnaire.AnswerSheet;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import dev.bearing.questionnaire.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the full result of every rule scenario (and of the demo assessment) as JSON, one file per
 * scenario, so that two builds can be compared with {@code diff -r}: a change meant to make evaluation
 * faster must leave every result as it was. The rule set's hash ({@code ruleSetVersion}) is blanked,
 * as it changes with any edit of the rules folder. Each scenario is evaluated twice, the second time
 * after all the others (a pooled session that held other facts must give the same result), and the
 * two must agree.
 *
 * <pre>java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
 *   -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*:CLASSES' \
 *   dev.bearing.bench.ScenarioResults rules OUT_FOLDER</pre>
 *
 * Prints the number of results written; exits with 1 when a second evaluation differed.
 */
public final class ScenarioResults {

    private ScenarioResults() {
    }

    /**
     * @param args rules folder, output folder
     * @throws Exception when a scenario cannot be read or a result written
     */
    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        Path rules = Path.of(args.length > 0 ? args[0] : "rules");
        Path out = Path.of(args.length > 1 ? args[1] : "target/scenario-results-bench");
        Files.createDirectories(out);
        RuleEngine engine = new RuleEngine(rules.toString());
        QuestionnaireRegistry registry = new QuestionnaireRegistry(List.of("devops-maturity-v1.yaml",
                "devops-maturity-v2.yaml", "devops-maturity-v3.yaml", "devops-maturity-v4.yaml"));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        Map<String, EvaluationInput> inputs = new LinkedHashMap<>();
        try (var files = Files.list(rules.resolve("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode s = yaml.readTree(f.toFile());
                Questionnaire q = s.hasNonNull("questionnaireVersion")
                        ? registry.get("devops-maturity", s.get("questionnaireVersion").asInt())
                        : registry.latest("devops-maturity");
                inputs.put(f.getFileName().toString().replace(".yaml", ""), input(q, s.get("respondents"), false));
            }
        }
        inputs.put("demo", EvaluationTiming.demoInput());
        Map<String, String> first = new LinkedHashMap<>();
        for (var e : inputs.entrySet()) {
            first.put(e.getKey(), write(json, engine, e.getValue()));
        }
        int differ = 0;
        for (var e : inputs.entrySet()) {
            String again = write(json, engine, e.getValue());
            if (!again.equals(first.get(e.getKey()))) {
                System.out.println("second evaluation differs: " + e.getKey());
                differ++;
            }
            Files.writeString(out.resolve(e.getKey() + ".json"), first.get(e.getKey()));
        }
        System.out.println("results=" + inputs.size() + " differing_second_evaluations=" + differ);
        System.exit(differ == 0 ? 0 : 1);
    }

    private static String write(ObjectMapper json, RuleEngine engine, EvaluationInput input) throws Exception {
        ObjectNode tree = json.valueToTree(engine.evaluate(input));
        tree.put("ruleSetVersion", "-");
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
    }

    /** @return the respondents of a scenario (or of the demo, skipping those not submitted) as engine input */
    static EvaluationInput input(Questionnaire q, JsonNode respondents, boolean submittedOnly) {
        List<EvaluationInput.RespondentAnswers> rs = new ArrayList<>();
        long id = 1;
        for (JsonNode r : respondents) {
            if (submittedOnly && r.has("submitted") && !r.get("submitted").asBoolean()) {
                continue;
            }
            Role role = Role.valueOf(r.get("role").asText());
            Integer fill = r.hasNonNull("fill") ? r.get("fill").asInt() : null;
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            if (r.hasNonNull("answers")) {
                r.get("answers").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue()));
            }
            rs.add(new EvaluationInput.RespondentAnswers(id++, role, AnswerSheet.build(q, role, fill, answers)));
        }
        return new EvaluationInput(q, rs);
    }
}
