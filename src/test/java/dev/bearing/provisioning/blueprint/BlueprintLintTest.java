package dev.bearing.provisioning.blueprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.evaluation.EvaluationResult;
import dev.bearing.evaluation.EvaluationResult.LayerRecommendation;
import dev.bearing.evaluation.RuleScenarioTest;
import dev.bearing.evaluation.Scenario;
import dev.bearing.provisioning.blueprint.BlueprintIndex.Blueprint;
import dev.bearing.provisioning.blueprint.CfnLint.Problem;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every blueprint alone, and the composed template of every rule scenario that gets an offer, pass
 * AWS's cfn-lint with no error and Bearing's own checks; Bearing's checks catch a literal secret,
 * an untagged bucket and an unsupplied parameter. Runs the real cfn-lint: skipped where it is not
 * installed, failed in CI ({@code CI} set) if it is missing.
 */
class BlueprintLintTest {

    static final BlueprintIndex.Loaded BLUEPRINTS = BlueprintIndex.load(Path.of("rules"));
    static final Composition COMPOSITION = new Composition(BLUEPRINTS);
    static final CfnLint LINT = new CfnLint();

    /** Values a consultant would type for the parameters Bearing cannot fill (shapes AWS accepts). */
    static final Map<String, String> CONSULTANT = Map.of(
            "VpcId", "vpc-0123456789abcdef0",
            "PublicSubnetIds", "subnet-0123456789abcdef0,subnet-0123456789abcdef1",
            "PrivateSubnetIds", "subnet-0123456789abcdef2,subnet-0123456789abcdef3",
            "CertificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
            "AllowedCidr", "10.20.0.0/16",
            "RepositoryId", "northwind/shop",
            "AlertEmail", "platform-alerts@example.com",
            "GrafanaAuthentication", "AWS_SSO",
            "GitProvider", "GitHub");

    @BeforeAll
    static void cfnLintInstalled() {
        boolean present = CfnLint.onPath().isPresent();
        if (!present && System.getenv("CI") != null) {
            Assertions.fail("CI must provide cfn-lint on the PATH (see .ci/run)");
        }
        Assumptions.assumeTrue(present, "cfn-lint is not installed; blueprint lint tests skipped");
        RuleScenarioTest.load();
    }

    @Test
    void everyBlueprintAlonePassesCfnLintAndBearingsChecks() {
        List<Blueprint> blueprints = BLUEPRINTS.index().blueprints();
        List<List<Problem>> linted = LINT.lintAll(blueprints.stream().map(b -> BLUEPRINTS.templates().get(b.key())).toList());
        for (int i = 0; i < blueprints.size(); i++) {
            Blueprint b = blueprints.get(i);
            String template = BLUEPRINTS.templates().get(b.key());
            Map<String, String> values = new HashMap<>(CONSULTANT);
            values.put("BearingAssessment", "Northwind Logistics assessment 1");
            values.put("BearingVersion", "1");
            values.put("NamePrefix", "northwind");
            BLUEPRINTS.index().parameters().forEach((k, info) -> {
                if ("suggest".equals(info.from())) {
                    values.put(k, info.value());
                }
            });
            List<Problem> problems = new java.util.ArrayList<>(linted.get(i));
            problems.addAll(CfnLint.parameterChecks(Composition.parse(template), values));
            assertTrue(CfnLint.passes(problems), b.key() + ": " + errors(problems));
        }
    }

