package dev.bearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests the build writes (target/kubernetes/kubernetes.yml, after
 * {@code package}) are the ones the README describes: two replicas that migrate the schema
 * themselves (Flyway's lock), with probes, resources and the Secret {@code bearing}; no Flyway Job
 * and no init container waiting for one with a third-party image.
 */
class KubernetesManifestIT {

    @Test
    void deploymentMigratesItselfWithProbesResourcesAndTheSecret() throws IOException {
        List<JsonNode> docs = documents();
        List<String> kinds = docs.stream().map(d -> d.path("kind").asText()).toList();
        assertFalse(kinds.contains("Job"), "no Flyway init Job: " + kinds);
        assertTrue(kinds.contains("Service"), kinds.toString());

        JsonNode deployment = docs.stream().filter(d -> d.path("kind").asText().equals("Deployment")).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment in " + kinds));
        assertEquals(2, deployment.at("/spec/replicas").asInt());
        JsonNode pod = deployment.at("/spec/template/spec");
        assertTrue(pod.path("initContainers").isMissingNode(), "no init container: " + pod.path("initContainers"));
        JsonNode container = pod.at("/containers/0");
        List<String> env = StreamSupport.stream(container.path("env").spliterator(), false)
                .map(e -> e.path("name").asText() + "=" + e.path("value").asText()).toList();
        assertTrue(env.contains("BEARING_DEMO=false"), env.toString());
        assertFalse(env.stream().anyMatch(e -> e.startsWith("QUARKUS_FLYWAY_ACTIVE")),
                "each replica runs Flyway at start: " + env);
        assertEquals("bearing", container.at("/envFrom/0/secretRef/name").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("768Mi", container.at("/resources/limits/memory").asText());
        assertEquals("512Mi", container.at("/resources/requests/memory").asText());
        assertNull(pod.get("serviceAccountName"), "no service account: nothing in the pod calls the Kubernetes API");
    }

    private static List<JsonNode> documents() throws IOException {
        Path file = Path.of("target", "kubernetes", "kubernetes.yml");
        ObjectMapper yaml = new YAMLMapper();
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            yaml.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isEmpty()) {
                    docs.add(d);
                }
            });
        }
        return docs;
    }
}
