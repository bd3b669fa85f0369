package dev.bearing.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bearing.assessment.AccessControl;
import dev.bearing.assessment.Assessment;
import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import dev.bearing.common.ProblemTypes;
import dev.bearing.common.TokenGenerator;
import dev.bearing.provisioning.ProvisioningApi.Change;
import dev.bearing.provisioning.ProvisioningApi.EventView;
import dev.bearing.provisioning.ProvisioningApi.Outcome;
import dev.bearing.provisioning.ProvisioningApi.Overview;
import dev.bearing.provisioning.ProvisioningApi.ParameterValue;
import dev.bearing.provisioning.ProvisioningApi.Plan;
import dev.bearing.provisioning.ProvisioningApi.PlanRequest;
import dev.bearing.provisioning.ProvisioningApi.RunView;
import dev.bearing.provisioning.ProvisioningApi.TargetRequest;
import dev.bearing.provisioning.blueprint.CfnLint;
import dev.bearing.provisioning.blueprint.ComposedStack;
import dev.bearing.provisioning.blueprint.ParameterCheck;
import dev.bearing.provisioning.blueprint.StackComposer;
import dev.bearing.review.AssessmentVersion;
import dev.bearing.security.Audit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * Provisions an assessment's newest approved version on AWS: plan (lint, then a change set to
 * preview; nothing is created), execute once a consultant confirms, follow the stack's events to
 * a final state ({@link StackFollower}), and tear down. Every run is a row; at most one run per
 * assessment plans or executes at a time, across instances (a partial unique index, V8). No
 * database transaction is held across an AWS call. Every step is audited.
 */
@ApplicationScoped
public class ProvisioningService {

