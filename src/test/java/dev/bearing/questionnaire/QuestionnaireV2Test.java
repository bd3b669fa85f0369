package dev.bearing.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Questionnaire version 2: the keys the rules read, DORA's wording, and what it keeps from version 1. */
class QuestionnaireV2Test {

    static final QuestionnaireRegistry REGISTRY =
            new QuestionnaireRegistry(List.of("devops-maturity-v1.yaml", "devops-maturity-v2.yaml"));
    static final Questionnaire V1 = REGISTRY.get("devops-maturity", 1);
    static final Questionnaire V2 = REGISTRY.get("devops-maturity", 2);

    /** Catalog tool keys per stack layer (the issue 6 working spec and the catalog); current.* choices use them. */
    static final Map<String, List<String>> LAYER_TOOLS = new LinkedHashMap<>();

    static {
        LAYER_TOOLS.put("source_control", List.of("github", "gitlab", "bitbucket_cloud", "bitbucket_data_center", "azure_repos",
                "gitea", "aws_codecommit", "subversion"));
        LAYER_TOOLS.put("ci", List.of("github_actions", "gitlab_ci", "jenkins", "circleci", "azure_pipelines", "aws_codebuild",
                "teamcity", "bitbucket_pipelines", "bamboo"));
        LAYER_TOOLS.put("artifacts", List.of("jfrog_artifactory", "sonatype_nexus", "github_packages", "gitlab_package_registry",
                "aws_codeartifact", "amazon_ecr", "harbor"));
        LAYER_TOOLS.put("test_automation", List.of("playwright", "cypress", "selenium", "k6", "gatling", "jmeter", "pact"));
        LAYER_TOOLS.put("pipeline_security", List.of("sonarqube", "snyk", "trivy", "github_advanced_security", "checkov",
                "amazon_inspector"));
        LAYER_TOOLS.put("secrets", List.of("hashicorp_vault", "openbao", "aws_secrets_manager", "azure_key_vault",
                "google_secret_manager", "cyberark_conjur"));
        LAYER_TOOLS.put("infrastructure", List.of("terraform", "opentofu", "aws_cloudformation", "aws_cdk", "pulumi", "azure_bicep"));
        LAYER_TOOLS.put("configuration", List.of("ansible", "puppet", "openvox", "chef", "cinc", "salt", "aws_systems_manager",
                "aws_opsworks"));
        LAYER_TOOLS.put("runtime", List.of("amazon_ecs_fargate", "amazon_eks", "kubernetes_self_managed", "red_hat_openshift",
                "azure_aks", "google_gke", "virtual_machines", "aws_lambda"));
        LAYER_TOOLS.put("deployment", List.of("argo_cd", "flux", "spinnaker", "aws_codedeploy", "octopus_deploy", "harness",
                "aws_codepipeline"));
        LAYER_TOOLS.put("monitoring", List.of("prometheus_grafana", "amazon_managed_prometheus_grafana", "amazon_cloudwatch",
                "datadog", "elastic_observability", "dynatrace", "zabbix", "nagios", "icinga"));
        LAYER_TOOLS.put("incident_response", List.of("pagerduty", "incident_io", "jira_service_management", "servicenow",
                "grafana_cloud_irm", "goalert", "opsgenie", "grafana_oncall_oss"));
    }

    /** Choices of current.* questions that are not tools. */
    static final Set<String> NOT_TOOLS = Set.of("other", "none", "dont_know");

    /**
     * The DORA Quick Check's answer options, copied from dora-team/dora.dev (Apache-2.0),
     * svelte/quick-check/src/lib/data/metrics_question_responses.json at commit fcaf07b4, options 1..6.
     */
    static final List<String> DORA_DEPLOY_FREQUENCY = List.of("Less than once per six months",
            "Between once per month and once every six months", "Between once per week and once per month",
            "Between once per day and once per week", "Between once per hour and once per day",
            "On demand (multiple deploys per day)");
    static final List<String> DORA_LEAD_TIME = List.of("More than six months", "One to six months", "One week to one month",
            "One day to one week", "Less than one day", "Less than one hour");
    static final List<String> DORA_FAILURE_RECOVERY = DORA_LEAD_TIME;

    @Test
    void versionTwoValidates() {
        assertEquals(List.of(), QuestionnaireRegistry.validate(V2));
        assertEquals(2, V2.version());
        assertEquals(V1.key(), V2.key());
    }

