package dev.bearing.web;

import static dev.bearing.web.Redirects.seeOther;

import dev.bearing.assessment.AssessmentResource;
import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import dev.bearing.provisioning.ProvisioningApi.Overview;
import dev.bearing.provisioning.ProvisioningApi.PlanRequest;
import dev.bearing.provisioning.ProvisioningApi.RunView;
import dev.bearing.provisioning.ProvisioningApi.TargetRequest;
import dev.bearing.provisioning.ProvisioningResource;
import dev.bearing.provisioning.ProvisioningService;
import dev.bearing.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The provisioning pages: the overview of an assessment (offer or the reason there is none, the
 * organisation's AWS target, the plan form, the runs), and a run's page (the preview with the
 * changes, the cost estimate and the manual steps, and the confirm button; then live progress,
 * outputs or the failing resource). Forms end in a 303; a refused form shows the page again with
 * every message of each field.
 */
@Path("/assessments/{id}/provisioning")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CONSULTANT, Roles.ADMIN})
public class ProvisioningPages {

    @Inject
    dev.bearing.provisioning.ProvisioningConfig provisioningConfig;

    @Inject
    ProvisioningService provisioning;

    /**
     * A form field as the page shows it.
     *
     * @param name input name (also the field an error names)
     * @param label label text
     * @param value value to show, may be null
     * @param errors the field's messages, in the order found (a parameter may fail both its allowed
     *     values and its pattern); empty when it has none
     * @param hint help text, or null
     */
    public record Field(String name, String label, String value, List<String> errors, String hint) {

        /**
         * @return what the page puts before each of the field's messages: the input name for the
         *     target's settings ("region: "), nothing for a template parameter, whose messages
         *     start with its label ("Network range allowed to reach Jenkins: give an IPv4 range …")
         */
        public String messagePrefix() {
            return name.startsWith("parameters.") ? "" : name + ": ";
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Overview overview, List<Field> target, List<Field> plan, String error);

        static native TemplateInstance run(long assessmentId, String organisation, RunView run);
    }

    /** @return the overview with the target and plan forms */
    @GET
    public TemplateInstance overview(@PathParam("id") String id) {
        return page(AssessmentResource.parseId(id), null, Map.of(), Map.of(), null);
    }

    /** Saves the organisation's AWS target. */
    @POST
    @Path("target")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response target(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        long assessmentId = AssessmentResource.parseId(id);
        try {
            provisioning.saveTarget(assessmentId, new TargetRequest(form.getFirst("accountId"), form.getFirst("region"),
                    form.getFirst("roleArn"), form.getFirst("externalId"), form.getFirst("serviceRoleArn")));
        } catch (ProblemException e) {
            return refused(assessmentId, e, form, "Not saved");
        }
        return seeOther("/assessments/" + assessmentId + "/provisioning#target");
    }

