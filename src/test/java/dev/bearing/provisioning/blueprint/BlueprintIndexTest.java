package dev.bearing.provisioning.blueprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bearing.provisioning.blueprint.BlueprintIndex.Blueprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The blueprint index agrees with the rest of the content: its tools are catalog tools, the rules
 * it names exist, a parameter name means one thing in every blueprint, shared resources are
 * identical, no blueprint uses a retired service, and names derived from an organisation fit AWS.
 */
class BlueprintIndexTest {

    static final BlueprintIndex.Loaded BLUEPRINTS = BlueprintIndex.load(Path.of("rules"));

    @Test
    void everyToolIsACatalogToolAndEveryRuleNamedExists() throws Exception {
        JsonNode catalog = new ObjectMapper(new YAMLFactory()).readTree(Path.of("rules/catalog.yaml").toFile());
        Set<String> tools = new HashSet<>();
        catalog.path("layers").forEach(l -> l.path("tools").forEach(t -> tools.add(t.path("key").asText())));
        for (Blueprint b : BLUEPRINTS.index().blueprints()) {
            for (String t : b.tools()) {
                assertTrue(tools.contains(t), b.key() + ": " + t + " is not in the catalog");
            }
        }
        BLUEPRINTS.index().manualReasons().keySet().forEach(t -> assertTrue(tools.contains(t), t + " is not in the catalog"));
        StringBuilder drl = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                drl.append(Files.readString(f));
            }
        }
        for (BlueprintIndex.NotOffered n : BLUEPRINTS.index().notOffered()) {
            Stream.concat(n.whenFired().stream(), n.unlessFired() == null ? Stream.empty() : n.unlessFired().stream())
                    .forEach(rule -> assertTrue(drl.indexOf("rule \"" + rule + "\"") >= 0, "no rule named " + rule));
        }
    }

    @Test
    void aParameterNameMeansOneThingAndSharedResourcesAreIdentical() {
        Map<String, Object> params = new HashMap<>();
        Map<String, Object> shared = new HashMap<>();
        for (Blueprint b : BLUEPRINTS.index().blueprints()) {
            Map<String, Object> t = Composition.parse(BLUEPRINTS.templates().get(b.key()));
            Map<String, Object> p = TemplateMerge.section(t, "Parameters");
            assertTrue(p.containsKey("BearingAssessment") && p.containsKey("BearingVersion"), b.key() + " lacks the tag parameters");
            p.forEach((k, v) -> {
                Object before = params.putIfAbsent(k, v);
                assertTrue(before == null || before.equals(v), "parameter " + k + " differs in " + b.key());
                assertTrue(BLUEPRINTS.index().parameters().containsKey(k), "parameter " + k + " has no label in the index");
            });
            TemplateMerge.section(t, "Resources").forEach((k, v) -> {
                if (BLUEPRINTS.index().sharedResources().contains(k)) {
                    Object before = shared.putIfAbsent(k, v);
                    assertTrue(before == null || before.equals(v), "shared resource " + k + " differs in " + b.key());
                }
            });
            assertTrue(b.cost().monthly() > 0 && !b.cost().lines().isEmpty(), b.key() + " has no cost estimate");
        }
    }

    @Test
    void noBlueprintUsesARetiredService() {
        for (Map.Entry<String, String> t : BLUEPRINTS.templates().entrySet()) {
            for (String retired : List.of("AWS::OpsWorks", "AWS::CodeStar::", "AWS::CodeStarConnections::",
                    "AWS::Proton", "AWS::Cloud9", "AWS::CodeGuru")) {
                assertFalse(t.getValue().contains(retired), t.getKey() + " uses " + retired);
            }
        }
    }

    @Test
    void namesDerivedFromTheOrganisationFitAwsNamingRules() {
        assertEquals("northwind-logistics", Composition.namePrefix("Northwind Logistics (demo)"));
        assertEquals("zurcher-kantonalbank", Composition.namePrefix("Zürcher Kantonalbank AG & Co"));
        assertEquals("bearing", Composition.namePrefix("株式会社"));
        assertEquals("m-acme", Composition.namePrefix("3M / ACME"));
        assertTrue(Composition.namePrefix("A very long organisation name indeed, with more").matches("^[a-z][a-z0-9-]{1,19}$"));
        assertEquals("Northwind Logistics demo assessment 3", Composition.tagValue("Northwind Logistics (demo) assessment 3"));
    }
}
