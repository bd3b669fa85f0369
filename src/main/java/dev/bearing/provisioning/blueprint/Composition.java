package dev.bearing.provisioning.blueprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.provisioning.blueprint.BlueprintIndex.Blueprint;
import dev.bearing.provisioning.blueprint.BlueprintIndex.ParameterInfo;
import dev.bearing.provisioning.blueprint.BlueprintIndex.Wire;
import dev.bearing.provisioning.blueprint.ComposedStack.BlueprintRef;
import dev.bearing.provisioning.blueprint.ComposedStack.CostEstimate;
import dev.bearing.provisioning.blueprint.ComposedStack.CostLine;
import dev.bearing.provisioning.blueprint.ComposedStack.ManualStep;
import dev.bearing.provisioning.blueprint.ComposedStack.TemplateParameter;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pure part of composing: an approved result (plus the organisation's name and the version's
 * numbers) and the blueprint index in, a {@link ComposedStack} out. No database, no clock.
 */
public final class Composition {

    private static final ObjectMapper YAML_READ = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper YAML_WRITE = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    /** Git hosts AWS CodeConnections connects to without a host resource, by catalog tool key. */
    private static final Map<String, String> GIT_PROVIDERS = Map.of(
            "github", "GitHub", "gitlab", "GitLab", "bitbucket_cloud", "Bitbucket");

    private final BlueprintIndex.Loaded blueprints;

    /** @param blueprints the index and templates of {@code rules/blueprints/} */
    public Composition(BlueprintIndex.Loaded blueprints) {
        this.blueprints = blueprints;
    }

    /**
     * Composes an approved result.
     *
     * @param result the approved version's result (overrides applied)
     * @param organisation the organisation's name, for tags and resource names
     * @param assessmentId the assessment's id
     * @param versionNumber the approved version's number
     * @return the composed stack; not offered when the result's constraints exclude AWS or no
     *     tool of the stack has a blueprint
     */
    public ComposedStack compose(EvaluationResult result, String organisation, long assessmentId, int versionNumber) {
        BlueprintIndex index = blueprints.index();
        List<String> fired = result.firedRules() == null ? List.of() : result.firedRules();
        var excluded = index.notOfferedReason(fired);
        if (excluded.isPresent()) {
            return notOffered(excluded.get());
        }
        Set<String> picked = new LinkedHashSet<>();
        List<ManualStep> manual = new ArrayList<>();
        for (LayerRecommendation l : result.stack()) {
            if (l.primary() == null || "LATER".equals(l.change()) || "NONE".equals(l.change())) {
                continue;
            }
            String name = l.primary().name();
            if ("KEEP_UNLISTED".equals(l.change())) {
                String current = l.current().stream().map(EvaluationResult.CurrentToolResult::name)
                        .collect(Collectors.joining(", "));
                manual.add(new ManualStep(l.key(), null, current,
                        current + " stays as it is (Bearing's catalog does not know it): nothing to create."));
                continue;
            }
            if ("KEEP".equals(l.change())) {
                manual.add(new ManualStep(l.key(), l.primary().key(), name,
                        "Already in use and kept: Bearing creates nothing for it."));
                continue;
            }
            var blueprint = index.forTool(l.primary().key());
            if (blueprint.isPresent()) {
                picked.add(blueprint.get().key());
            } else {
                manual.add(new ManualStep(l.key(), l.primary().key(), name, manualReason(l.primary())));
            }
        }
        List<Blueprint> chosen = index.blueprints().stream().filter(b -> picked.contains(b.key())).toList();
        if (chosen.isEmpty()) {
            return notOffered("No tool that the approved stack adds or replaces has a Bearing blueprint for AWS,"
                    + " so there is nothing to provision.");
        }

        Set<String> chosenKeys = chosen.stream().map(Blueprint::key).collect(Collectors.toSet());
        TemplateMerge merge = new TemplateMerge(new HashSet<>(index.sharedResources()));
        Map<String, Map<String, Object>> parsed = new LinkedHashMap<>();
        for (Blueprint b : chosen) {
            Map<String, Object> template = parse(blueprints.templates().get(b.key()));
            parsed.put(b.key(), template);
            Map<String, String> wiredParameters = new LinkedHashMap<>();
            Set<String> wiredConditions = new HashSet<>();
            for (Wire w : b.wiresOrNone()) {
                if (chosenKeys.contains(w.blueprint())) {
                    String supplierPrefix = index.byKey(w.blueprint()).orElseThrow().prefix();
                    wiredParameters.put(w.parameter(), index.sharedResources().contains(w.resource())
                            ? w.resource() : supplierPrefix + w.resource());
                    wiredConditions.add(w.condition());
                }
            }
            merge.add(b.prefix(), template, wiredParameters, wiredConditions);
        }
        String description = "Bearing: the approved stack of " + organisation + " (assessment " + assessmentId
                + ", version " + versionNumber + "): " + chosen.stream().map(Blueprint::name)
                        .collect(Collectors.joining("; ")) + ".";
        Map<String, Object> template = merge.template(description.length() > 1000
                ? description.substring(0, 1000) : description);

        List<TemplateParameter> parameters = new ArrayList<>();
        Map<String, Object> params = TemplateMerge.section(template, "Parameters");
        for (Map.Entry<String, Object> p : params.entrySet()) {
            parameters.add(parameter(p.getKey(), asMap(p.getValue()), result, organisation, assessmentId,
                    versionNumber));
        }
        List<BlueprintRef> refs = new ArrayList<>();
        List<CostLine> costs = new ArrayList<>();
        for (Blueprint b : chosen) {
            List<String> tools = b.tools().stream().filter(t -> result.stack().stream()
                    .anyMatch(l -> l.primary() != null && t.equals(l.primary().key()))).toList();
            refs.add(new BlueprintRef(b.key(), String.join(",", tools), b.name(), b.creates()));
            costs.add(new CostLine(b.key(), b.cost().monthly(), b.cost().lines()));
        }
        double total = costs.stream().mapToDouble(CostLine::monthly).sum();
        return new ComposedStack(true, null, write(template), parameters, refs, manual,
                new CostEstimate(index.currency(), total, index.region(), index.pricesAsOf(), costs));
    }

