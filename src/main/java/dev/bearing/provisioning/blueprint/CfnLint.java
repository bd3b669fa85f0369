package dev.bearing.provisioning.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** TEMPORARY minimal body (branch provisioning only): runs {@code cfn-lint --format json}. */
@ApplicationScoped
public class CfnLint {

    public record Problem(String rule, String level, String message, String location) {
    }

    public List<Problem> lint(String templateBody) {
        try {
            Path f = Files.createTempFile("bearing-template", ".yaml");
            try {
                Files.writeString(f, templateBody);
                Process p;
                try {
                    p = new ProcessBuilder("cfn-lint", "--format", "json", f.toString()).redirectErrorStream(false).start();
                } catch (IOException e) {
                    throw new IllegalStateException("cfn-lint is not installed (pip install cfn-lint)");
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                List<Problem> problems = new ArrayList<>();
                if (!out.isBlank()) {
                    for (JsonNode n : new ObjectMapper().readTree(out)) {
                        problems.add(new Problem(n.path("Rule").path("Id").asText(), n.path("Level").asText().toUpperCase(),
                                n.path("Message").asText(), n.path("Location").path("Path").toString()));
                    }
                }
                return problems;
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