    @Test
    void everyStackLayerHasCurrentToolsSomethingElseAndSatisfaction() {
        List<String> layers = V2.questions().stream().filter(q -> q.catalogRole() == Question.CatalogRole.CURRENT)
                .map(Question::catalogLayer).toList();
        assertEquals(List.copyOf(LAYER_TOOLS.keySet()), layers, "one current-tools question per layer, in the catalog's order");
        for (String layer : layers) {
            Question current = V2.question("current." + layer).orElseThrow();
            assertEquals(QuestionType.MULTI, current.type(), current.key());
            for (Question.Choice c : current.choices()) {
                assertTrue(NOT_TOOLS.contains(c.key()) || LAYER_TOOLS.get(layer).contains(c.key()),
                        current.key() + " offers " + c.key() + ", which is not a tool of layer " + layer);
                assertEquals(null, c.score(), current.key() + " choices are not scored");
            }
            assertEquals("Something else", current.choice("other").map(Question.Choice::label).orElse(null), current.key());
            assertTrue(current.choice("none").isPresent() && current.choice("dont_know").isPresent(), current.key());

            Question satisfaction = V2.question("current." + layer + "_satisfaction").orElseThrow();
            assertEquals(QuestionType.SCALE, satisfaction.type());
            assertEquals(Question.CatalogRole.SATISFACTION, satisfaction.catalogRole());
            assertEquals(layer, satisfaction.catalogLayer());
            assertEquals(Set.of("none", "dont_know"), satisfaction.visibleWhen().noneOf(), satisfaction.key());
        }
    }

    @Test
    void somethingElseAsksWhichToolsInAFollowUp() {
        int checked = 0;
        for (Question current : V2.questions()) {
            if (!current.key().startsWith("current.") || current.choice("other").isEmpty()) {
                continue;
            }
            Question other = V2.question(current.key() + "_other").orElseThrow(() -> new AssertionError(
                    current.key() + " offers \"Something else\" but has no " + current.key() + "_other"));
            assertEquals(QuestionType.TEXT, other.type(), other.key());
            assertEquals(Question.CatalogRole.OTHER_NAMES, other.catalogRole(), other.key());
            assertEquals(current.catalogLayer(), other.catalogLayer(), other.key());
            assertEquals(current.key(), other.visibleWhen().question(), other.key());
            assertEquals(Set.of("other"), other.visibleWhen().anyOf(), other.key());
            assertFalse(other.required(), other.key());
            assertEquals(current.roles(), other.roles(), other.key());
            checked++;
        }
        assertEquals(LAYER_TOOLS.size(), checked);

        var f = JsonNodeFactory.instance;
        Question ci = V2.question("current.ci").orElseThrow();
        Set<String> withOther = Visibility.visibleKeys(V2, Role.DEVELOPMENT,
                Map.of("current.ci", AnswerValue.parse(ci, f.arrayNode().add("jenkins").add("other"), false)));
        Set<String> jenkinsOnly = Visibility.visibleKeys(V2, Role.DEVELOPMENT,
                Map.of("current.ci", AnswerValue.parse(ci, f.arrayNode().add("jenkins"), false)));
        Set<String> dontKnow = Visibility.visibleKeys(V2, Role.DEVELOPMENT,
                Map.of("current.ci", AnswerValue.parse(ci, f.arrayNode().add("dont_know"), false)));
        assertTrue(withOther.contains("current.ci_other") && withOther.contains("current.ci_satisfaction"));
        assertFalse(jenkinsOnly.contains("current.ci_other"));
        assertFalse(dontKnow.contains("current.ci_other") || dontKnow.contains("current.ci_satisfaction"));
        Question ciOther = V2.question("current.ci_other").orElseThrow();
        assertEquals("Concourse, Buildkite", AnswerValue.parse(ciOther, f.textNode("Concourse, Buildkite"), false).text());
        assertEquals(null, AnswerValue.parse(ciOther, f.textNode("Concourse"), false).score(ciOther), "names are not scored");
    }

    @Test
    void otherNamesMustBeATextQuestionOfALayer() {
        Question ciOther = V2.question("current.ci_other").orElseThrow();
        Question notText = new Question("x.other_names", ciOther.capability(), ciOther.dimension(), QuestionType.SCALE, "Text?",
                null, false, ciOther.roles(), false, null, new Question.Scale("a", "b"), null, null, "ci",
                Question.CatalogRole.OTHER_NAMES, null);
        Question noLayer = new Question("x.no_layer", ciOther.capability(), ciOther.dimension(), QuestionType.TEXT, "Text?",
                null, false, ciOther.roles(), false, null, null, null, 200, null, Question.CatalogRole.OTHER_NAMES, null);
        Questionnaire broken = new Questionnaire("broken", 1, "Broken", "", 5, V2.capabilities(),
                List.of(new Questionnaire.Section("s", "S", "", List.of(notText, noLayer))));
        List<String> problems = QuestionnaireRegistry.validate(broken);
        assertTrue(problems.stream().anyMatch(p -> p.contains("x.other_names") && p.contains("OTHER_NAMES needs a TEXT")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("x.no_layer") && p.contains("catalogLayer")), problems.toString());
    }

