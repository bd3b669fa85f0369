package dev.bearing.provisioning.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * AWS's CloudFormation linter ({@code cfn-lint}, the Python tool) run on a template before any
 * AWS call, plus Bearing's own checks:
 * <ul>
 * <li>{@code BEARING-TAGS}: every taggable resource carries the tags {@code BearingAssessment} and
 * {@code BearingVersion} (a cfn-lint rule shipped with Bearing, {@code cfn-lint-rules/BearingTags.py},
 * that reads which types are taggable from cfn-lint's own resource schemas);</li>
 * <li>{@code BEARING-OUTPUTS}: every output has a description, which the run page shows beside its
 * value ({@code cfn-lint-rules/BearingOutputs.py});</li>
 * <li>{@code BEARING-SECRETS}: no literal secret in the template (a secret-named property or
 * container variable with a literal value, a secret-named parameter without {@code NoEcho}, a
 * {@code NoEcho} parameter with a default, an AWS access key id or a private key);</li>
 * <li>{@code BEARING-PARAMETERS} (with {@link #lint(String, Map)}): every parameter without a
 * default has a value, and each value fits the parameter ({@link ParameterCheck}: allowed values or
 * pattern, network ranges, subnet lists).</li>
 * </ul>
 * One cfn-lint process per call; the template goes to a temporary file that is deleted afterwards.
 * Nothing is cached.
 */
@ApplicationScoped
public class CfnLint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|passphrase|secret|token|api_?key|private_?key|access_?key|credential).*");
    /** Names that mention a secret but hold a reference or a setting, not the secret itself. */
    private static final Pattern REFERENCE_NAME = Pattern.compile(
            "(?i).*(arn|arns|id|ids|name|names|type|length|url|uri|path|prefix|version|ttl|seconds|from|template)$");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
    private static final String PRIVATE_KEY = "PRIVATE KEY-----";
    private static final String TAG_RULE = "E9101";
    private static final String OUTPUT_RULE = "E9102";
    /** Bearing's own cfn-lint rules, in {@code src/main/resources/cfn-lint-rules/}. */
    private static final List<String> RULE_FILES = List.of("BearingTags.py", "BearingOutputs.py");

    @Inject
    @ConfigProperty(name = "bearing.provisioning.cfn-lint")
    Optional<String> configuredPath;

    private volatile Path rulesDir;

    /** For tests outside CDI. */
    public CfnLint() {
        this.configuredPath = Optional.empty();
    }

    /**
     * One cfn-lint or Bearing check result.
     *
     * @param rule rule id (e.g. {@code E3002}, or {@code BEARING-TAGS})
     * @param level ERROR, WARNING or INFORMATIONAL
     * @param message the linter's message
     * @param location path in the template (resource / property), may be empty
     */
    public record Problem(String rule, String level, String message, String location) {
    }

    /**
     * Lints a template: cfn-lint plus Bearing's own checks (no hard-coded secrets, every
     * resource tagged). Parameter values are not checked here: see {@link #lint(String, Map)}.
     *
     * @param templateBody template (YAML or JSON)
     * @return problems found; none at ERROR level means the template may be sent to AWS
     * @throws IllegalStateException when cfn-lint is not installed (the message says how to get it)
     */
    public List<Problem> lint(String templateBody) {
        List<Problem> problems = new ArrayList<>(runCfnLint(templateBody));
        Map<String, Object> template = parse(templateBody);
        if (template != null) {
            problems.addAll(secretChecks(template));
        }
        return problems;
    }

    /**
     * Lints a template and the parameter values it is to be deployed with: {@link #lint(String)}
     * plus {@code BEARING-PARAMETERS} errors for every parameter without a default whose value is
     * missing or blank, and every value outside the parameter's {@code AllowedValues} or
     * {@code AllowedPattern}.
     *
     * @param templateBody template (YAML or JSON)
     * @param values parameter values by name; a null value counts as not supplied
     * @return problems found
     * @throws IllegalStateException when cfn-lint is not installed
     */
    public List<Problem> lint(String templateBody, Map<String, String> values) {
        List<Problem> problems = new ArrayList<>(lint(templateBody));
        Map<String, Object> template = parse(templateBody);
        if (template != null) {
            problems.addAll(parameterChecks(template, values));
        }
        return problems;
    }

    /** @return true when a list of problems holds no error */
    public static boolean passes(List<Problem> problems) {
        return problems.stream().noneMatch(p -> "ERROR".equals(p.level()));
    }

    // ---- cfn-lint ----

    /**
     * Lints several templates with one cfn-lint process (cfn-lint starts slowly: one run for many
     * templates is much faster than one run each), plus Bearing's secret checks on each.
     *
     * @param templateBodies templates (YAML or JSON)
     * @return problems per template, in the order given
     * @throws IllegalStateException when cfn-lint is not installed
     */
    public List<List<Problem>> lintAll(List<String> templateBodies) {
        List<List<Problem>> all = runCfnLint(templateBodies);
        for (int i = 0; i < templateBodies.size(); i++) {
            Map<String, Object> template = parse(templateBodies.get(i));
            if (template != null) {
                all.get(i).addAll(secretChecks(template));
            }
        }
        return all;
    }

    private List<Problem> runCfnLint(String templateBody) {
        return runCfnLint(List.of(templateBody)).get(0);
    }

    private List<List<Problem>> runCfnLint(List<String> templateBodies) {
        Path executable = executable();
        List<Path> files = new ArrayList<>();
        try {
            List<String> command = new ArrayList<>(List.of(executable.toString(), "--format", "json",
                    "--append-rules", rulesDir().toString(), "--"));
            Map<String, Integer> byFile = new java.util.HashMap<>();
            for (String body : templateBodies) {
                Path file = Files.createTempFile("bearing-template-", ".yaml");
                files.add(file);
                Files.writeString(file, body, StandardCharsets.UTF_8);
                command.add(file.toString());
                byFile.put(file.toString(), files.size() - 1);
            }
            Process p = new ProcessBuilder(command).start();
            byte[] out;
            byte[] err;
            try (InputStream o = p.getInputStream(); InputStream e = p.getErrorStream()) {
                out = o.readAllBytes();
                err = e.readAllBytes();
            }
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("cfn-lint did not finish within 5 minutes");
            }
            String stdout = new String(out, StandardCharsets.UTF_8).trim();
            if (!stdout.startsWith("[")) {
                throw new IllegalStateException("cfn-lint failed (exit " + p.exitValue() + "): "
                        + new String(err, StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElse("no message"));
            }
            List<List<Problem>> problems = new ArrayList<>();
            templateBodies.forEach(t -> problems.add(new ArrayList<>()));
            for (JsonNode m : JSON.readTree(stdout)) {
                String id = m.path("Rule").path("Id").asText();
                List<String> path = new ArrayList<>();
                m.path("Location").path("Path").forEach(n -> path.add(n.asText()));
                Integer index = byFile.get(m.path("Filename").asText());
                problems.get(index == null ? 0 : index).add(new Problem(ruleName(id),
                        m.path("Level").asText().toUpperCase(Locale.ROOT), m.path("Message").asText(),
                        String.join("/", path)));
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run cfn-lint at " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while cfn-lint ran", e);
        } finally {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the template holds no secret (the secret checks make sure)
                }
            }
        }
    }

    /**
     * @return the cfn-lint executable: the setting {@code bearing.provisioning.cfn-lint}
     *     ({@code BEARING_PROVISIONING_CFN_LINT}), else {@code cfn-lint} on the PATH
     * @throws IllegalStateException when neither exists, saying how to install or point to it
     */
    public Path executable() {
        if (configuredPath != null && configuredPath.isPresent() && !configuredPath.get().isBlank()) {
            Path p = Path.of(configuredPath.get());
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException("cfn-lint not found at " + p + " (setting bearing.provisioning.cfn-lint,"
                        + " BEARING_PROVISIONING_CFN_LINT): point it at the cfn-lint executable.");
            }
            return p;
        }
        return onPath().orElseThrow(() -> new IllegalStateException("cfn-lint, AWS's CloudFormation linter, is not"
                + " installed: install it (pip install cfn-lint) so that cfn-lint is on the PATH, or set"
                + " bearing.provisioning.cfn-lint (BEARING_PROVISIONING_CFN_LINT) to its path. Bearing lints every"
                + " template before any AWS call."));
    }

    /** @return cfn-lint on the PATH, if installed */
    public static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "cfn-lint");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @return Bearing's name for one of its own cfn-lint rules, or cfn-lint's id */
    private static String ruleName(String id) {
        return switch (id) {
            case TAG_RULE -> "BEARING-TAGS";
            case OUTPUT_RULE -> "BEARING-OUTPUTS";
            default -> id;
        };
    }

    private Path rulesDir() throws IOException {
        Path dir = rulesDir;
        if (dir == null) {
            dir = Files.createTempDirectory("bearing-cfn-lint-rules");
            dir.toFile().deleteOnExit();
            for (String rule : RULE_FILES) {
                try (InputStream in = CfnLint.class.getResourceAsStream("/cfn-lint-rules/" + rule)) {
                    if (in == null) {
                        throw new IllegalStateException("Bearing's cfn-lint rule " + rule + " is missing from the build");
                    }
                    Files.copy(in, dir.resolve(rule));
                }
                dir.resolve(rule).toFile().deleteOnExit();
            }
            rulesDir = dir;
        }
        return dir;
    }

    // ---- Bearing's checks ----

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) {
        try {
            Object o = YAML.readValue(body, Object.class);
            return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        } catch (IOException e) {
            return null; // cfn-lint reports why the template cannot be read
        }
    }

    @SuppressWarnings("unchecked")
    static List<Problem> secretChecks(Map<String, Object> template) {
        List<Problem> out = new ArrayList<>();
        Map<String, Object> params = TemplateMerge.section(template, "Parameters");
        params.forEach((name, def) -> {
            Map<String, Object> d = def instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            boolean noEcho = "true".equalsIgnoreCase(String.valueOf(d.get("NoEcho")));
            if (SECRET_NAME.matcher(name).matches() && !REFERENCE_NAME.matcher(name).matches() && !noEcho) {
                out.add(secret("Parameters/" + name, "Parameter " + name + " looks like a secret but is not NoEcho:"
                        + " CloudFormation would show its value."));
            }
            if (noEcho && d.get("Default") != null) {
                out.add(secret("Parameters/" + name, "Parameter " + name + " is NoEcho but has a default: the secret"
                        + " is written in the template."));
            }
        });
        TemplateMerge.section(template, "Resources").forEach((name, res) -> {
            if (res instanceof Map<?, ?> r) {
                walk(((Map<String, Object>) r).get("Properties"), "Resources/" + name + "/Properties", out);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, String at, List<Problem> out) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> m = (Map<String, Object>) raw;
            // a container variable: {Name: DB_PASSWORD, Value: "literal"}
            if (m.get("Name") instanceof String n && m.get("Value") instanceof String v && !v.isBlank()
                    && SECRET_NAME.matcher(n).matches() && !REFERENCE_NAME.matcher(n).matches() && !dynamic(v)) {
                out.add(secret(at, "Variable " + n + " has a literal value: take it from Secrets Manager"
                        + " (Secrets/ValueFrom or a dynamic reference) instead."));
            }
            m.forEach((k, v) -> {
                String here = at + "/" + k;
                if (v instanceof String s && !s.isBlank() && SECRET_NAME.matcher(k).matches()
                        && !REFERENCE_NAME.matcher(k).matches() && !dynamic(s)) {
                    out.add(secret(here, k + " has a literal value: generate it (GenerateSecretString), pass it"
                            + " as a NoEcho parameter or use a {{resolve:secretsmanager:…}} reference."));
                } else {
                    walk(v, here, out);
                }
            });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                walk(l.get(i), at + "/" + i, out);
            }
        } else if (node instanceof String s) {
            if (ACCESS_KEY_ID.matcher(s).find()) {
                out.add(secret(at, "An AWS access key id is written in the template."));
            }
            if (s.contains(PRIVATE_KEY)) {
                out.add(secret(at, "A private key is written in the template."));
            }
        }
    }

    private static boolean dynamic(String value) {
        return value.startsWith("{{resolve:secretsmanager:") || value.startsWith("{{resolve:ssm-secure:");
    }

    private static Problem secret(String at, String message) {
        return new Problem("BEARING-SECRETS", "ERROR", message, at);
    }

    @SuppressWarnings("unchecked")
    static List<Problem> parameterChecks(Map<String, Object> template, Map<String, String> values) {
        List<Problem> out = new ArrayList<>();
        Map<String, Object> params = TemplateMerge.section(template, "Parameters");
        for (Iterator<Map.Entry<String, Object>> it = params.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Object> e = it.next();
            Map<String, Object> d = e.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            String value = values == null ? null : values.get(e.getKey());
            String at = "Parameters/" + e.getKey();
            if (value == null || (value.isBlank() && !d.containsKey("Default"))) {
                if (!d.containsKey("Default")) {
                    out.add(new Problem("BEARING-PARAMETERS", "ERROR", "Parameter " + e.getKey()
                            + " has no default and no value was supplied.", at));
                }
                continue;
            }
        }
        for (ParameterCheck.Refusal r : ParameterCheck.check(template, values)) {
            out.add(new Problem("BEARING-PARAMETERS", "ERROR", "Parameter " + r.key() + ": " + r.message() + ".",
                    "Parameters/" + r.key()));
        }
        return out;
    }
}
