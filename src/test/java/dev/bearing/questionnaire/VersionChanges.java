package dev.bearing.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a newer questionnaire version changes in an older one, for the per-version tests. */
final class VersionChanges {

    private VersionChanges() {
    }

    /**
     * A respondent never has to type the name of a tool the catalog knew when a version was released;
     * a tool added since (a released version never changes) is typed under "Something else" and must
     * be found by its product name.
     *
     * @param version a released version
     * @param addedAfter the keys of the catalog's tools added after that version
     * @return one line per catalog tool that is not a choice of its layer's question (or, added after,
     *     is a choice or is not found by its name); empty when none
     */
    static List<String> catalogToolsNotChoices(Questionnaire version, java.util.Set<String> addedAfter) throws java.io.IOException {
        dev.bearing.evaluation.Catalog catalog = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readValue(java.nio.file.Path.of("rules/catalog.yaml").toFile(), dev.bearing.evaluation.Catalog.class);
        List<String> missing = new ArrayList<>();
        for (dev.bearing.evaluation.Catalog.Layer layer : catalog.layers()) {
            Question current = version.question("current." + layer.key()).orElseThrow();
            for (dev.bearing.evaluation.Catalog.Tool t : layer.tools()) {
                if (addedAfter.contains(t.key())) {
                    if (current.choice(t.key()).isPresent() || !catalog.match(t.name(), layer.key())
                            .map(dev.bearing.evaluation.Catalog.Tool::key).equals(java.util.Optional.of(t.key()))) {
                        missing.add(current.key() + " " + t.key() + " (added after v" + version.version()
                                + ": typed, and found by its name)");
                    }
                } else if (current.choice(t.key()).isEmpty()) {
                    missing.add(current.key() + " " + t.key());
                }
            }
        }
        return missing;
    }

    /**
     * Asserts that a new version validates, is the latest its registry has, and keeps the older
     * version's capabilities and sections.
     */
    static void assertValidSuccessor(QuestionnaireRegistry registry, Questionnaire older, Questionnaire newer) {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), QuestionnaireRegistry.validate(newer));
        org.junit.jupiter.api.Assertions.assertEquals(older.version() + 1, newer.version());
        org.junit.jupiter.api.Assertions.assertEquals(newer.version(), registry.latest(newer.key()).version());
        org.junit.jupiter.api.Assertions.assertEquals(older.capabilities(), newer.capabilities());
        org.junit.jupiter.api.Assertions.assertEquals(older.sections().stream().map(Questionnaire.Section::key).toList(),
                newer.sections().stream().map(Questionnaire.Section::key).toList());
    }

    /**
     * @param older the released version
     * @param newer the version after it
     * @param addedChoices per question key, the choice keys the newer version may add (unscored)
     * @return one line per older question that the newer version drops or asks differently, apart from
     *     the added choices, and per added choice that is missing or scored; empty when nothing changed
     */
    static List<String> problems(Questionnaire older, Questionnaire newer, Map<String, List<String>> addedChoices) {
        List<String> problems = new ArrayList<>();
        for (Question old : older.questions()) {
            Question now = newer.question(old.key()).orElse(null);
            if (now == null) {
                problems.add(old.key() + " is missing");
                continue;
            }
            List<String> added = addedChoices.getOrDefault(old.key(), List.of());
            List<Question.Choice> kept = now.choices() == null ? null
                    : now.choices().stream().filter(c -> !added.contains(c.key())).toList();
            Question withoutAdded = new Question(now.key(), now.capability(), now.dimension(), now.type(), now.text(),
                    now.help(), now.required(), now.roles(), now.notApplicable(), kept, now.scale(), now.number(),
                    now.maxLength(), now.catalogLayer(), now.catalogRole(), now.visibleWhen());
            if (!withoutAdded.equals(old)) {
                problems.add(old.key() + " changed");
            }
            for (String key : added) {
                Question.Choice c = now.choice(key).orElse(null);
                if (c == null || c.score() != null) {
                    problems.add(old.key() + " lacks unscored choice " + key);
                }
            }
        }
        return problems;
    }

    /** @return the keys of the questions the newer version adds, in questionnaire order */
    static List<String> newKeys(Questionnaire older, Questionnaire newer) {
        return newer.questions().stream().map(Question::key).filter(k -> older.question(k).isEmpty()).toList();
    }
}