    @Test
    void theIacQuestionIsSplitIntoInfrastructureAndConfiguration() {
        assertTrue(V2.question("current.iac").isEmpty() && V2.question("current.iac_satisfaction").isEmpty());
        assertEquals("infrastructure", V2.question("current.infrastructure").orElseThrow().catalogLayer());
        assertEquals("configuration", V2.question("current.configuration").orElseThrow().catalogLayer());
        assertEquals("secrets", V2.question("current.secrets").orElseThrow().catalogLayer());
    }

    @Test
    void contextQuestionsTheRulesReadHaveTheSpecsChoiceKeys() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("context.industry", List.of("consumer", "media_entertainment", "non_profit", "technology",
                "telecommunications", "education", "financial_services", "healthcare_pharmaceuticals", "energy", "government",
                "insurance", "industrials_manufacturing", "other"));
        expected.put("context.organisation_size", List.of("solo", "fewer_than_10", "fewer_than_100", "fewer_than_500",
                "fewer_than_1000", "fewer_than_5000", "fewer_than_10000", "more_than_9999", "dont_know"));
        expected.put("context.change_approval", List.of("cab_every_change", "cab_with_standard_changes", "peer_review_only",
                "none", "dont_know"));
        expected.put("context.release_windows", List.of("fixed_windows", "freeze_periods", "any_time", "dont_know"));
        expected.put("context.segregation_of_duties", List.of("strict", "automated", "not_required", "dont_know"));
        expected.put("context.audit_evidence", List.of("manual", "tickets", "automated", "not_required", "dont_know"));
        expected.forEach((key, choices) -> {
            Question q = V2.question(key).orElseThrow(() -> new AssertionError(key + " is missing"));
            assertEquals(QuestionType.SINGLE, q.type(), key);
            assertEquals(Dimension.CONTEXT, q.dimension(), key);
            assertEquals(choices, q.choices().stream().map(Question.Choice::key).toList(), key);
            assertEquals(Set.of(Role.values()), Set.copyOf(q.roles()), key + " is asked of every role");
            assertEquals(null, q.visibleWhen(), key + " is always asked");
        });
    }

    @Test
    void doraOptionsAreWordedExactlyAsDoraWordsThem() {
        assertEquals(DORA_DEPLOY_FREQUENCY, doraLabels("dora.deployment_frequency"));
        assertEquals(DORA_LEAD_TIME, doraLabels("dora.lead_time"));
        assertEquals(DORA_FAILURE_RECOVERY, doraLabels("dora.recovery_time"));
        for (String key : List.of("dora.deployment_frequency", "dora.lead_time", "dora.recovery_time")) {
            Question q = V2.question(key).orElseThrow();
            assertEquals("Don't know", q.choices().get(q.choices().size() - 1).label(), key);
            assertEquals(V1.question(key).orElseThrow().choices().stream().map(Question.Choice::key).toList(),
                    q.choices().stream().map(Question.Choice::key).toList(), key + " keeps version 1's choice keys");
        }
    }

    private static List<String> doraLabels(String key) {
        return V2.question(key).orElseThrow().choices().stream().filter(c -> !c.key().equals("dont_know"))
                .map(Question.Choice::label).toList();
    }

    /**
     * Rules written for version 1 keep working: every version 1 question survives under its key,
     * except current.iac and its satisfaction, and keeps every choice key it had.
     */
    @Test
    void versionOneKeysAndChoiceKeysSurvive() {
        Set<String> replaced = Set.of("current.iac", "current.iac_satisfaction");
        List<String> problems = new ArrayList<>();
        for (Question old : V1.questions()) {
            if (replaced.contains(old.key())) {
                continue;
            }
            Question now = V2.question(old.key()).orElse(null);
            if (now == null) {
                problems.add(old.key() + " is missing");
                continue;
            }
            if (now.type() != old.type() || !now.capability().equals(old.capability())) {
                problems.add(old.key() + " changed type or capability");
            }
            if (old.choices() != null) {
                for (Question.Choice c : old.choices()) {
                    Question.Choice kept = now.choice(c.key()).orElse(null);
                    if (kept == null) {
                        problems.add(old.key() + " lost choice " + c.key());
                    } else if (!java.util.Objects.equals(kept.score(), c.score())) {
                        problems.add(old.key() + " choice " + c.key() + " scores " + kept.score() + ", was " + c.score());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** "Don't know" is offered wherever a role may not know: never with a score, and never alone. */
    @Test
    void dontKnowCarriesNoScore() {
        for (Question q : V2.questions()) {
            q.choice("dont_know").ifPresent(c -> {
                assertEquals("Don't know", c.label(), q.key());
                assertEquals(null, c.score(), q.key());
            });
        }
        for (String key : List.of("context.regulation", "context.open_source_policy", "context.data_residency")) {
            assertTrue(V2.question(key).orElseThrow().choice("dont_know").isPresent(), key);
        }
    }
}
