package dev.bearing.provisioning.blueprint;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * AWS's CloudFormation linter ({@code cfn-lint}, the Python tool) run on a template before any
 * AWS call. CONTRACT ONLY until the blueprint work lands.
 */
@ApplicationScoped
public class CfnLint {

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
     * parameter supplied, every resource tagged).
     *
     * @param templateBody template (YAML or JSON)
     * @return problems found; none at ERROR level means the template may be sent to AWS
     * @throws IllegalStateException when cfn-lint is not installed (the message says how to get it)
     */
    public List<Problem> lint(String templateBody) {
        throw new UnsupportedOperationException("cfn-lint not yet wired");
    }
}