    /** Plans a deployment from the form ({@code stackName}, {@code parameters.<Key>}) and opens the run. */
    @POST
    @Path("plan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response plan(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        long assessmentId = AssessmentResource.parseId(id);
        Map<String, String> parameters = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("parameters.") && !v.isEmpty()) {
                parameters.put(k.substring("parameters.".length()), v.get(0));
            }
        });
        RunView run;
        try {
            run = provisioning.plan(assessmentId, new PlanRequest(form.getFirst("stackName"), parameters));
        } catch (ProblemException e) {
            return refused(assessmentId, e, form, "Not planned");
        }
        return seeOther("/assessments/" + assessmentId + "/provisioning/runs/" + run.number());
    }

    /** Plans the tear-down of the deployed stack and opens the run (its preview lists what would be deleted). */
    @POST
    @Path("teardown")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response teardown(@PathParam("id") String id) {
        long assessmentId = AssessmentResource.parseId(id);
        RunView run;
        try {
            run = provisioning.planTeardown(assessmentId);
        } catch (ProblemException e) {
            return refused(assessmentId, e, null, "No tear-down planned");
        }
        return seeOther("/assessments/" + assessmentId + "/provisioning/runs/" + run.number());
    }

    /** @return a run: preview and confirm button, progress, outputs or failure */
    @GET
    @Path("runs/{number}")
    public TemplateInstance run(@PathParam("id") String id, @PathParam("number") String number) {
        long assessmentId = AssessmentResource.parseId(id);
        RunView run = provisioning.run(assessmentId, ProvisioningResource.runNumber(number));
        return Templates.run(assessmentId, provisioning.organisation(assessmentId), run);
    }

    /** Confirms a planned run, then shows its progress. */
    @POST
    @Path("runs/{number}/execute")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response execute(@PathParam("id") String id, @PathParam("number") String number) {
        long assessmentId = AssessmentResource.parseId(id);
        int n = ProvisioningResource.runNumber(number);
        try {
            provisioning.execute(assessmentId, n);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            // already confirmed (a second click) or another run active: show the run as it stands
        }
        return seeOther("/assessments/" + assessmentId + "/provisioning/runs/" + n);
    }

    /** Unknown ids: the error page naming what was wrong. */
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(AssessmentPages.Templates.error(e.status(), e.title(), e.getMessage())).build();
    }

    /** The page again, 422 (409 for a conflict), with the refusal ("Not planned") and every field's message. */
    private Response refused(long assessmentId, ProblemException e, MultivaluedMap<String, String> form, String refusal) {
        if (e.status() == 404) {
            throw e;
        }
        Map<String, List<String>> errors = messages(e.errors());
        Map<String, String> values = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((k, v) -> values.put(k, v.isEmpty() ? null : v.get(0)));
        }
        // with field errors the page names them all (refusal(...)); otherwise the problem's own sentence
        String general = errors.isEmpty() || e.status() == 422 ? e.getMessage() : null;
        int status = e.status() == 409 ? 409 : 422;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(assessmentId, general, errors, values, refusal)).build();
    }

    /** @return each field's messages in the order given, e.g. "template" → ["E3012 …", "E3002 …"] */
    static Map<String, List<String>> messages(List<Problem.FieldError> errors) {
        Map<String, List<String>> messages = new LinkedHashMap<>();
        for (Problem.FieldError f : errors) {
            messages.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(f.message());
        }
        return messages;
    }

    private TemplateInstance page(long assessmentId, String error, Map<String, List<String>> errors, Map<String, String> values,
            String refusal) {
        Overview o = provisioning.overview(assessmentId);
        TargetRequest t = o.target();
        List<Field> target = List.of(
                field("accountId", "AWS account id (12 digits; optional, checked against the credentials)", t.accountId(), errors, values,
                        null),
                field("region", "Region", t.region(), errors, values, provisioningConfig.region().filter(r -> !r.isBlank())
                        .map(r -> "e.g. eu-west-1; empty uses this deployment's default, " + r)
                        .orElse("e.g. eu-west-1; required, as this deployment sets no default (BEARING_PROVISIONING_REGION)")),
                field("roleArn", "Role to assume in the client's account (ARN)", t.roleArn(), errors, values,
                        "e.g. arn:aws:iam::123456789012:role/BearingProvisioner; empty uses Bearing's own credentials"),
                field("externalId", "External ID the role's trust policy requires", t.externalId(), errors, values, null),
                field("serviceRoleArn", "CloudFormation service role (ARN; optional)", t.serviceRoleArn(), errors, values,
                        "CloudFormation creates the resources with this role; Bearing's role then needs iam:PassRole on it"));
        List<Field> plan = new ArrayList<>();
        plan.add(field("stackName", "Stack name", o.defaultStackName(), errors, values,
                "letters, digits and hyphens; keep the bearing- prefix when the client's role has the README's "
                        + "least-privilege policy, which allows only stacks named bearing-…"));
        o.parametersToFill().forEach(p -> plan.add(field("parameters." + p.key(), p.label() + " (" + p.key() + ")", null, errors,
                values, null)));
        // settings problems found while planning belong to the target form's fields, and show there too
        String general = error == null && !errors.isEmpty() ? refusal(refusal, target, plan, errors) : error;
        return Templates.overview(o, target, plan, general);
    }

    /**
     * @return one sentence naming every refused setting at once: the form fields by their labels
     *     (each also marked at its field), then problems no field shows (credentials, template)
     *     with every one of their messages, e.g. "Not planned: correct Region, External ID and Stack name
     *     (marked below); Bearing has no AWS credentials of its own: set …."
     */
    static String refusal(String refusal, List<Field> target, List<Field> plan, Map<String, List<String>> errors) {
        List<Field> fields = new ArrayList<>(target);
        fields.addAll(plan);
        List<String> marked = fields.stream().filter(f -> !f.errors().isEmpty()).map(f -> shortLabel(f.label())).toList();
        List<String> parts = new ArrayList<>();
        if (!marked.isEmpty()) {
            parts.add("correct " + inWords(marked) + " (marked below)");
        }
        errors.forEach((name, messages) -> {
            if (fields.stream().noneMatch(f -> f.name().equals(name))) {
                for (String message : messages) {
                    parts.add(name.equals("credentials") || name.equals("template") ? message : name + ": " + message);
                }
            }
        });
        return (refusal == null ? "Not done" : refusal) + ": " + String.join("; ", parts) + ".";
    }

    /** @return a label without its explanation in brackets: "AWS account id (12 digits; …)" → "AWS account id" */
    private static String shortLabel(String label) {
        int bracket = label.indexOf(" (");
        return bracket > 0 ? label.substring(0, bracket) : label;
    }

    /** @return "A", "A and B", "A, B and C" */
    private static String inWords(List<String> items) {
        return items.size() == 1 ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static Field field(String name, String label, String saved, Map<String, List<String>> errors, Map<String, String> values,
            String hint) {
        String value = values.containsKey(name) ? values.get(name) : saved;
        return new Field(name, label, value, errors.getOrDefault(name, List.of()), hint);
    }
}
