package dev.bearing.provisioning.blueprint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blueprints beside the catalog: {@code rules/blueprints/index.yaml} and the CloudFormation
 * template each entry names, read once. The only source of "Bearing can provision this tool".
 *
 * @param version edition of the index
 * @param region region the cost estimates are priced in
 * @param currency ISO currency of the estimates
 * @param pricesAsOf date the published on-demand prices were last checked (YYYY-MM-DD)
 * @param sharedResources logical ids that are identical in every blueprint declaring them and
 *     appear once, unprefixed, in a composed template
 * @param notOffered results for which provisioning is not offered, with the reason
 * @param parameters label and value source of every template parameter, by name
 * @param blueprints the blueprints, in the order a composed template lists them
 * @param manualReasons why a tool is a manual step, by catalog tool key, where its catalog facts
 *     alone would not say it well
 */
public record BlueprintIndex(String version, String region, String currency, String pricesAsOf,
        List<String> sharedResources, List<NotOffered> notOffered, Map<String, ParameterInfo> parameters,
        List<Blueprint> blueprints, Map<String, String> manualReasons) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Provisioning is not offered when every rule in {@code whenFired} and none in
     * {@code unlessFired} stands in the result.
     *
     * @param whenFired rule names (from {@code rules/*.drl}) that must all stand
     * @param unlessFired rule names of which none may stand; may be null
     * @param reason the reason shown, in plain words
     */
    public record NotOffered(List<String> whenFired, List<String> unlessFired, String reason) {

        /** @return true when this condition holds for a result whose standing rules are given */
        boolean holds(List<String> firedRules) {
            return firedRules.containsAll(whenFired)
                    && (unlessFired == null || unlessFired.stream().noneMatch(firedRules::contains));
        }
    }

    /**
     * A template parameter's label and where its value comes from.
     *
     * @param label what it is, in plain words
     * @param from {@code assessment} (filled from the assessment), {@code suggest} (a starting
     *     value, {@link #value}) or {@code consultant} (left empty for the consultant)
     * @param value the suggested value when {@code from} is {@code suggest}
     */
    public record ParameterInfo(String label, String from, String value) {
    }

    /**
     * One parameter of a blueprint that another blueprint's resource supplies when both are in the
     * composed template.
     *
     * @param parameter parameter name in this blueprint
     * @param blueprint key of the blueprint that supplies it
     * @param resource logical id (in that blueprint) whose {@code Ref} is the value
     * @param condition condition of this blueprint that tests the parameter; always true once wired
     */
    public record Wire(String parameter, String blueprint, String resource, String condition) {
    }

    /**
     * A rough monthly cost.
     *
     * @param monthly whole currency units a month (an estimate)
     * @param lines how it is made up: sizes, hours and the pricing page of each price
     */
    public record Cost(int monthly, List<String> lines) {
    }

    /**
     * One blueprint.
     *
     * @param key blueprint key
     * @param file template file name in {@code rules/blueprints/}
     * @param prefix prefix of its logical ids in a composed template (letters only)
     * @param name what it is, in plain words
     * @param tools catalog tool keys it provisions
     * @param creates what it creates, one line per kind of resource
     * @param wires parameters supplied by other blueprints when composed with them; may be null
     * @param cost rough monthly cost
     */
    public record Blueprint(String key, String file, String prefix, String name, List<String> tools,
            List<String> creates, List<Wire> wires, Cost cost) {

        /** @return the wires, never null */
        public List<Wire> wiresOrNone() {
            return wires == null ? List.of() : wires;
        }
    }

    /** @return the blueprint that provisions a catalog tool, if any */
    public Optional<Blueprint> forTool(String toolKey) {
        return blueprints.stream().filter(b -> b.tools().contains(toolKey)).findFirst();
    }

    /** @return the blueprint with this key */
    public Optional<Blueprint> byKey(String key) {
        return blueprints.stream().filter(b -> b.key().equals(key)).findFirst();
    }

    /** @return the reason provisioning is not offered for a result whose standing rules are given, if any */
    public Optional<String> notOfferedReason(List<String> firedRules) {
        return notOffered.stream().filter(n -> n.holds(firedRules)).map(NotOffered::reason).findFirst();
    }

    /**
     * Reads the index and every template it names.
     *
     * @param rulesDir the rules folder ({@code rules/})
     * @return the index and the templates (file name to template text)
     * @throws UncheckedIOException when a file is missing or unreadable
     */
    public static Loaded load(Path rulesDir) {
        Path dir = rulesDir.resolve("blueprints");
        try {
            BlueprintIndex index = YAML.readValue(dir.resolve("index.yaml").toFile(), BlueprintIndex.class);
            Map<String, String> templates = new LinkedHashMap<>();
            for (Blueprint b : index.blueprints()) {
                templates.put(b.key(), Files.readString(dir.resolve(b.file())));
            }
            return new Loaded(index, templates);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the blueprints in " + dir.toAbsolutePath(), e);
        }
    }

    /**
     * The index with its templates.
     *
     * @param index the index
     * @param templates template text (YAML) by blueprint key
     */
    public record Loaded(BlueprintIndex index, Map<String, String> templates) {
    }
}