    private static final Logger LOG = Logger.getLogger(ProvisioningService.class);
    private static final Pattern PARAMETER_PROBLEM = Pattern.compile("^Parameter ([A-Za-z0-9]+)[: ]");
    private static final Pattern STACK_NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]{0,127}");
    /** Consecutive failed reads of a running stack (other than throttling) before the run is given up. */
    private static final int MAX_FAILED_POLLS = 12;

    @Inject
    AccessControl access;

    @Inject
    Audit audit;

    @Inject
    StackComposer composer;

    @Inject
    CfnLint lint;

    @Inject
    AwsAccess aws;

    @Inject
    ProvisioningConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    TokenGenerator tokens;

    @Inject
    Clock clock;

    /**
     * @return whether provisioning is offered, the target, the parameters to fill and the runs
     * @throws ProblemException 404 unknown or not visible assessment
     */
    public Overview overview(long assessmentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Assessment a = access.assessment(assessmentId);
            Optional<AssessmentVersion> v = AssessmentVersion.latestOf(assessmentId);
            ComposedStack composed = v.map(composer::compose).orElse(null);
            boolean offered = composed != null && composed.offered();
            String reason = v.isEmpty() ? "Nothing is approved yet: approve a version of the review first, then provision it."
                    : composed.offered() ? null : composed.notOfferedReason();
            List<ParameterValue> toFill = offered ? composed.parameters().stream().filter(p -> p.value() == null)
                    .map(p -> new ParameterValue(p.key(), p.label(), null, p.noEcho())).toList() : List.of();
            AwsTarget t = AwsTarget.findById(organisationKey(assessmentId));
            TargetRequest target = t == null ? new TargetRequest(null, null, null, null, null)
                    : new TargetRequest(t.accountId, t.region, t.roleArn, t.externalId, t.serviceRoleArn);
            List<ProvisioningRun> runs = ProvisioningRun.ofAssessment(assessmentId);
            String deployed = null;
            for (ProvisioningRun r : runs) {
                if (r.state == RunState.SUCCEEDED) {
                    deployed = r.kind == ProvisioningRun.Kind.DEPLOY ? r.stackName : null;
                    break;
                }
            }
            return new Overview(assessmentId, a.organisation.name, v.map(x -> x.number).orElse(null), offered, reason,
                    toFill, target, defaultStackName(a), deployed, runs.stream().map(r -> view(r, false)).toList(),
                    runs.stream().anyMatch(r -> r.state == RunState.PLANNING || r.state == RunState.EXECUTING));
        });
    }

    /**
     * Saves where the organisation's stacks go (for every assessment of the organisation).
     *
     * @throws ProblemException 400 naming a malformed field; 404 unknown assessment
     */
    public void saveTarget(long assessmentId, TargetRequest r) {
        QuarkusTransaction.requiringNew().run(() -> {
            access.assessment(assessmentId);
            String key = organisationKey(assessmentId);
            AwsTarget t = AwsTarget.findById(key);
            if (t == null) {
                t = new AwsTarget();
                t.organisationKey = key;
            }
            AwsTarget candidate = new AwsTarget();
            candidate.accountId = blankToNull(r == null ? null : r.accountId());
            candidate.region = blankToNull(r == null ? null : r.region());
            candidate.roleArn = blankToNull(r == null ? null : r.roleArn());
            candidate.externalId = blankToNull(r == null ? null : r.externalId());
            candidate.serviceRoleArn = blankToNull(r == null ? null : r.serviceRoleArn());
            AwsAccess.check(candidate, Optional.of("us-east-1"), false);
            boolean isNew = !t.isPersistent();
            t.accountId = candidate.accountId;
            t.region = candidate.region;
            t.roleArn = candidate.roleArn;
            t.externalId = candidate.externalId;
            t.serviceRoleArn = candidate.serviceRoleArn;
            t.updatedBy = access.actor();
            t.updatedAt = clock.instant();
            if (isNew) {
                t.persist();
            }
            audit.record("provisioning.target", assessmentId, "AWS target of the organisation set: account "
                    + orDash(t.accountId) + ", region " + orDash(t.region) + ", role " + orDash(t.roleArn)
                    + (t.externalId == null ? "" : ", with an external ID") + ", CloudFormation service role "
                    + orDash(t.serviceRoleArn));
        });
    }

    /**
     * Plans a deployment of the newest approved version: checks everything that needs no AWS
     * call (approval, offer, parameters, stack name, settings, cfn-lint), records the run, then
     * makes the change set and waits for its changes. A stack left in ROLLBACK_COMPLETE by a
     * failed creation (it holds no resources) is deleted first so it can be created again; one in
     * UPDATE_ROLLBACK_COMPLETE is updated. Nothing is created until {@link #execute}.
     *
     * @return the run: PLANNED with its preview, or FAILED with the reason AWS gave
     * @throws ProblemException 400 naming, all at once, every missing parameter, every value that does not fit its
     *     definition ({@link ParameterCheck}, in plain words with the parameter's label), the stack name, each
     *     target setting and the credentials (before any AWS call or run); 409 not approved, not
     *     offered, or a run already active; 422 the template fails cfn-lint; 404 unknown assessment
     */
    public RunView plan(long assessmentId, PlanRequest request) {
        record Prepared(long runId, AwsAccess.Target target, String template, List<Parameter> parameters,
                List<ParameterValue> shown, ComposedStack composed, List<String> warnings, int version, String stackName) {
        }
        // before the transaction: the default chain may wait on the instance metadata service
        Optional<Problem.FieldError> noCredentials = aws.credentialsProblem();
        Prepared checked = QuarkusTransaction.requiringNew().call(() -> {
            Assessment a = access.assessment(assessmentId);
            AssessmentVersion v = AssessmentVersion.latestOf(assessmentId).orElseThrow(() -> ProblemException.conflict(
                    "Nothing is approved yet: approve a version before provisioning.", List.of()));
            ComposedStack composed = composer.compose(v);
            if (!composed.offered()) {
                throw ProblemException.conflict("Provisioning is not offered: " + composed.notOfferedReason(), List.of());
            }
            Map<String, String> given = request == null || request.parameters() == null ? Map.of() : request.parameters();
            List<Problem.FieldError> errors = new ArrayList<>();
            List<Parameter> parameters = new ArrayList<>();
            List<ParameterValue> shown = new ArrayList<>();
            Map<String, String> labels = new java.util.HashMap<>();
            Map<String, String> values = new java.util.HashMap<>();
            for (ComposedStack.TemplateParameter tp : composed.parameters()) {
                labels.put(tp.key(), shortLabel(tp.label()));
                String value = tp.value() != null ? tp.value() : blankToNull(given.get(tp.key()));
                if (value == null) {
                    errors.add(new Problem.FieldError("parameters." + tp.key(), shortLabel(tp.label()) + ": is required"));
                    continue;
                }
                values.put(tp.key(), value);
                parameters.add(Parameter.builder().parameterKey(tp.key()).parameterValue(value).build());
                shown.add(new ParameterValue(tp.key(), tp.label(), tp.noEcho() ? null : value, tp.noEcho()));
            }
            // each value against its definition here, in microseconds: a bad one is refused before cfn-lint or AWS
            for (ParameterCheck.Refusal r : ParameterCheck.check(composed.templateBody(), values)) {
                errors.add(new Problem.FieldError("parameters." + r.key(), labels.getOrDefault(r.key(), r.key()) + ": "
                        + r.message()));
            }
            String stackName = request == null || blankToNull(request.stackName()) == null ? defaultStackName(a)
                    : request.stackName().strip();
            if (!STACK_NAME.matcher(stackName).matches()) {
                errors.add(new Problem.FieldError("stackName", "must start with a letter and hold only letters, digits and "
                        + "hyphens, up to 128 characters"));
            }
            AwsAccess.Target target;
            try {
                target = aws.check(AwsTarget.findById(organisationKey(assessmentId)));
            } catch (ProblemException e) {
                errors.addAll(e.errors());
                target = null;
            }
            noCredentials.ifPresent(errors::add); // every missing setting at once, not one per attempt
            if (!errors.isEmpty()) {
                throw new ProblemException(400, "Invalid input", String.join("; ", errors.stream()
                        .map(f -> f.field() + " " + f.message()).toList()), errors, ProblemTypes.INVALID_VALUE);
            }
            return new Prepared(0, target, composed.templateBody(), parameters, shown, composed, List.of(), v.number,
                    stackName);
        });
        // cfn-lint takes seconds (a Python process): outside any database transaction
        Map<String, String> values = new java.util.LinkedHashMap<>();
        checked.parameters().forEach(x -> values.put(x.parameterKey(), x.parameterValue()));
        List<String> warnings = lintOrRefuse(checked.template(), values);
        Prepared p = QuarkusTransaction.requiringNew().call(() -> {
            ProvisioningRun run = newRun(assessmentId, ProvisioningRun.Kind.DEPLOY, checked.target(), checked.stackName());
            run.versionNumber = checked.version();
            run.templateBody = checked.template();
            insertActive(run);
            return new Prepared(run.id, checked.target(), checked.template(), checked.parameters(), checked.shown(),
                    checked.composed(), warnings, checked.version(), checked.stackName());
        });
        ProvisioningRun run = QuarkusTransaction.requiringNew().call(() -> ProvisioningRun.findById(p.runId()));
        try (AwsAccess.Session s = aws.open(p.target(), "bearing-run-" + run.id)) {
            StackSteps steps = new StackSteps(s.cloudFormation(), config.planTimeout(), run.serviceRoleArn);
            checkAccount(p.target(), s.account());
            String note = null;
            ChangeSetType type = ChangeSetType.CREATE;
            Optional<Stack> existing = steps.find(run.stackName);
            if (existing.isPresent()) {
                String status = existing.get().stackStatusAsString();
                if ("ROLLBACK_COMPLETE".equals(status)) {
                    steps.deleteAndWait(existing.get().stackId(), "bearing-" + run.id + "-cleanup-" + run.clientToken.substring(run.clientToken.length() - 8));
                    note = "Stack " + run.stackName + " was in ROLLBACK_COMPLETE after a failed creation (it held no resources); "
                            + "Bearing deleted it so it can be created again.";
                } else if ("REVIEW_IN_PROGRESS".equals(status)) {
                    type = ChangeSetType.CREATE;
                } else if (StackSteps.UPDATABLE.contains(status)) {
                    type = ChangeSetType.UPDATE;
                } else {
                    throw new IllegalStateException("Stack " + run.stackName + " is " + status
                            + ": wait until it reaches a final state, or repair it in the AWS console, then plan again.");
                }
            }
            List<Tag> tags = List.of(Tag.builder().key("bearing:assessment").value(String.valueOf(assessmentId)).build(),
                    Tag.builder().key("bearing:version").value(String.valueOf(p.version())).build());
            DescribeChangeSetResponse cs = steps.createChangeSet(run.stackName, run.changeSetName, run.clientToken, type,
                    p.template(), p.parameters(), tags);
            List<Change> changes = steps.changes(cs);
            Plan plan = new Plan(changes, p.composed().cost(), p.composed().manualSteps(), p.composed().blueprints(), p.shown(),
                    p.warnings());
            String account = s.account();
            ChangeSetType chosen = type;
            String noteFinal = note;
            QuarkusTransaction.requiringNew().run(() -> {
                ProvisioningRun r = ProvisioningRun.findById(p.runId());
                r.state = RunState.PLANNED;
                r.accountId = account;
                r.stackId = cs.stackId();
                r.changeSetId = cs.changeSetId();
                r.changeSetType = chosen.toString();
                r.planJson = write(plan);
                r.note = noteFinal;
                audit.recordAs(r.requestedBy, "provisioning.planned", assessmentId, "Run " + r.number + ": change set "
                        + r.changeSetName + " (" + chosen + ") of stack " + r.stackName + " in account " + account + ", "
                        + r.region + ", version " + r.versionNumber + ": " + dev.bearing.common.UserText.count(changes.size(), "change")
                        + (noteFinal == null ? "" : ". " + noteFinal));
            });
        } catch (ProblemException e) {
            fail(p.runId(), e.getMessage(), null);
            throw e;
        } catch (RuntimeException e) {
            fail(p.runId(), reason(e), null);
        }
        return run(assessmentId, run.number);
    }

    /**
     * Plans the tear-down of the stack of the newest successful deployment: lists the resources
     * that deleting the stack removes. Nothing is deleted until {@link #execute}.
     *
     * @return the run, PLANNED with the list, or FAILED
     * @throws ProblemException 409 nothing deployed or a run active; 400 settings; 404 unknown assessment
     */
    public RunView planTeardown(long assessmentId) {
        Optional<Problem.FieldError> noCredentials = aws.credentialsProblem();
        long runId = QuarkusTransaction.requiringNew().call(() -> {
            Assessment a = access.assessment(assessmentId);
            ProvisioningRun deployed = ProvisioningRun.<ProvisioningRun>find("assessmentId = ?1 and state = ?2 order by number desc",
                    assessmentId, RunState.SUCCEEDED).firstResultOptional()
                    .filter(r -> r.kind == ProvisioningRun.Kind.DEPLOY)
                    .orElseThrow(() -> ProblemException.conflict("No deployed stack to tear down.", List.of()));
            AwsAccess.Target target = checkWith(AwsTarget.findById(organisationKey(assessmentId)), noCredentials);
            ProvisioningRun run = newRun(a.id, ProvisioningRun.Kind.TEARDOWN,
                    new AwsAccess.Target(deployed.region, deployed.roleArn, target.externalId(), target.expectedAccount(),
                            target.serviceRoleArn()),
                    deployed.stackName);
            run.stackId = deployed.stackId;
            run.accountId = deployed.accountId;
            insertActive(run);
            return run.id;
        });
        ProvisioningRun run = QuarkusTransaction.requiringNew().call(() -> ProvisioningRun.findById(runId));
        try (AwsAccess.Session s = aws.open(targetOf(run), "bearing-run-" + run.id)) {
            StackSteps steps = new StackSteps(s.cloudFormation(), config.planTimeout(), run.serviceRoleArn);
            Optional<Stack> stack = steps.find(run.stackId);
            if (stack.isEmpty() || "DELETE_COMPLETE".equals(stack.get().stackStatusAsString())) {
                throw new IllegalStateException("Stack " + run.stackName + " no longer exists.");
            }
            List<Change> deletes = steps.resources(run.stackId).stream()
                    .map(r -> new Change(r.logicalId(), r.resourceType(), "Remove", null, r.physicalId())).toList();
            Plan plan = new Plan(deletes, null, List.of(), List.of(), List.of(), List.of());
            QuarkusTransaction.requiringNew().run(() -> {
                ProvisioningRun r = ProvisioningRun.findById(runId);
                r.state = RunState.PLANNED;
                r.planJson = write(plan);
                audit.recordAs(r.requestedBy, "provisioning.teardown-planned", assessmentId, "Run " + r.number
                        + ": tear-down of stack " + r.stackName + " in account " + r.accountId + ", " + r.region + ": "
                        + dev.bearing.common.UserText.count(deletes.size(), "resource") + " would be deleted");
            });
        } catch (ProblemException e) {
            fail(runId, e.getMessage(), null);
            throw e;
        } catch (RuntimeException e) {
            fail(runId, reason(e), null);
        }
        return run(assessmentId, run.number);
    }

    /**
     * Confirms a planned run: runs its change set (rollback on failure set explicitly), or
     * deletes the stack for a tear-down; {@link StackFollower} then follows the stack. A second
     * confirmation, here or on another instance, changes nothing and answers 409.
     *
     * @return the run, EXECUTING (or FAILED when AWS refused)
     * @throws ProblemException 404 no such run; 409 not planned (already confirmed, superseded,
     *     finished) or another run active
     */
    public RunView execute(long assessmentId, int number) {
        ProvisioningRun run = QuarkusTransaction.requiringNew().call(() -> {
            access.assessment(assessmentId);
            ProvisioningRun r = find(assessmentId, number);
            if (r.state != RunState.PLANNED) {
                throw ProblemException.conflict("Run " + number + " is " + r.state.name().toLowerCase(Locale.ROOT)
                        + ": only a planned run can be confirmed, once.", List.of());
            }
            return r;
        });
        String actor = access.actor();
        Instant now = clock.instant();
        int updated;
        try {
            updated = QuarkusTransaction.requiringNew().call(() -> ProvisioningRun.update(
                    "state = ?1, confirmedBy = ?2, confirmedAt = ?3 where id = ?4 and state = ?5", RunState.EXECUTING, actor,
                    now, run.id, RunState.PLANNED));
        } catch (RuntimeException e) {
            if (uniqueViolation(e)) {
                throw ProblemException.conflict("Another provisioning run of this assessment is planning or executing; "
                        + "wait until it finishes.", List.of());
            }
            throw e;
        }
        if (updated == 0) {
            throw ProblemException.conflict("Run " + number + " was already confirmed.", List.of());
        }
        try (AwsAccess.Session s = aws.open(targetOf(run), "bearing-run-" + run.id)) {
            StackSteps steps = new StackSteps(s.cloudFormation(), config.planTimeout(), run.serviceRoleArn);
            String baseline = steps.newestEventId(run.stackId);
            if (run.kind == ProvisioningRun.Kind.DEPLOY) {
                steps.execute(run.changeSetId, run.executeToken);
            } else {
                steps.delete(run.stackId, run.executeToken);
            }
            QuarkusTransaction.requiringNew().run(() -> {
                ProvisioningRun r = ProvisioningRun.findById(run.id);
                r.eventsAfter = baseline;
                r.nextPollAt = clock.instant();
                audit.record(r.kind == ProvisioningRun.Kind.DEPLOY ? "provisioning.executed" : "provisioning.teardown",
                        assessmentId, "Run " + r.number + " confirmed: " + (r.kind == ProvisioningRun.Kind.DEPLOY
                                ? "change set " + r.changeSetName + " executing on stack " : "deleting stack ")
                                + r.stackName + " in account " + r.accountId + ", " + r.region);
            });
        } catch (RuntimeException e) {
            fail(run.id, reason(e), null);
        }
        return run(assessmentId, number);
    }

    /**
     * @return run {@code number} with its preview, events and outcome
     * @throws ProblemException 404 unknown assessment or run
     */
    public RunView run(long assessmentId, int number) {
        return QuarkusTransaction.requiringNew().call(() -> {
            access.assessment(assessmentId);
            return view(find(assessmentId, number), true);
        });
    }

    /**
     * @return the template run {@code number} sent to CloudFormation (YAML), so a client's own
     *     pipeline can deploy exactly what was previewed
     * @throws ProblemException 404 unknown assessment or run, or a tear-down (which has no template)
     */
    public String template(long assessmentId, int number) {
        return QuarkusTransaction.requiringNew().call(() -> {
            access.assessment(assessmentId);
            ProvisioningRun r = find(assessmentId, number);
            if (r.templateBody == null) {
                throw new ProblemException(404, "Not found", "Run " + number + " sent no template (a tear-down).", List.of(),
                        ProblemTypes.NOT_FOUND);
            }
            return r.templateBody;
        });
    }

    /**
     * @return the assessment's organisation name
     * @throws ProblemException 404 unknown or not visible assessment
     */
    public String organisation(long assessmentId) {
        return QuarkusTransaction.requiringNew().call(() -> access.assessment(assessmentId).organisation.name);
    }

    /**
     * Follows runs that are executing and due: claims up to {@code limit} of them (skipping rows
     * another instance holds), reads their stacks outside any transaction, and records what it
     * found. Also fails runs whose planning was interrupted (the instance stopped mid-plan).
     *
     * @return how many runs were looked at
     */
    public int followDue(int limit) {
        Instant now = clock.instant();
        Duration lease = config.maxPollInterval().plus(config.planTimeout());
        @SuppressWarnings("unchecked")
        List<Number> ids = QuarkusTransaction.requiringNew().call(() -> {
            ProvisioningRun.update("state = ?1, statusReason = ?2, finishedAt = ?3 where state = ?4 and requestedAt < ?5",
                    RunState.FAILED, "Planning was interrupted (the instance stopped); plan again.", now,
                    RunState.PLANNING, now.minus(config.planTimeout().multipliedBy(2)));
            List<Number> due = ProvisioningRun.getEntityManager().createNativeQuery(
                    "select id from provisioning_run where state = 'EXECUTING' and next_poll_at <= ?1 "
                            + "order by next_poll_at limit ?2 for update skip locked")
                    .setParameter(1, now).setParameter(2, limit).getResultList();
            for (Number id : due) {
                ProvisioningRun.update("nextPollAt = ?1 where id = ?2", now.plus(lease), id.longValue());
            }
            return due;
        });
        for (Number id : ids) {
            try {
                follow(id.longValue());
            } catch (RuntimeException e) {
                // follow() handles a failed AWS read itself; what reaches here is unexpected, so the trace is logged
                LOG.warnf(e, "Provisioning run %d: recording its stack's progress failed: %s", id.longValue(), reason(e));
                retrySoon(id.longValue());
            }
        }
        return ids.size();
    }

    /**
     * Hands a run whose follow failed unexpectedly (not a failed AWS read, which {@link #follow}
     * counts and backs off from) back to be read again after the poll interval, by this instance or
     * another, instead of at the end of its lease (the longest poll interval plus the plan timeout,
     * six minutes by default, which covers an instance that stops mid-follow).
     */
    private void retrySoon(long runId) {
        try {
            QuarkusTransaction.requiringNew().run(() -> ProvisioningRun.update(
                    "nextPollAt = ?1, statusReason = ?2 where id = ?3 and state = ?4", clock.instant().plus(config.pollInterval()),
                    "Bearing could not record the stack's progress just now and tries again in a few seconds; the server log "
                            + "says why.", runId, RunState.EXECUTING));
        } catch (RuntimeException e) {
            LOG.debugf("Provisioning run %d: left to its lease (%s)", runId, reason(e));
        }
    }

    /** Reads one executing run's stack once and records new events and, when reached, its final state. */
    void follow(long runId) {
        ProvisioningRun run = QuarkusTransaction.requiringNew().call(() -> ProvisioningRun.findById(runId));
        if (run == null || run.state != RunState.EXECUTING) {
            return;
        }
        List<ProvisioningEvent> stored = QuarkusTransaction.requiringNew().call(() -> ProvisioningEvent.ofRun(runId));
        Set<String> known = new HashSet<>();
        stored.forEach(e -> known.add(e.eventId));
        if (run.eventsAfter != null) {
            known.add(run.eventsAfter);
        }
        boolean teardown = run.kind == ProvisioningRun.Kind.TEARDOWN;
        String seenFinal = null;
        for (ProvisioningEvent e : stored) {
            if (e.logicalId.equals(run.stackName) && "AWS::CloudFormation::Stack".equals(e.resourceType)
                    && StackSteps.isFinal(e.status, teardown)) {
                seenFinal = e.status;
            }
        }
        StackSteps.Look look;
        try (AwsAccess.Session s = aws.open(targetOf(run), "bearing-run-" + run.id)) {
            look = new StackSteps(s.cloudFormation(), config.planTimeout(), run.serviceRoleArn).look(run.stackId, run.stackName, known, seenFinal,
                    teardown);
        } catch (RuntimeException e) {
            boolean throttled = StackSteps.throttled(e);
            QuarkusTransaction.requiringNew().run(() -> {
                ProvisioningRun r = ProvisioningRun.findById(runId);
                r.throttledPolls++;
                if (!throttled && r.throttledPolls >= MAX_FAILED_POLLS) {
                    finish(r, RunState.FAILED, null, "Bearing could not read the stack's progress " + MAX_FAILED_POLLS
                            + " times in a row; last: " + reason(e) + ". Look at the stack in the AWS console.", null);
                    return;
                }
                long factor = 1L << Math.min(r.throttledPolls, 10);
                Duration wait = config.pollInterval().multipliedBy(factor);
                r.nextPollAt = clock.instant().plus(wait.compareTo(config.maxPollInterval()) > 0 ? config.maxPollInterval() : wait);
                r.statusReason = (throttled ? "AWS throttled the progress reads; reading again in " : "Reading the stack failed ("
                        + reason(e) + "); reading again in ") + Duration.between(clock.instant(), r.nextPollAt).toSeconds() + " s.";
            });
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ProvisioningRun r = ProvisioningRun.findById(runId);
            if (r.state != RunState.EXECUTING) {
                return;
            }
            for (StackEvent e : look.newEvents()) {
                ProvisioningEvent pe = new ProvisioningEvent();
                pe.runId = runId;
                pe.eventId = e.eventId();
                pe.occurredAt = e.timestamp() == null ? clock.instant() : e.timestamp();
                pe.logicalId = e.logicalResourceId() == null ? "" : e.logicalResourceId();
                pe.resourceType = e.resourceType();
                pe.status = e.resourceStatusAsString();
                pe.reason = e.resourceStatusReason();
                pe.persist();
            }
            if (!look.newEvents().isEmpty()) {
                r.status = look.newEvents().get(look.newEvents().size() - 1).resourceStatusAsString();
            }
            r.throttledPolls = 0;
            if (look.finalStatus() == null) {
                r.statusReason = null;
                r.nextPollAt = clock.instant().plus(config.pollInterval());
                return;
            }
            ProvisioningRun.getEntityManager().flush();
            boolean good = teardown ? "DELETE_COMPLETE".equals(look.finalStatus()) : StackSteps.DEPLOYED.contains(look.finalStatus());
            ProvisioningEvent failed = null;
            if (!good) {
                for (ProvisioningEvent e : ProvisioningEvent.ofRun(runId)) {
                    if (e.status.endsWith("_FAILED") && (e.reason == null || !e.reason.toLowerCase(Locale.ROOT).contains("cancelled"))
                            && !(e.logicalId.equals(r.stackName) && "AWS::CloudFormation::Stack".equals(e.resourceType))) {
                        failed = e;
                        break;
                    }
                }
            }
            r.status = look.finalStatus();
            finish(r, good ? RunState.SUCCEEDED : RunState.FAILED, look.outcome(),
                    good ? null : failed != null ? failed.reason : orElse(look.stackReason(), "The stack ended in " + look.finalStatus() + "."),
                    failed == null ? null : failed.logicalId + (failed.resourceType == null ? "" : " (" + failed.resourceType + ")"));
        });
    }

    // ---- helpers ----

    private void finish(ProvisioningRun r, RunState state, Outcome outcome, String reason, String failedResource) {
        r.state = state;
        r.finishedAt = clock.instant();
        r.nextPollAt = null;
        r.statusReason = reason;
        r.failedResource = failedResource;
        if (outcome != null) {
            r.outputsJson = write(outcome);
        }
        long events = ProvisioningEvent.count("runId", r.id);
        audit.recordAs(r.confirmedBy == null ? r.requestedBy : r.confirmedBy,
                state == RunState.SUCCEEDED ? "provisioning.succeeded" : "provisioning.failed", r.assessmentId,
                "Run " + r.number + " (" + r.kind.name().toLowerCase(Locale.ROOT) + ") of stack " + r.stackName
                        + (r.accountId == null ? " (account not reached)" : " in account " + r.accountId) + ", " + r.region
                        + ", change set " + orDash(r.changeSetName) + ": " + orDash(r.status)
                        + " after " + dev.bearing.common.UserText.count(events, "event") + (failedResource == null ? "" : "; failed: " + failedResource)
                        + (reason == null ? "" : "; " + reason));
    }

    private void fail(long runId, String reason, String failedResource) {
        QuarkusTransaction.requiringNew().run(() -> {
            ProvisioningRun r = ProvisioningRun.findById(runId);
            if (r != null && !r.state.finished()) {
                finish(r, RunState.FAILED, null, reason, failedResource);
            }
        });
    }

    private List<String> lintOrRefuse(String template, Map<String, String> values) {
        List<CfnLint.Problem> problems;
        try {
            problems = lint.lint(template, values);
        } catch (IllegalStateException e) {
            throw new ProblemException(422, "Template not checked", "The template cannot be checked before sending it to AWS: "
                    + e.getMessage(), List.of(new Problem.FieldError("template", e.getMessage())), ProblemTypes.INVALID_VALUE);
        }
        List<Problem.FieldError> errors = problems.stream().filter(x -> "ERROR".equalsIgnoreCase(x.level()))
                .map(x -> {
                    // a parameter value the template refuses (pattern, allowed values) is the form field's error
                    java.util.regex.Matcher m = PARAMETER_PROBLEM.matcher(x.message());
                    if ("BEARING-PARAMETERS".equals(x.rule()) && m.find()) {
                        return new Problem.FieldError("parameters." + m.group(1), x.message());
                    }
                    return new Problem.FieldError("template", x.rule() + " " + x.message() + (x.location() == null
                            || x.location().isBlank() ? "" : " at " + x.location()));
                }).toList();
        if (!errors.isEmpty()) {
            boolean onlyParameters = errors.stream().allMatch(f -> f.field().startsWith("parameters."));
            throw new ProblemException(onlyParameters ? 400 : 422, onlyParameters ? "Invalid input" : "Template fails the linter",
                    (onlyParameters ? "A parameter value does not fit the template, so nothing was sent to AWS: "
                            : "The composed template fails cfn-lint, so nothing was sent to AWS: ") + errors.get(0).message(),
                    errors, ProblemTypes.INVALID_VALUE);
        }
        return problems.stream().map(x -> x.rule() + " " + x.message()).toList();
    }

    private ProvisioningRun newRun(long assessmentId, ProvisioningRun.Kind kind, AwsAccess.Target target, String stackName) {
        ProvisioningRun run = new ProvisioningRun();
        run.assessmentId = assessmentId;
        Number max = (Number) ProvisioningRun.getEntityManager()
                .createQuery("select coalesce(max(r.number), 0) from ProvisioningRun r where r.assessmentId = ?1")
                .setParameter(1, assessmentId).getSingleResult();
        run.number = max.intValue() + 1;
        run.kind = kind;
        run.state = RunState.PLANNING;
        run.region = target.region();
        run.roleArn = target.roleArn();
        run.serviceRoleArn = target.serviceRoleArn();
        run.stackName = stackName;
        String nonce = TokenGenerator.hash(tokens.newToken()).substring(0, 12);
        run.clientToken = "bearing-plan-" + nonce;
        run.executeToken = "bearing-exec-" + nonce;
        run.requestedBy = access.actor();
        run.requestedAt = clock.instant();
        return run;
    }

    /**
     * Persists a new active run; supersedes older unconfirmed plans. Refuses a second active run.
     * The insert comes first: while another click's run is still planning, the one-active index makes
     * it wait for that transaction, and the supersede that follows (a new statement, a new snapshot)
     * then sees that run as planned. Superseding first left both planned (ProvisioningTwoInstancesIT).
     */
    private void insertActive(ProvisioningRun run) {
        try {
            run.persist();
            run.changeSetName = "bearing-" + run.assessmentId + "-run-" + run.number + "-" + run.clientToken.substring(13);
            ProvisioningRun.flush();
            ProvisioningRun.update("state = ?1, finishedAt = ?2 where assessmentId = ?3 and state = ?4", RunState.SUPERSEDED,
                    clock.instant(), run.assessmentId, RunState.PLANNED);
        } catch (RuntimeException e) {
            if (uniqueViolation(e)) {
                throw ProblemException.conflict("A provisioning run of this assessment is already planning or executing; "
                        + "wait until it finishes.", List.of());
            }
            throw e;
        }
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private ProvisioningRun find(long assessmentId, int number) {
        return ProvisioningRun.byNumber(assessmentId, number).orElseThrow(() -> new ProblemException(404, "Not found",
                "This assessment has no provisioning run " + number + ".", List.of(), ProblemTypes.NOT_FOUND));
    }

    private AwsAccess.Target targetOf(ProvisioningRun run) {
        AwsTarget t = QuarkusTransaction.requiringNew().call(() -> AwsTarget.findById(organisationKey(run.assessmentId)));
        return new AwsAccess.Target(run.region, run.roleArn, t == null ? null : t.externalId, t == null ? null : t.accountId,
                run.serviceRoleArn);
    }

    private static void checkAccount(AwsAccess.Target target, String account) {
        if (target.expectedAccount() != null && !target.expectedAccount().equals(account)) {
            throw ProblemException.badField("accountId", "the credentials reach account " + account + ", not the organisation's "
                    + target.expectedAccount() + ": check the role ARN");
        }
    }

    private static String organisationKey(long assessmentId) {
        return (String) Assessment.getEntityManager().createNativeQuery("select organisation_key(o.name) from assessment a "
                + "join organisation o on o.id = a.organisation_id where a.id = ?1").setParameter(1, assessmentId).getSingleResult();
    }

    private static String defaultStackName(Assessment a) {
        String slug = a.organisation.name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return "bearing-" + (slug.isEmpty() ? "" : slug + "-") + a.id;
    }

    private RunView view(ProvisioningRun r, boolean withEvents) {
        List<EventView> events = withEvents ? ProvisioningEvent.ofRun(r.id).stream()
                .map(e -> new EventView(e.occurredAt, e.logicalId, e.resourceType, e.status, e.reason)).toList() : List.of();
        return new RunView(r.number, r.kind.name(), r.state.name(), r.state.finished(), r.versionNumber, r.accountId, r.region,
                r.stackName, r.stackId, r.changeSetType, r.changeSetId, read(r.planJson, Plan.class),
                read(r.outputsJson, Outcome.class), r.status, r.statusReason, r.failedResource, r.note, r.requestedBy,
                r.requestedAt, r.confirmedBy, r.confirmedAt, r.finishedAt, events);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, Class<T> type) {
        if (s == null) {
            return null;
        }
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return what AWS (or Bearing) said, without class names or stack traces */
    /**
     * @return the checked target
     * @throws ProblemException 400 naming, all at once, every faulty setting of the target and
     *     the credentials when the default chain finds none
     */
    private AwsAccess.Target checkWith(AwsTarget saved, Optional<Problem.FieldError> noCredentials) {
        List<Problem.FieldError> errors = new ArrayList<>();
        AwsAccess.Target target = null;
        try {
            target = aws.check(saved);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        noCredentials.ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid input", String.join("; ", errors.stream()
                    .map(f -> f.field() + " " + f.message()).toList()), errors, ProblemTypes.INVALID_VALUE);
        }
        return target;
    }

    static String reason(RuntimeException e) {
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException a && a.awsErrorDetails() != null) {
            return a.awsErrorDetails().errorCode() + ": " + a.awsErrorDetails().errorMessage();
        }
        if (e instanceof SdkException) {
            return "AWS could not be reached: " + e.getMessage();
        }
        return e.getMessage() == null ? "Unexpected error" : e.getMessage();
    }

    /** @return a label without its explanation in brackets: "Network range … (e.g. the VPN range)" → "Network range …" */
    private static String shortLabel(String label) {
        int bracket = label.indexOf(" (");
        return bracket > 0 ? label.substring(0, bracket) : label;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }

    private static String orElse(String s, String other) {
        return s == null || s.isBlank() ? other : s;
    }
}