    @Test
    void theComposedTemplateOfEveryOfferedScenarioPassesAndManualStepsListTheToolsWithoutBlueprints()
            throws Exception {
        Map<String, Map<String, String>> templates = new LinkedHashMap<>(); // distinct template -> a scenario's values
        Map<String, String> firstScenario = new HashMap<>();
        int offered = 0;
        int notOffered = 0;
        for (Path file : RuleScenarioTest.scenarios().toList()) {
            Scenario s = RuleScenarioTest.read(file);
            EvaluationResult r = RuleScenarioTest.engine.evaluate(RuleScenarioTest.input(s));
            // one organisation name for all, so scenarios with the same blueprints share one lint run
            ComposedStack c = COMPOSITION.compose(r, "Scenario Org", 1, 1);
            String at = file.getFileName() + ": ";
            if (!c.offered()) {
                notOffered++;
                assertNotNull(c.notOfferedReason(), at + "not offered without a reason");
                assertEquals(null, c.templateBody(), at + "a template although not offered");
                continue;
            }
            offered++;
            Map<String, String> values = new LinkedHashMap<>();
            c.parameters().forEach(p -> values.put(p.key(), p.value() != null ? p.value() : CONSULTANT.get(p.key())));
            if (templates.putIfAbsent(c.templateBody(), values) == null) {
                Path out = Path.of("target/composed-templates", file.getFileName().toString());
                java.nio.file.Files.createDirectories(out.getParent());
                java.nio.file.Files.writeString(out, c.templateBody()); // to read and deploy by hand
            }
            firstScenario.putIfAbsent(c.templateBody(), at);
            assertTrue(CfnLint.passes(CfnLint.parameterChecks(Composition.parse(c.templateBody()), values)), at + "parameters");
            // the tags are filled from the assessment, and safe as tag values
            assertEquals("Scenario Org assessment 1", value(c, "BearingAssessment"), at + "assessment tag");
            assertEquals("scenario-org", value(c, "NamePrefix"), at + "name prefix");
            // every blueprint provisions a tool the stack adds or replaces; every other such tool is a manual step
            for (LayerRecommendation l : r.stack()) {
                if (l.primary() == null || !List.of("ADD", "REPLACE").contains(l.change())) {
                    continue;
                }
                Optional<Blueprint> b = BLUEPRINTS.index().forTool(l.primary().key());
                if (b.isPresent()) {
                    assertTrue(c.blueprints().stream().anyMatch(x -> x.key().equals(b.get().key())),
                            at + l.primary().key() + " has a blueprint but is not in the template");
                } else {
                    assertTrue(c.manualSteps().stream().anyMatch(m -> l.key().equals(m.layer())
                            && l.primary().key().equals(m.tool()) && !m.reason().isBlank()),
                            at + l.primary().key() + " has no blueprint and is not a manual step");
                }
            }
            for (ComposedStack.ManualStep m : c.manualSteps()) {
                assertTrue(m.tool() == null || BLUEPRINTS.index().forTool(m.tool()).isEmpty()
                        || m.reason().startsWith("Already in use"), at + m.tool() + " is a manual step but has a blueprint");
            }
            assertEquals(c.blueprints().stream().mapToDouble(b -> BLUEPRINTS.index().byKey(b.key()).orElseThrow()
                    .cost().monthly()).sum(), c.cost().monthlyTotal(), at + "cost total");
            assertEquals("us-east-1", c.cost().region());
        }
        assertTrue(offered >= 3, "only " + offered + " scenarios got an offer");
        assertTrue(notOffered >= 3, "only " + notOffered + " scenarios were refused");
        // one cfn-lint run for every distinct composed template (scenarios with the same blueprints share one)
        List<String> distinct = List.copyOf(templates.keySet());
        List<List<Problem>> linted = LINT.lintAll(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            assertTrue(CfnLint.passes(linted.get(i)), firstScenario.get(distinct.get(i)) + errors(linted.get(i)));
        }
        assertTrue(distinct.size() >= 2, "only " + distinct.size() + " distinct composed templates were linted");
    }

    @Test
    void everyBlueprintTogetherComposesIntoOneTemplateThatPasses() throws Exception {
        // no scenario picks every blueprint (Jenkins is kept where it runs), so one stack that adds
        // them all: the Jenkins alarm is wired to the alert topic, the Git connection appears once
        Scenario s = RuleScenarioTest.read(Path.of("rules/scenarios/24-no-kubernetes-skills.yaml"));
        EvaluationResult r = RuleScenarioTest.engine.evaluate(RuleScenarioTest.input(s));
        List<LayerRecommendation> stack = new java.util.ArrayList<>();
        for (Blueprint b : BLUEPRINTS.index().blueprints()) {
            for (String tool : b.tools()) {
                EvaluationResult.ToolOption t = new EvaluationResult.ToolOption(tool, tool, "vendor", "", 0,
                        List.of("AWS_MANAGED"), "", "ACTIVE", "", List.of(), List.of(), List.of());
                stack.add(new LayerRecommendation(tool, tool, tool, null, null, tool, List.of(), "ADD", null, t,
                        List.of(), List.of(), List.of(), List.of()));
            }
        }
        EvaluationResult all = new EvaluationResult(r.ruleSetVersion(), r.catalogVersion(), r.questionnaireKey(),
                r.questionnaireVersion(), r.respondents(), r.capabilities(), r.dimensions(), r.maturity(), r.stage(),
                r.delivery(), stack, r.findings(), r.roadmap(), r.decisions(), r.comments(), r.firedRules());
        ComposedStack c = COMPOSITION.compose(all, "Northwind Logistics", 3, 1);
        assertTrue(c.offered(), c.notOfferedReason());
        assertEquals(BLUEPRINTS.index().blueprints().size(), c.blueprints().size());
        Map<String, Object> template = Composition.parse(c.templateBody());
        Map<String, Object> resources = TemplateMerge.section(template, "Resources");
        assertTrue(resources.containsKey("GitConnection"), "the shared Git connection, unprefixed");
        assertEquals(1, resources.values().stream().filter(v -> String.valueOf(v).contains("AWS::CodeConnections::Connection")).count(),
                "one Git connection to complete, not two");
        assertFalse(TemplateMerge.section(template, "Parameters").containsKey("AlertTopicArn"), "wired parameter still asked");
        assertTrue(String.valueOf(resources.get("JenkinsUnhealthyAlarm")).contains("AlertingAlertTopic"),
                "Jenkins' alarm does not go to the alert topic");
        Map<String, String> values = new LinkedHashMap<>();
        c.parameters().forEach(p -> values.put(p.key(), p.value() != null ? p.value() : CONSULTANT.get(p.key())));
        List<Problem> problems = LINT.lint(c.templateBody(), values);
        assertTrue(CfnLint.passes(problems), errors(problems));
        assertEquals(BLUEPRINTS.index().blueprints().stream().mapToInt(b -> b.cost().monthly()).sum(), c.cost().monthlyTotal());
    }

