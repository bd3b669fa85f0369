package dev.bearing.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bearing.questionnaire.Question;
import dev.bearing.questionnaire.Questionnaire;
import dev.bearing.questionnaire.QuestionnaireRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keys that must agree across the rule files, the catalog, the questionnaires and the scenarios:
 * a key a rule matches on but nothing produces never matches, silently. Each test lists every
 * key used where it does not exist.
 */
class ContentConsistencyTest {

    static Catalog catalog;
    static List<Questionnaire> questionnaires;
    static Questionnaire latest;
    static Map<String, String> drl;

    @BeforeAll
    static void load() throws IOException {
        catalog = new ObjectMapper(new YAMLFactory()).readValue(Path.of("rules/catalog.yaml").toFile(), Catalog.class);
        QuestionnaireRegistry registry = new QuestionnaireRegistry(
                List.of("devops-maturity-v1.yaml", "devops-maturity-v2.yaml", "devops-maturity-v3.yaml",
                "devops-maturity-v4.yaml"));
        questionnaires = registry.all();
        latest = registry.latest("devops-maturity");
        drl = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                drl.put(p.getFileName().toString(), Files.readString(p));
            }
        }
    }

    static Set<String> toolKeys() {
        return catalog.layers().stream().flatMap(l -> l.tools().stream()).map(Catalog.Tool::key)
                .collect(Collectors.toSet());
    }

    static Set<String> layerKeys() {
        return catalog.layers().stream().map(Catalog.Layer::key).collect(Collectors.toSet());
    }

    static Set<String> questionKeys() {
        return questionnaires.stream().flatMap(q -> q.questions().stream()).map(Question::key)
                .collect(Collectors.toSet());
    }

    static Set<String> choicesOf(String questionKey) {
        return questionnaires.stream().flatMap(q -> q.question(questionKey).stream())
                .flatMap(q -> q.choices() == null ? Stream.empty() : q.choices().stream()).map(Question.Choice::key)
                .collect(Collectors.toSet());
    }

    /** @return every quoted literal in the DRL matched by the pattern's group 1, split on commas */
    static List<String[]> literals(Pattern p) {
        List<String[]> out = new ArrayList<>();
        drl.forEach((file, text) -> {
            Matcher m = p.matcher(text);
            while (m.find()) {
                for (String lit : m.group(1).split(",")) {
                    String v = lit.strip().replace("\"", "");
                    if (!v.isEmpty()) {
                        out.add(new String[] {file, v});
                    }
                }
            }
        });
        return out;
    }

    @Test
    void everyQuestionAndChoiceTheRulesReadExists() {
        Set<String> missing = new TreeSet<>();
        Set<String> questions = questionKeys();
        // an AnswerFact pattern names its question first, then the choices it looks for
        for (var e : drl.entrySet()) {
            for (String pattern : e.getValue().split("AnswerFact\\(")) {
                Matcher q = Pattern.compile("^\\s*questionKey (?:==|in) (\\([^)]*\\)|\"[^\"]*\")").matcher(pattern);
                if (!q.find()) {
                    continue;
                }
                Set<String> keys = new HashSet<>();
                for (String k : q.group(1).replaceAll("[()\"]", "").split(",")) {
                    keys.add(k.strip());
                }
                keys.stream().filter(k -> !questions.contains(k)).forEach(k -> missing.add(e.getKey() + ": question " + k));
                String rest = pattern.substring(q.end(), endOfPattern(pattern, q.end()));
                Matcher c = Pattern.compile("choices contains \"([a-z0-9_]+)\"").matcher(rest);
                while (c.find()) {
                    String choice = c.group(1);
                    if (keys.stream().noneMatch(k -> choicesOf(k).contains(choice))) {
                        missing.add(e.getKey() + ": choice " + choice + " of " + keys);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "rules read questions or choices that no questionnaire has");
    }

    /** @return the index just after the closing parenthesis of the pattern that starts at 0 (one already open) */
    private static int endOfPattern(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    @Test
    void everyToolLayerCapabilityAndSkillTheRulesNameExists() {
        Set<String> missing = new TreeSet<>();
        Set<String> tools = toolKeys();
        Set<String> layers = layerKeys();
        Set<String> capabilities = latest.capabilities().stream().map(Questionnaire.Capability::key)
                .collect(Collectors.toSet());
        Set<String> skills = choicesOf("context.team_skills");
        literals(Pattern.compile("\\b(?:toolKey|key) (?:==|!=) (\"[^\"]*\")")).forEach(l -> check(missing, l, tools, "tool"));
        literals(Pattern.compile("\\b(?:toolKey|key) in \\(([^)]*)\\)")).forEach(l -> check(missing, l, tools, "tool"));
        literals(Pattern.compile("\\blayer (?:==|!=) (\"[^\"]*\")")).forEach(l -> check(missing, l, layers, "layer"));
        literals(Pattern.compile("\\blayer in \\(([^)]*)\\)")).forEach(l -> check(missing, l, layers, "layer"));
        literals(Pattern.compile("\\bcapability (?:==|!=) (\"[^\"]*\")")).forEach(l -> check(missing, l, capabilities, "capability"));
        literals(Pattern.compile("skills contains (\"[^\"]*\")")).forEach(l -> check(missing, l, skills, "skill"));
        assertEquals(Set.of(), missing, "rules name keys that the catalog or questionnaire lacks");
    }

    private static void check(Set<String> missing, String[] literal, Set<String> known, String what) {
        // finding and roadmap keys (which hold a dot) share the word "key" with tools; tool keys never do
        if (!known.contains(literal[1]) && !(what.equals("tool") && literal[1].contains("."))) {
            missing.add(literal[0] + ": " + what + " " + literal[1]);
        }
    }

    @Test
    void theCatalogAndTheLatestQuestionnaireAgree() {
        Set<String> missing = new TreeSet<>();
        Set<String> tools = toolKeys();
        Set<String> layers = layerKeys();
        Set<String> skills = choicesOf("context.team_skills");
        Set<String> notTools = Set.of("other", "none", "dont_know");
        for (Question q : latest.questions()) {
            if (q.catalogLayer() == null) {
                continue;
            }
            if (!layers.contains(q.catalogLayer())) {
                missing.add(q.key() + ": layer " + q.catalogLayer());
            }
            if (q.catalogRole() == Question.CatalogRole.CURRENT) {
                q.choices().stream().map(Question.Choice::key).filter(k -> !notTools.contains(k) && !tools.contains(k))
                        .forEach(k -> missing.add(q.key() + ": tool " + k));
            }
        }
        for (Catalog.Layer l : catalog.layers()) {
            if (latest.questions().stream().noneMatch(q -> l.key().equals(q.catalogLayer())
                    && q.catalogRole() == Question.CatalogRole.CURRENT)) {
                missing.add("layer " + l.key() + ": no question asks which tools are in use");
            }
            for (Catalog.Tool t : l.tools()) {
                t.dropInFor().stream().filter(k -> !tools.contains(k)).forEach(k -> missing.add(t.key() + ": dropInFor " + k));
                t.skills().stream().filter(k -> !skills.contains(k)).forEach(k -> missing.add(t.key() + ": skill " + k));
                l.dependsOn().stream().filter(k -> !layers.contains(k)).forEach(k -> missing.add(l.key() + ": dependsOn " + k));
            }
        }
        assertEquals(Set.of(), missing, "catalog and questionnaire disagree");
    }

    @Test
    void everyKeyAScenarioExpectsExists() throws IOException {
        Set<String> missing = new TreeSet<>();
        Set<String> tools = toolKeys();
        Set<String> layers = layerKeys();
        Set<String> stackKeys = new HashSet<>(layers);
        catalog.layers().forEach(l -> l.kinds().forEach(k -> stackKeys.add(l.key() + "/" + k.key())));
        String allRules = String.join("\n", drl.values());
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Path p : RuleScenarioTest.scenarios().toList()) {
            JsonNode expect = yaml.readTree(p.toFile()).path("expect");
            String at = p.getFileName() + ": ";
            for (String block : List.of("primary", "primaryAnyOf", "notPrimary", "inMenu", "excluded", "current")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = expect.path(block).fields(); it.hasNext();) {
                    var e = it.next();
                    if (!stackKeys.contains(e.getKey())) {
                        missing.add(at + block + " names stack entry " + e.getKey());
                    }
                    List<JsonNode> values = new ArrayList<>();
                    if (e.getValue().isArray()) {
                        e.getValue().forEach(values::add);
                    } else {
                        values.add(e.getValue());
                    }
                    for (JsonNode v : values) {
                        // "current" may hold a name typed under "Something else" that the catalog does not know
                        if (!tools.contains(v.asText()) && !block.equals("current")) {
                            missing.add(at + block + " names tool " + v.asText());
                        }
                    }
                }
            }
            for (String block : List.of("findings", "absentFindings", "roadmap", "absentRoadmap")) {
                for (JsonNode k : expect.path(block)) {
                    String key = k.asText();
                    boolean produced = allRules.contains("\"" + key + "\"")
                            || (key.startsWith("migrate.") && allRules.contains("\"migrate.\"")
                                    && tools.contains(key.substring("migrate.".length())));
                    if (!produced) {
                        missing.add(at + block + " names " + key + ", which no rule produces");
                    }
                }
            }
        }
        assertEquals(Set.of(), missing, "scenarios expect keys that do not exist");
    }
}
