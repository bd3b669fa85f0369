package dev.bearing.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.bearing.evaluation.Catalog.Layer;
import dev.bearing.evaluation.Catalog.LifecycleEvent;
import dev.bearing.evaluation.Catalog.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The content of the stack catalog (rules/catalog.yaml): the schema is loaded strictly, and the facts a
 * client relies on (what runs where, what a tool scans or stores, licence and lifecycle dates, the names
 * people type) are checked, so a false fact fails the build instead of reaching a report.
 */
class CatalogContentTest {

    static final Path CATALOG = Path.of("rules/catalog.yaml");
    static final Path KEYS = Path.of("rules/KEYS.md");

    static final Set<String> HOSTING = Set.of("SAAS", "SELF_HOSTED", "AWS_MANAGED");
    static final Set<String> LICENCE = Set.of("OPEN_SOURCE", "OPEN_CORE", "COMMERCIAL", "SOURCE_AVAILABLE");
    static final Set<String> CLOUD = Set.of("ANY", "AWS", "AZURE", "GCP");
    static final Set<String> EFFORT = Set.of("LOW", "MEDIUM", "HIGH");
    static final Set<String> SCANS = Set.of("SAST", "SCA", "SECRETS", "IAC", "IMAGES", "RUNTIME");
    static final Set<String> STORES = Set.of("CONTAINER_IMAGES", "PACKAGES");
    static final Set<String> STATUS = Set.of("ACTIVE", "CLOSED_TO_NEW", "END_OF_SALE", "END_OF_SUPPORT", "RETIRED",
            "ARCHIVED");
    static final Set<String> EVENTS = Set.of("LICENCE_CHANGE", "CLOSED_TO_NEW", "END_OF_SALE", "END_OF_SUPPORT",
            "END_OF_LIFE", "ARCHIVED", "RETIRED", "REOPENED");
    static final Set<String> BEST_FOR = Set.of("small_teams", "enterprise", "widely_adopted");
    static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})(?:-(\\d{2}))?");

    static Catalog catalog;

    @BeforeAll
    static void load() throws IOException {
        catalog = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(CATALOG.toFile(), Catalog.class);
    }

    static List<Tool> tools() {
        return catalog.layers().stream().flatMap(l -> l.tools().stream()).toList();
    }

    static Tool tool(String key) {
        return catalog.tool(key).orElseThrow(() -> new AssertionError("no tool " + key + " in the catalog"));
    }

    static Optional<LifecycleEvent> event(Tool t, String event) {
        return t.lifecycle().stream().filter(e -> e.event().equals(event)).findFirst();
    }

    // ---------------------------------------------------------------- structure

    @Test
    void versionAndLayersAreThoseOfTheSpecInReportOrder() {
        assertEquals("2026-12", catalog.version());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("source_control", "source_control");
        expected.put("ci", "continuous_integration");
        expected.put("artifacts", "continuous_integration");
        expected.put("test_automation", "test_automation");
        expected.put("pipeline_security", "pipeline_security");
        expected.put("secrets", "pipeline_security");
        expected.put("infrastructure", "configuration_iac");
        expected.put("configuration", "configuration_iac");
        expected.put("runtime", "cloud_platform");
        expected.put("deployment", "deployment_release");
        expected.put("monitoring", "monitoring_alerting");
        expected.put("incident_response", "monitoring_alerting");
        Map<String, String> actual = new LinkedHashMap<>();
        catalog.layers().forEach(l -> actual.put(l.key(), l.capability()));
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(actual.entrySet()));
        for (Layer l : catalog.layers()) {
            assertFalse(l.name().isBlank(), l.key());
            assertFalse(l.description().isBlank(), l.key());
            assertFalse(l.tools().isEmpty(), l.key() + " has no tools");
        }
    }

    @Test
    void aLayerDependsOnlyOnLayersReportedBeforeIt() {
        List<String> order = catalog.layers().stream().map(Layer::key).toList();
        for (Layer l : catalog.layers()) {
            for (String d : l.dependsOn()) {
                assertTrue(order.contains(d), l.key() + " depends on unknown layer " + d);
                assertTrue(order.indexOf(d) < order.indexOf(l.key()), l.key() + " depends on later layer " + d);
            }
        }
    }

    @Test
    void toolKeysAreUniqueAndExactlyThoseListedInKeysMd() throws IOException {
        List<String> keys = tools().stream().map(Tool::key).toList();
        assertEquals(keys.size(), new HashSet<>(keys).size(), "duplicate tool keys: " + keys);
        for (String k : keys) {
            assertTrue(k.matches("[a-z0-9]+(_[a-z0-9]+)*"), "tool key " + k);
        }
        Map<String, Set<String>> documented = keysMdToolKeys();
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        catalog.layers().forEach(l -> actual.put(l.key(),
                l.tools().stream().map(Tool::key).collect(Collectors.toCollection(LinkedHashSet::new))));
        assertEquals(documented, actual, "rules/KEYS.md 'Tool keys per layer' and the catalog disagree");
    }

    /** Reads the 'Tool keys per layer' section of KEYS.md: "layer: key, key (NOTE), key [kind]". */
    static Map<String, Set<String>> keysMdToolKeys() throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        boolean in = false;
        for (String line : Files.readAllLines(KEYS)) {
            if (line.startsWith("## ")) {
                in = line.startsWith("## Tool keys per layer");
                continue;
            }
            if (!in || line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            Set<String> keys = new LinkedHashSet<>();
            for (String part : line.substring(colon + 1).split(",")) {
                keys.add(part.replaceAll("\\(.*?\\)|\\[.*?]", "").trim());
            }
            out.put(line.substring(0, colon).trim(), keys);
        }
        return out;
    }

    @Test
    void everyToolOfALayerWithKindsHasOneOfItsKindsAndNoOtherToolHasAKind() {
        Layer tests = catalog.layer("test_automation").orElseThrow();
        assertEquals(List.of("end_to_end", "load", "contract"),
                tests.kinds().stream().map(Catalog.Kind::key).toList());
        for (Layer l : catalog.layers()) {
            Set<String> kinds = l.kinds().stream().map(Catalog.Kind::key).collect(Collectors.toSet());
            for (Tool t : l.tools()) {
                if (kinds.isEmpty()) {
                    assertNull(t.kind(), t.key() + " has a kind in a layer without kinds");
                } else {
                    assertTrue(kinds.contains(t.kind()), t.key() + " kind " + t.kind() + " is not a kind of " + l.key());
                    assertTrue(kinds.containsAll(t.kinds()), t.key() + " kinds " + t.kinds() + " are not all kinds of " + l.key());
                }
            }
            for (String k : kinds) {
                assertTrue(l.tools().stream().anyMatch(t -> t.serves(k) && t.status().equals("ACTIVE")),
                        "kind " + l.key() + "/" + k + " has no active tool to recommend");
            }
        }
        Map<String, String> kindOf = Map.of("playwright", "end_to_end", "cypress", "end_to_end", "selenium",
                "end_to_end", "k6", "load", "gatling", "load", "jmeter", "load", "pact", "contract");
        kindOf.forEach((tool, kind) -> assertEquals(kind, tool(tool).kind(), tool));
    }

    // ---------------------------------------------------------------- names people type

    @Test
    void aTypedNameMatchesAtMostOneToolInTheWholeCatalog() {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Tool t : tools()) {
            Set<String> names = new LinkedHashSet<>();
            names.add(Catalog.normalise(t.key()));
            names.add(Catalog.normalise(t.name()));
            for (String a : t.aliases()) {
                assertFalse(a.isBlank(), t.key() + " has a blank alias");
                assertEquals(a.toLowerCase(Locale.ROOT), a, t.key() + " alias not lower case: " + a);
                names.add(Catalog.normalise(a));
            }
            for (String n : names) {
                String before = owner.putIfAbsent(n, t.key());
                if (before != null && !before.equals(t.key())) {
                    clashes.add("'" + n + "' names both " + before + " and " + t.key());
                }
            }
        }
        assertEquals(List.of(), clashes);
    }

    /**
     * A known name of a kind places a typed tool under that kind only: it is lower case, names no catalog
     * tool (those are matched as tools), belongs to one kind, and the names people type land where they belong.
     */
    @Test
    void knownNamesOfAKindPlaceTypedToolsUnderThatKindOnly() {
        Set<String> catalogNames = new HashSet<>();
        for (Tool t : tools()) {
            catalogNames.add(Catalog.normalise(t.key()));
            catalogNames.add(Catalog.normalise(t.name()));
            t.aliases().forEach(a -> catalogNames.add(Catalog.normalise(a)));
        }
        List<String> bad = new ArrayList<>();
        Map<String, String> kindOf = new HashMap<>();
        for (Catalog.Layer l : catalog.layers()) {
            for (Catalog.Kind k : l.kinds()) {
                for (String n : k.knownNames()) {
                    if (!n.equals(n.toLowerCase(Locale.ROOT)) || n.isBlank()) {
                        bad.add(k.key() + ": '" + n + "' is blank or not lower case");
                    }
                    if (catalogNames.contains(Catalog.normalise(n))) {
                        bad.add(k.key() + ": '" + n + "' is a catalog tool's name");
                    }
                    String before = kindOf.putIfAbsent(Catalog.normalise(n), l.key() + "/" + k.key());
                    if (before != null) {
                        bad.add("'" + n + "' is known to both " + before + " and " + l.key() + "/" + k.key());
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
        Catalog.Layer tests = catalog.layer("test_automation").orElseThrow();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("Robot Framework on HIL rigs", "end_to_end");
        typed.put("Appium", "end_to_end");
        typed.put("Locust", "load");
        typed.put("Spring Cloud Contract", "contract");
        typed.put("pytest", null);
        typed.put("GoogleTest", null);
        typed.put("Great Expectations", null);
        typed.forEach((name, kind) -> assertEquals(kind == null ? List.of() : List.of(kind),
                tests.kinds().stream().filter(k -> k.knows(name)).map(Catalog.Kind::key).toList(), name));
    }

    @Test
    void namesPeopleReallyTypeFindTheRightTool() {
        Map<String[], String> cases = new LinkedHashMap<>();
        cases.put(new String[] {"Bitbucket Server", "source_control"}, "bitbucket_data_center");
        cases.put(new String[] {"bitbucket dc", "source_control"}, "bitbucket_data_center");
        cases.put(new String[] {"Stash", "source_control"}, "bitbucket_data_center");
        cases.put(new String[] {"Bitbucket Data Center", "source_control"}, "bitbucket_data_center");
        // the self-hosted edition, not the SaaS-only Jira Service Management entry
        cases.put(new String[] {"Jira Service Management Data Center", "incident_response"}, "jira_service_management_data_center");
        cases.put(new String[] {"JSM", "incident_response"}, "jira_service_management");
        cases.put(new String[] {"svn", "source_control"}, "subversion");
        cases.put(new String[] {"SVN", "ci"}, "subversion");
        cases.put(new String[] {"Subversion", "source_control"}, "subversion");
        cases.put(new String[] {"GHES", "source_control"}, "github");
        cases.put(new String[] {"GitHub Enterprise", "source_control"}, "github");
        cases.put(new String[] {"GitLab EE", "source_control"}, "gitlab");
        cases.put(new String[] {"TFS", "source_control"}, "azure_repos");
        cases.put(new String[] {"Azure DevOps Server", "source_control"}, "azure_repos");
        cases.put(new String[] {"Nagios Core", "monitoring"}, "nagios");
        cases.put(new String[] {"Nagios XI", "monitoring"}, "nagios");
        cases.put(new String[] {"CloudWatch", "monitoring"}, "amazon_cloudwatch");
        cases.put(new String[] {"ServiceNow ITSM", "incident_response"}, "servicenow");
        cases.put(new String[] {"SNOW", "incident_response"}, "servicenow");
        cases.put(new String[] {"ServiceNow", "incident_response"}, "servicenow");
        cases.put(new String[] {"ECR", "artifacts"}, "amazon_ecr");
        cases.put(new String[] {"ACR", "artifacts"}, "azure_container_registry");
        cases.put(new String[] {"Azure Container Registry", "artifacts"}, "azure_container_registry");
        cases.put(new String[] {"Google Artifact Registry", "artifacts"}, "google_artifact_registry");
        cases.put(new String[] {"Artifact Registry", "artifacts"}, "google_artifact_registry");
        cases.put(new String[] {"GCP Artifact Registry", "artifacts"}, "google_artifact_registry");
        cases.put(new String[] {"Vault", "secrets"}, "hashicorp_vault");
        cases.put(new String[] {"Artifactory", "artifacts"}, "jfrog_artifactory");
        cases.put(new String[] {"Nexus", "artifacts"}, "sonatype_nexus");
        cases.put(new String[] {"Argo CD", "deployment"}, "argo_cd");
        cases.put(new String[] {"ArgoCD", "deployment"}, "argo_cd");
        cases.put(new String[] {"k8s", "runtime"}, "kubernetes_self_managed");
        cases.put(new String[] {"Jenkins", "source_control"}, "jenkins");
        cases.put(new String[] {"  jenkins  ", "ci"}, "jenkins");
        cases.put(new String[] {"Bamboo", "ci"}, "bamboo");
        cases.put(new String[] {"Opsgenie", "incident_response"}, "opsgenie");
        cases.put(new String[] {"Datadog On-Call", "incident_response"}, "datadog_on_call");
        cases.put(new String[] {"Datadog OnCall", "incident_response"}, "datadog_on_call");
        cases.put(new String[] {"CloudFormation", "infrastructure"}, "aws_cloudformation");
        cases.put(new String[] {"SaltStack", "configuration"}, "salt");
        // a free part of GitHub, typed by its feature's name (scenario 100 typed "Dependabot alerts")
        cases.put(new String[] {"Dependabot alerts", "pipeline_security"}, "dependabot");
        cases.put(new String[] {"GitLab SAST", "pipeline_security"}, "gitlab_security_scanning");
        cases.put(new String[] {"GitLab Secret Detection", "pipeline_security"}, "gitlab_security_scanning");
        List<String> wrong = new ArrayList<>();
        cases.forEach((in, expected) -> {
            String got = catalog.match(in[0], in[1]).map(Tool::key).orElse(null);
            if (!expected.equals(got)) {
                wrong.add("'" + in[0] + "' → " + got + ", expected " + expected);
            }
        });
        assertEquals(List.of(), wrong);
        // "Bitbucket" alone may mean Cloud or the unsupported Server/Data Center: better unmatched than wrong
        assertTrue(catalog.match("Bitbucket", "source_control").isEmpty());
        assertTrue(catalog.match("Azure DevOps", "ci").isEmpty());
        assertTrue(catalog.match("   ", "ci").isEmpty());
    }

    // ---------------------------------------------------------------- attribute values

    @Test
    void enumeratedAttributesTakeOnlyAllowedValues() throws IOException {
        Set<String> skills = keysMdSkills();
        List<String> bad = new ArrayList<>();
        for (Tool t : tools()) {
            check(bad, t, "hosting", t.hosting(), HOSTING);
            check(bad, t, "licence", Set.of(t.licence()), LICENCE);
            check(bad, t, "cloudAffinity", Set.of(t.cloudAffinity()), CLOUD);
            check(bad, t, "operationalEffort", Set.of(t.operationalEffort()), EFFORT);
            check(bad, t, "skills", t.skills(), skills);
            check(bad, t, "scans", t.scans(), SCANS);
            for (Catalog.ScanAddOn a : t.scanAddOns()) {
                check(bad, t, "scanAddOns scans", a.scans(), SCANS);
                if (a.scans().isEmpty() || a.name() == null || a.name().isBlank() || a.terms() == null
                        || a.terms().isBlank()) {
                    bad.add(t.key() + ": a scan add-on without name, scans or terms");
                }
                // an add-on adds what the tool lacks: a scan both in every edition and in an add-on is a contradiction
                a.scans().stream().filter(t.scans()::contains).forEach(x -> bad.add(t.key() + ": " + x + " both in scans and in an add-on"));
            }
            check(bad, t, "stores", t.stores(), STORES);
            check(bad, t, "status", Set.of(t.status()), STATUS);
            check(bad, t, "bestFor", t.bestFor(), BEST_FOR);
            check(bad, t, "lifecycle event", t.lifecycle().stream().map(LifecycleEvent::event)
                    .collect(Collectors.toSet()), EVENTS);
            if (t.hosting().isEmpty()) {
                bad.add(t.key() + ": no hosting");
            }
            for (String text : List.of(t.name(), t.vendor(), t.summary(), t.licenceName())) {
                if (text == null || text.isBlank()) {
                    bad.add(t.key() + ": blank name, vendor, summary or licenceName");
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    static void check(List<String> bad, Tool t, String attribute, Set<String> values, Set<String> allowed) {
        for (String v : values) {
            if (!allowed.contains(v)) {
                bad.add(t.key() + ": " + attribute + " " + v);
            }
        }
    }

    static Set<String> keysMdSkills() throws IOException {
        List<String> lines = Files.readAllLines(KEYS);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("## Skill tags")) {
                return Arrays.stream(lines.get(i + 1).split(",")).map(String::trim).collect(Collectors.toSet());
            }
        }
        throw new AssertionError("no skill tags in KEYS.md");
    }

    @Test
    void onlySecurityScannersScanAndOnlyRepositoriesStore() {
        for (Layer l : catalog.layers()) {
            for (Tool t : l.tools()) {
                assertEquals(l.key().equals("pipeline_security"), !t.scans().isEmpty(), t.key() + " scans");
                assertEquals(l.key().equals("artifacts"), !t.stores().isEmpty(), t.key() + " stores");
            }
        }
    }

    @Test
    void licenceAndOsiApprovalAgree() {
        for (Tool t : tools()) {
            if (t.licence().equals("OPEN_SOURCE")) {
                assertTrue(t.osiApproved(), t.key() + " is open source but not OSI-approved");
            }
            if (t.licence().equals("COMMERCIAL") || t.licence().equals("SOURCE_AVAILABLE")) {
                assertFalse(t.osiApproved(), t.key() + " is " + t.licence() + " but marked OSI-approved");
            }
        }
    }

    @Test
    void whereAToolRunsIsConsistent() {
        for (Tool t : tools()) {
            boolean selfHosted = t.hosting().contains("SELF_HOSTED");
            if (t.runsOnVms()) {
                assertTrue(selfHosted, t.key() + " runs on VMs but cannot be self-hosted");
            }
            if (t.hosting().equals(Set.of("AWS_MANAGED"))) {
                assertFalse(t.onPremisesFit(), t.key() + " is AWS-managed only but fits on premises");
                assertEquals("AWS", t.cloudAffinity(), t.key() + " is AWS-managed only");
            }
            if (t.hosting().equals(Set.of("SAAS"))) {
                assertFalse(t.onPremisesFit(), t.key() + " is SaaS only but fits on premises");
            }
            if (t.needsKubernetes()) {
                assertTrue(t.kubernetesNative(), t.key() + " needs Kubernetes but is not Kubernetes-native");
                assertFalse(t.runsOnVms(), t.key() + " needs Kubernetes but runs on plain VMs");
            }
        }
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void lifecycleEventsAreDatedOldestFirstAndExplained() {
        for (Tool t : tools()) {
            String previous = "";
            for (LifecycleEvent e : t.lifecycle()) {
                Matcher m = DATE.matcher(e.date() == null ? "" : e.date());
                assertTrue(m.matches(), t.key() + " " + e.event() + " date " + e.date());
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                if (m.group(3) != null) {
                    LocalDate.of(ym.getYear(), ym.getMonth(), Integer.parseInt(m.group(3)));
                }
                assertTrue(e.date().compareTo(previous) >= 0, t.key() + " lifecycle not oldest first at " + e.date());
                previous = e.date();
                assertTrue(e.note() != null && !e.note().isBlank(), t.key() + " " + e.event() + " has no note");
            }
        }
    }

    @Test
    void aToolThatIsNotActiveSaysWhenAndWhyAndIsNeverBestForAnyone() {
        Map<String, Set<String>> evidence = Map.of("CLOSED_TO_NEW", Set.of("CLOSED_TO_NEW"), "END_OF_SALE",
                Set.of("END_OF_SALE"), "END_OF_SUPPORT", Set.of("END_OF_SUPPORT"), "RETIRED",
                Set.of("RETIRED", "END_OF_LIFE"), "ARCHIVED", Set.of("ARCHIVED"));
        int inactive = 0;
        for (Tool t : tools()) {
            if (t.status().equals("ACTIVE")) {
                continue;
            }
            inactive++;
            assertTrue(t.lifecycle().stream().anyMatch(e -> evidence.get(t.status()).contains(e.event())),
                    t.key() + " is " + t.status() + " without a dated event saying so");
            assertFalse(t.statusNote().isBlank(), t.key() + " is " + t.status() + " without a status note");
            assertEquals(Set.of(), t.bestFor(), t.key() + " is " + t.status() + " but best for " + t.bestFor());
        }
        assertTrue(inactive >= 5, "expected the known closed, ended and archived tools");
    }

    // ---------------------------------------------------------------- facts from CONTENT-NOTES

    @Test
    void monitoringThatRunsOnVmsIsSaidToRunOnVms() {
        for (String k : List.of("prometheus_grafana", "zabbix", "nagios", "icinga", "elastic_observability")) {
            assertTrue(tool(k).runsOnVms(), k);
            assertFalse(tool(k).needsKubernetes(), k);
        }
        assertFalse(tool("prometheus_grafana").kubernetesNative());
        assertFalse(tool("prometheus_grafana").skills().contains("kubernetes"),
                "Prometheus and Grafana do not need Kubernetes skills");
    }

    @Test
    void selfHostableServersRunOnVmsAndManagedServicesDoNot() {
        for (String k : List.of("jenkins", "gitlab", "gitlab_ci", "teamcity", "sonarqube", "sonatype_nexus",
                "jfrog_artifactory", "harbor", "hashicorp_vault", "openbao", "terraform", "opentofu", "ansible",
                "subversion", "bitbucket_data_center", "bamboo", "octopus_deploy", "azure_pipelines", "azure_repos")) {
            assertTrue(tool(k).runsOnVms(), k + " can be installed on a Linux or Windows server");
            assertFalse(tool(k).needsKubernetes(), k);
        }
        for (String k : List.of("aws_codebuild", "aws_codepipeline", "aws_codecommit", "amazon_ecr", "aws_codeartifact",
                "amazon_inspector", "amazon_cloudwatch", "aws_secrets_manager", "datadog", "pagerduty", "snyk",
                "bitbucket_cloud", "bitbucket_pipelines", "argo_cd", "flux", "amazon_eks")) {
            assertFalse(tool(k).runsOnVms(), k + " is SaaS, cloud-managed or Kubernetes-only");
        }
    }

    @Test
    void kubernetesFactsAreRight() {
        for (String k : List.of("argo_cd", "flux")) {
            assertTrue(tool(k).needsKubernetes(), k);
            assertTrue(tool(k).kubernetesNative(), k);
        }
        for (String k : List.of("amazon_eks", "azure_aks", "google_gke", "kubernetes_self_managed", "red_hat_openshift")) {
            assertFalse(tool(k).needsKubernetes(), k + " is a Kubernetes platform; it cannot need one");
            assertTrue(tool(k).kubernetesNative(), k);
        }
        for (String k : List.of("terraform", "datadog", "k6", "harbor", "prometheus_grafana")) {
            assertFalse(tool(k).kubernetesNative(), k + " is not Kubernetes-native");
        }
        assertFalse(tool("harbor").needsKubernetes(), "Harbor also installs with Docker Compose on one server");
    }

    @Test
    void cloudAffinityIsOnlyClaimedForToolsTiedToThatCloud() {
        assertEquals("ANY", tool("azure_pipelines").cloudAffinity());
        assertEquals("ANY", tool("azure_repos").cloudAffinity());
        assertEquals("AZURE", tool("azure_bicep").cloudAffinity());
        assertEquals("AZURE", tool("azure_key_vault").cloudAffinity());
        assertEquals("GCP", tool("google_secret_manager").cloudAffinity());
        for (String k : List.of("aws_codebuild", "aws_codepipeline", "aws_codedeploy", "aws_cloudformation", "aws_cdk",
                "amazon_ecr", "aws_codeartifact", "amazon_inspector", "aws_secrets_manager", "aws_systems_manager")) {
            assertEquals("AWS", tool(k).cloudAffinity(), k);
        }
        for (String k : List.of("terraform", "opentofu", "pulumi", "ansible", "jenkins", "github_actions", "gitlab_ci",
                "hashicorp_vault", "argo_cd", "prometheus_grafana")) {
            assertEquals("ANY", tool(k).cloudAffinity(), k);
        }
    }

    @Test
    void repositoriesStoreWhatTheyReallyHold() {
        assertEquals(Set.of("CONTAINER_IMAGES"), tool("amazon_ecr").stores());
        assertEquals(Set.of("CONTAINER_IMAGES"), tool("harbor").stores());
        assertEquals(Set.of("PACKAGES"), tool("aws_codeartifact").stores());
        for (String k : List.of("jfrog_artifactory", "sonatype_nexus", "github_packages", "gitlab_package_registry")) {
            assertEquals(STORES, tool(k).stores(), k);
        }
    }

    @Test
    void cloudRegistriesHoldWhatTheyReallyHoldOnTheirOwnCloud() {
        // Azure Container Registry: container images and OCI artefacts (Helm charts), not Maven, npm or NuGet packages
        Tool acr = tool("azure_container_registry");
        assertEquals(Set.of("CONTAINER_IMAGES"), acr.stores());
        assertTrue(acr.serves("container_images"));
        assertFalse(acr.serves("packages"), "ACR is no package repository");
        assertEquals("AZURE", acr.cloudAffinity());
        // Google Artifact Registry: container images and Maven, npm, Python and other packages
        Tool gar = tool("google_artifact_registry");
        assertEquals(STORES, gar.stores());
        assertTrue(gar.serves("packages") && gar.serves("container_images"), "Artifact Registry holds images and packages");
        assertEquals("GCP", gar.cloudAffinity());
        for (Tool t : List.of(acr, gar)) {
            assertEquals("ACTIVE", t.status(), t.key());
            assertFalse(t.onPremisesFit(), t.key() + " is a cloud service");
            assertFalse(t.runsOnVms(), t.key() + " is a cloud service");
            assertTrue(t.summary().contains("OCI artefacts"), t.key() + " also stores OCI artefacts such as Helm charts");
        }
        assertTrue(gar.summary().contains("Maven, npm, Python"), "say which package formats Artifact Registry holds");
        assertTrue(acr.statusNote().contains("packages need"), "say that packages need a repository beside ACR");
    }

    @Test
    void scannersScanWhatTheyReallyScan() {
        assertTrue(tool("amazon_inspector").scans().containsAll(Set.of("SAST", "SCA", "IAC", "IMAGES", "RUNTIME")),
                "Amazon Inspector Code Security scans code, dependencies and IaC; it is not only a runtime scanner");
        assertTrue(tool("checkov").scans().contains("IAC"));
        assertTrue(tool("trivy").scans().containsAll(Set.of("IMAGES", "SCA", "IAC", "SECRETS")));
        assertTrue(tool("github_advanced_security").scans().containsAll(Set.of("SAST", "SECRETS")));
        assertTrue(tool("sonarqube").scans().contains("SAST"));
        assertTrue(tool("snyk").scans().containsAll(Set.of("SAST", "SCA", "IMAGES", "IAC")));
        assertFalse(tool("checkov").scans().contains("IMAGES"), "Checkov checks configuration, not image contents");
    }

    @Test
    void licencesAndTheirChangesAreRight() {
        Tool terraform = tool("terraform");
        assertEquals("SOURCE_AVAILABLE", terraform.licence());
        assertEquals("BUSL-1.1", terraform.licenceName());
        assertFalse(terraform.osiApproved());
        assertTrue(event(terraform, "LICENCE_CHANGE").orElseThrow().date().startsWith("2023-08"));
        Tool vault = tool("hashicorp_vault");
        assertEquals("SOURCE_AVAILABLE", vault.licence());
        assertTrue(event(vault, "LICENCE_CHANGE").orElseThrow().date().startsWith("2023-08"));
        for (String k : List.of("opentofu", "openbao")) {
            assertEquals("MPL-2.0", tool(k).licenceName(), k);
            assertTrue(tool(k).osiApproved(), k);
        }
        assertFalse(tool("puppet").osiApproved(), "Puppet binaries are under a EULA since 2025");
        assertTrue(event(tool("puppet"), "LICENCE_CHANGE").isPresent());
        assertFalse(tool("chef").osiApproved(), "Chef binaries are under commercial terms");
        for (String k : List.of("openvox", "cinc", "ansible", "salt")) {
            assertEquals("OPEN_SOURCE", tool(k).licence(), k);
        }
        assertFalse(tool("sonatype_nexus").osiApproved(), "Nexus Community Edition is under a EULA");
    }

    @Test
    void datedStatusesAreRight() {
        Tool opsgenie = tool("opsgenie");
        assertEquals("END_OF_SALE", opsgenie.status());
        assertTrue(event(opsgenie, "END_OF_SALE").orElseThrow().date().startsWith("2025-06"));
        assertTrue(event(opsgenie, "END_OF_SUPPORT").orElseThrow().date().startsWith("2027-04"));

        Tool oncall = tool("grafana_oncall_oss");
        assertEquals("ARCHIVED", oncall.status());
        assertTrue(event(oncall, "ARCHIVED").orElseThrow().date().startsWith("2026-03"));

        Tool opsworks = tool("aws_opsworks");
        assertEquals("RETIRED", opsworks.status());
        assertTrue(opsworks.lifecycle().stream().allMatch(e -> e.date().startsWith("2024")));

        for (String k : List.of("bitbucket_data_center", "bamboo", "jira_service_management_data_center")) {
            Tool t = tool(k);
            assertEquals("CLOSED_TO_NEW", t.status(), k);
            assertEquals("2024-02-15", event(t, "END_OF_SUPPORT").orElseThrow().date(), k + ": Server end of support");
            assertTrue(event(t, "CLOSED_TO_NEW").orElseThrow().date().startsWith("2026-03"), k);
            assertTrue(event(t, "END_OF_LIFE").orElseThrow().date().startsWith("2029"), k);
        }
        // the Cloud service is not the Data Center edition: none of the edition's dates are its own
        Tool jsmCloud = tool("jira_service_management");
        assertEquals(Set.of("SAAS"), jsmCloud.hosting());
        assertEquals(List.of(), jsmCloud.lifecycle(), "Jira Service Management Cloud has no end of support or life");

        Tool codecommit = tool("aws_codecommit");
        assertEquals("ACTIVE", codecommit.status(), "CodeCommit is back in general availability");
        assertTrue(event(codecommit, "CLOSED_TO_NEW").orElseThrow().date().startsWith("2024-07"));
        assertTrue(event(codecommit, "REOPENED").orElseThrow().date().startsWith("2025-11"));

        assertEquals("ACTIVE", tool("subversion").status());
        assertFalse(tool("subversion").statusNote().isBlank(), "say that Subversion blocks trunk-based workflows");
        assertEquals("ACTIVE", tool("jenkins").status());
    }

    @Test
    void auditEvidenceIsClaimedWhereApprovalsAndAnAuditTrailExist() {
        for (String k : List.of("github", "gitlab", "azure_repos", "bitbucket_data_center", "servicenow",
                "jira_service_management", "octopus_deploy", "harness", "aws_codepipeline", "hashicorp_vault")) {
            assertTrue(tool(k).auditEvidence(), k);
        }
        for (String k : List.of("subversion", "gitea", "trivy", "checkov", "k6", "playwright", "prometheus_grafana")) {
            assertFalse(tool(k).auditEvidence(), k);
        }
    }

    @Test
    void noVendorSupportIsClaimedOnlyOfCommunityProjectsKnownToHaveNone() {
        // GoAlert (Target's open-source project) and Cinc (the community build of Chef) have no vendor selling support
        assertEquals(Boolean.FALSE, tool("goalert").vendorSupport());
        assertEquals(Boolean.FALSE, tool("cinc").vendorSupport());
        for (Tool t : tools()) {
            if (Boolean.FALSE.equals(t.vendorSupport())) {
                assertEquals("OPEN_SOURCE", t.licence(), t.key() + ": a tool sold under a commercial licence comes with support");
            }
        }
        // sold with support by Red Hat, CloudBees, Perforce, Progress: not "no vendor support"
        for (String k : List.of("ansible", "jenkins", "puppet", "chef", "servicenow", "pagerduty")) {
            assertFalse(Boolean.FALSE.equals(tool(k).vendorSupport()), k);
        }
    }

    @Test
    void sonarQubeDependencyScanningIsAPaidAddOnNotInEveryEdition() {
        // docs.sonarsource.com (December 2026): SCA comes with the Advanced Security add-on, from Enterprise
        // edition (Server) or the Enterprise plan (Cloud); the Community Build does not scan dependencies
        Tool sonar = tool("sonarqube");
        assertFalse(sonar.scans().contains("SCA"), "SonarQube's free and lower editions do not scan dependencies");
        assertEquals(List.of(Set.of("SCA")), sonar.scanAddOns().stream().map(Catalog.ScanAddOn::scans).toList());
        assertEquals("Advanced Security add-on", sonar.scanAddOns().get(0).name());
        assertTrue(sonar.scanAddOns().get(0).terms().contains("Enterprise"), sonar.scanAddOns().get(0).terms());
        // the rules read an add-on's scans only through the words that name the add-on and its terms
        dev.bearing.evaluation.fact.CatalogTool fact = dev.bearing.evaluation.fact.CatalogTool.of(
                catalog.layers().stream().filter(l -> l.key().equals("pipeline_security")).findFirst().orElseThrow(), sonar, 0);
        assertEquals("its paid Advanced Security add-on, " + sonar.scanAddOns().get(0).terms(),
                fact.addOnWords(dev.bearing.evaluation.fact.Vocabulary.Scan.SCA));
        assertNull(fact.addOnWords(dev.bearing.evaluation.fact.Vocabulary.Scan.IMAGES));
    }

    @Test
    void salesContractOnlyIsClaimedOnlyOfCommercialToolsWithoutSelfService() {
        // ServiceNow publishes no price list and has no self-service sign-up for production use
        assertEquals(Boolean.TRUE, tool("servicenow").salesContractOnly());
        for (Tool t : tools()) {
            if (Boolean.TRUE.equals(t.salesContractOnly())) {
                assertEquals("COMMERCIAL", t.licence(), t.key() + ": an open or open-core tool can be started without a contract");
            }
        }
        // self-service sign-up or a free tier: PagerDuty, incident.io, Jira Service Management, Datadog, Harness
        for (String k : List.of("pagerduty", "incident_io", "jira_service_management", "datadog", "harness", "dynatrace")) {
            assertFalse(Boolean.TRUE.equals(tool(k).salesContractOnly()), k);
        }
    }

    @Test
    void noRetiredClaimsRemain() {
        try {
            String text = Files.readString(CATALOG);
            assertFalse(text.contains("awsBlueprint"), "awsBlueprint was removed in v2");
            for (String tag : List.of("regulated", "kubernetes", "open_source", "aws")) {
                for (Tool t : tools()) {
                    assertFalse(t.bestFor().contains(tag), t.key() + " bestFor " + tag);
                }
            }
        } catch (IOException e) {
            fail(e);
        }
    }
}
