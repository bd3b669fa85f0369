package dev.bearing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bearing.common.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The provisioning overview refused: a field with several problems (a parameter that is neither
 * one of its allowed values nor of its pattern) keeps every message for the form to show at the
 * field (overview.html lists them), and the page's sentence names every problem no field shows
 * (each cfn-lint error of the template), not only the first of each.
 */
class ProvisioningPagesTest {

    static final String NOT_ALLOWED = "Parameter GitProvider must be one of [GitHub, GitLab, Bitbucket].";
    static final String NO_MATCH = "Parameter GitProvider does not match its allowed pattern ^[A-Z][A-Za-z]+$.";
    static final String LINT_TYPE = "E3012 Property should be of type String at Resources/AlertTopic/Properties/DisplayName";
    static final String LINT_REF = "E3005 DependsOn should reference another resource at Resources/Pipeline/DependsOn";

    final Map<String, List<String>> errors = ProvisioningPages.messages(List.of(
            new Problem.FieldError("parameters.GitProvider", NOT_ALLOWED),
            new Problem.FieldError("template", LINT_TYPE),
            new Problem.FieldError("parameters.GitProvider", NO_MATCH),
            new Problem.FieldError("template", LINT_REF)));

    final List<ProvisioningPages.Field> target = List.of(
            ProvisioningPages.field("region", "Region", "eu-west-1", errors, Map.of(), null));

    final List<ProvisioningPages.Field> plan = List.of(
            ProvisioningPages.field("stackName", "Stack name", "example-stack", errors, Map.of(), null),
            ProvisioningPages.field("parameters.GitProvider", "Git host (GitProvider)", null, errors,
                    Map.of("parameters.GitProvider", "github.com"), null));

    @Test
    void everyMessageOfAFieldIsKept() {
        assertEquals(List.of(NOT_ALLOWED, NO_MATCH), plan.get(1).errors());
        assertEquals(List.of(), plan.get(0).errors(), "a field without a problem has no message");
        assertEquals("Not planned: correct Git host (marked below); " + LINT_TYPE + "; " + LINT_REF + ".",
                ProvisioningPages.refusal("Not planned", target, plan, errors));
    }
}