    private TemplateParameter parameter(String key, Map<String, Object> definition, EvaluationResult result,
            String organisation, long assessmentId, int versionNumber) {
        ParameterInfo info = blueprints.index().parameters().get(key);
        String label = info != null ? info.label() : String.valueOf(definition.getOrDefault("Description", key));
        boolean noEcho = "true".equalsIgnoreCase(String.valueOf(definition.get("NoEcho")));
        String value = switch (key) {
            case "BearingAssessment" -> tagValue(organisation + " assessment " + assessmentId);
            case "BearingVersion" -> String.valueOf(versionNumber);
            case "NamePrefix" -> namePrefix(organisation);
            case "GitProvider" -> gitProvider(result);
            default -> {
                if (info != null && "suggest".equals(info.from())) {
                    yield info.value();
                }
                if (info != null && "consultant".equals(info.from())) {
                    yield null;
                }
                Object d = definition.get("Default");
                yield d == null ? null : String.valueOf(d);
            }
        };
        return new TemplateParameter(key, label, value, noEcho);
    }

    private String manualReason(EvaluationResult.ToolOption tool) {
        String specific = blueprints.index().manualReasons().get(tool.key());
        if (specific != null) {
            return specific;
        }
        List<String> hosting = tool.hosting() == null ? List.of() : tool.hosting();
        if (hosting.contains("AWS_MANAGED")) {
            return tool.name() + " is an AWS service, but Bearing has no blueprint for it yet: set it up in the console"
                    + " or with your own template.";
        }
        if (hosting.contains("SAAS") && !hosting.contains("SELF_HOSTED")) {
            return tool.name() + " is a hosted service from " + tool.vendor()
                    + ": you subscribe to it, and nothing of it runs in your AWS account.";
        }
        if (hosting.contains("SAAS")) {
            return tool.name() + " is offered as a hosted service from " + tool.vendor() + " or to run on your own"
                    + " servers; Bearing has no blueprint for it, so it is set up by hand.";
        }
        return tool.name() + " can run on servers in AWS, but Bearing has no blueprint for it yet: install it by hand"
                + " or with your own template.";
    }

    private static String gitProvider(EvaluationResult result) {
        return result.stack().stream().filter(l -> "source_control".equals(l.layer()) && l.primary() != null)
                .map(l -> GIT_PROVIDERS.get(l.primary().key())).filter(p -> p != null).findFirst().orElse(null);
    }

    /**
     * @return a lower-case prefix for AWS resource names from the organisation's name: letters,
     *     digits and single hyphens, starting with a letter, at most 20 characters (fits S3, ECR,
     *     ECS, SNS and IAM naming rules once suffixes are added); {@code bearing} when nothing is left
     */
    static String namePrefix(String organisation) {
        String ascii = Normalizer.normalize(organisation == null ? "" : organisation, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
        if (slug.length() > 20) {
            slug = slug.substring(0, 20).replaceAll("-+$", "");
        }
        return slug.length() < 2 ? "bearing" : slug;
    }

    /** @return text safe as an AWS tag value (letters, digits, spaces and {@code _.:/=+-@}), at most 256 characters */
    static String tagValue(String text) {
        String safe = text.replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]", " ").replaceAll("\\s+", " ").trim();
        return safe.length() > 256 ? safe.substring(0, 256).trim() : safe;
    }

    private static ComposedStack notOffered(String reason) {
        return new ComposedStack(false, reason, null, List.of(), List.of(), List.of(), null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yaml) {
        try {
            return YAML_READ.readValue(yaml, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A blueprint is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    static String write(Map<String, Object> template) {
        try {
            return YAML_WRITE.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