    @Test
    void anOrganisationThatMustStayOnPremisesOrRunsOnlyOnAnotherCloudGetsNoOffer() throws Exception {
        ComposedStack onPremises = compose("01-regulated-bank-on-premises");
        assertFalse(onPremises.offered());
        assertTrue(onPremises.notOfferedReason().contains("on premises only"), onPremises.notOfferedReason());
        ComposedStack azure = compose("43-azure-shop");
        assertFalse(azure.offered());
        assertTrue(azure.notOfferedReason().contains("Microsoft Azure"), azure.notOfferedReason());
        ComposedStack gcp = compose("36-media-company-on-gcp");
        assertFalse(gcp.offered());
        assertTrue(gcp.notOfferedReason().contains("Google Cloud"), gcp.notOfferedReason());
    }

    @Test
    void anAwsOrganisationGetsItsAwsPicksAsBlueprintsAndTheRestAsManualSteps() throws Exception {
        ComposedStack c = compose("02-aws-startup-small-team");
        assertTrue(c.offered(), c.notOfferedReason());
        assertFalse(c.blueprints().isEmpty());
        String template = c.templateBody();
        for (ComposedStack.BlueprintRef b : c.blueprints()) {
            String prefix = BLUEPRINTS.index().byKey(b.key()).orElseThrow().prefix();
            assertTrue(template.contains(prefix), "logical ids of " + b.key() + " carry " + prefix);
        }
        // parameters the consultant must give are null, and lint says so until given
        List<String> missing = c.parameters().stream().filter(p -> p.value() == null).map(ComposedStack.TemplateParameter::key).toList();
        List<Problem> problems = CfnLint.parameterChecks(Composition.parse(template), c.parameters().stream()
                .filter(p -> p.value() != null).collect(Collectors.toMap(ComposedStack.TemplateParameter::key,
                        ComposedStack.TemplateParameter::value)));
        for (String key : missing) {
            assertTrue(problems.stream().anyMatch(p -> p.rule().equals("BEARING-PARAMETERS") && p.location().endsWith("/" + key)),
                    key + " is left empty but the check does not ask for it");
        }
    }

    @Test
    void bearingsChecksFailOnALiteralSecretAnUntaggedBucketAnUnsuppliedParameterAndAnUndescribedOutput() {
        String bad = """
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  BearingAssessment: {Type: String}
                  BearingVersion: {Type: String}
                  DatabaseName: {Type: String}
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                  Token:
                    Type: AWS::SecretsManager::Secret
                    Properties:
                      SecretString: "hunter2-not-a-real-secret"
                      Tags:
                        - {Key: BearingAssessment, Value: {Ref: BearingAssessment}}
                        - {Key: BearingVersion, Value: {Ref: BearingVersion}}
                Outputs:
                  Db:
                    Value: {Ref: DatabaseName}
                """;
        List<Problem> problems = LINT.lint(bad, Map.of("BearingAssessment", "x", "BearingVersion", "1"));
        assertFalse(CfnLint.passes(problems));
        assertTrue(problems.stream().anyMatch(p -> p.rule().equals("BEARING-TAGS") && p.location().contains("Bucket")),
                "untagged bucket not caught: " + problems);
        assertTrue(problems.stream().anyMatch(p -> p.rule().equals("BEARING-SECRETS")
                && p.location().equals("Resources/Token/Properties/SecretString")), "literal secret not caught: " + problems);
        assertTrue(problems.stream().anyMatch(p -> p.rule().equals("BEARING-PARAMETERS")
                && p.location().equals("Parameters/DatabaseName")), "unsupplied parameter not caught: " + problems);
        assertFalse(problems.stream().anyMatch(p -> p.location().contains("Token") && p.rule().equals("BEARING-TAGS")),
                "the tagged secret was reported untagged");
        assertTrue(problems.stream().anyMatch(p -> p.rule().equals("BEARING-OUTPUTS") && p.location().equals("Outputs/Db")),
                "undescribed output not caught: " + problems);
    }

    @Test
    void aMissingCfnLintIsNamedWithTheSettingThatPointsToIt() {
        CfnLint lint = new CfnLint();
        lint.configuredPath = Optional.of("/nonexistent/cfn-lint");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> lint.lint("Resources: {}"));
        assertTrue(e.getMessage().contains("bearing.provisioning.cfn-lint"), e.getMessage());
    }

    static ComposedStack compose(String scenario) throws Exception {
        Scenario s = RuleScenarioTest.read(Path.of("rules/scenarios", scenario + ".yaml"));
        return COMPOSITION.compose(RuleScenarioTest.engine.evaluate(RuleScenarioTest.input(s)), s.name(), 7, 2);
    }

    static String value(ComposedStack c, String key) {
        return c.parameters().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().value();
    }

    static String errors(List<Problem> problems) {
        return problems.stream().filter(p -> p.level().equals("ERROR"))
                .map(p -> p.rule() + " " + p.location() + ": " + p.message()).collect(Collectors.joining("\n"));
    }
}
