package dev.bearing.provisioning;

import dev.bearing.provisioning.ProvisioningApi.Change;
import dev.bearing.provisioning.ProvisioningApi.ResourceView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * The CloudFormation calls of a run, over one client. Every call that creates or changes
 * something carries the run's idempotency token, so the SDK's own retry after a lost response
 * (and any later retry with the same run) is the same call to CloudFormation.
 */
final class StackSteps {

    /** Stack states a deployment ends in successfully. */
    static final Set<String> DEPLOYED = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "IMPORT_COMPLETE");
    /** Stack states a run ends in unsuccessfully. */
    static final Set<String> FAILED = Set.of("CREATE_FAILED", "ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "UPDATE_FAILED",
            "UPDATE_ROLLBACK_COMPLETE", "UPDATE_ROLLBACK_FAILED", "DELETE_FAILED", "IMPORT_ROLLBACK_COMPLETE",
            "IMPORT_ROLLBACK_FAILED");
    /** Stack states a change set of type UPDATE may be made on. */
    static final Set<String> UPDATABLE = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE",
            "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE");

    private final CloudFormationClient cf;
    private final Duration timeout;
    private final String serviceRoleArn;

    /**
     * @param serviceRoleArn CloudFormation service role passed with change sets and deletions, or
     *     null (CloudFormation then acts with the caller's permissions)
     */
    StackSteps(CloudFormationClient cf, Duration timeout, String serviceRoleArn) {
        this.cf = cf;
        this.timeout = timeout;
        this.serviceRoleArn = serviceRoleArn;
    }

    /** @return the stack by name or ARN, or empty when there is none (or it was deleted, by name) */
    Optional<Stack> find(String nameOrId) {
        try {
            List<Stack> stacks = cf.describeStacks(r -> r.stackName(nameOrId)).stacks();
            return stacks.isEmpty() ? Optional.empty() : Optional.of(stacks.get(0));
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
                    && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Deletes a stack (with the token) and waits until it is gone.
     *
     * @throws IllegalStateException when it ends in DELETE_FAILED or takes longer than the plan timeout
     */
    void deleteAndWait(String stackId, String token) {
        cf.deleteStack(r -> r.stackName(stackId).clientRequestToken(token).roleARN(serviceRoleArn));
        waitFor(() -> {
            Optional<Stack> s = find(stackId);
            String status = s.map(Stack::stackStatusAsString).orElse("DELETE_COMPLETE");
            if ("DELETE_FAILED".equals(status)) {
                throw new IllegalStateException("Deleting the failed stack failed: " + s.get().stackStatusReason());
            }
            return "DELETE_COMPLETE".equals(status);
        }, "the deletion of stack " + stackId);
    }

    /**
     * Creates a change set and waits until CloudFormation has computed it.
     *
     * @return the change set as described, with every page of changes
     * @throws IllegalStateException when the change set fails (its reason is the message)
     */
    DescribeChangeSetResponse createChangeSet(String stackName, String changeSetName, String token, ChangeSetType type,
            String templateBody, List<Parameter> parameters, List<Tag> tags) {
        String id = cf.createChangeSet(r -> r.stackName(stackName).changeSetName(changeSetName).clientToken(token)
                .changeSetType(type).templateBody(templateBody).parameters(parameters).tags(tags).roleARN(serviceRoleArn)
                .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM)
                .description("Bearing run " + changeSetName)).id();
        DescribeChangeSetResponse[] last = new DescribeChangeSetResponse[1];
        waitFor(() -> {
            last[0] = cf.describeChangeSet(r -> r.changeSetName(id));
            ChangeSetStatus s = last[0].status();
            if (s == ChangeSetStatus.FAILED) {
                throw new IllegalStateException(last[0].statusReason() == null ? "The change set failed."
                        : last[0].statusReason());
            }
            return s == ChangeSetStatus.CREATE_COMPLETE;
        }, "change set " + changeSetName);
        return last[0];
    }

    /** @return every change of a computed change set (all pages) */
    List<Change> changes(DescribeChangeSetResponse first) {
        List<Change> out = new ArrayList<>();
        DescribeChangeSetResponse page = first;
        while (true) {
            page.changes().forEach(c -> {
                var rc = c.resourceChange();
                if (rc != null) {
                    out.add(new Change(rc.logicalResourceId(), rc.resourceType(), rc.actionAsString(),
                            rc.replacementAsString(), rc.physicalResourceId()));
                }
            });
            if (page.nextToken() == null || page.nextToken().isEmpty()) {
                return out;
            }
            String next = page.nextToken();
            String id = first.changeSetId();
            page = cf.describeChangeSet(r -> r.changeSetName(id).nextToken(next));
        }
    }

    /** @return the stack's resources, as a tear-down would delete them */
    List<ResourceView> resources(String stackId) {
        List<ResourceView> out = new ArrayList<>();
        for (StackResourceSummary s : cf.listStackResourcesPaginator(r -> r.stackName(stackId)).stackResourceSummaries()) {
            out.add(new ResourceView(s.logicalResourceId(), s.resourceType(), s.physicalResourceId()));
        }
        return out;
    }

    /** @return the id of the stack's newest event, or null when it has none */
    String newestEventId(String stackId) {
        List<StackEvent> events = cf.describeStackEvents(r -> r.stackName(stackId)).stackEvents();
        return events.isEmpty() ? null : events.get(0).eventId();
    }

    /** Runs a change set; rollback on failure is asked for explicitly (the API's default is not relied on). */
    void execute(String changeSetId, String token) {
        cf.executeChangeSet(r -> r.changeSetName(changeSetId).clientRequestToken(token).disableRollback(false));
    }

    /** Starts deleting a stack. */
    void delete(String stackId, String token) {
        cf.deleteStack(r -> r.stackName(stackId).clientRequestToken(token).roleARN(serviceRoleArn));
    }

    /**
     * What a look at a running stack found.
     *
     * @param newEvents events not seen before, oldest first
     * @param finalStatus the stack's final status if a stack-level event after the run's start reached one, else null
     * @param outcome outputs and resources when it reached a final status, else null
     * @param stackReason the stack's status reason, when final
     */
    record Look(List<StackEvent> newEvents, String finalStatus, ProvisioningApi.Outcome outcome, String stackReason) {
    }

    /**
     * Reads the stack's events newer than those known and, when a stack-level event reached a
     * final state, its outputs and resources.
     *
     * @param stackId stack ARN
     * @param stackName stack name (stack-level events carry it as logical id)
     * @param known event ids already recorded, and the newest event before the run
     * @param seenFinal a final stack status among the events already recorded, or null
     * @param teardown whether the run deletes the stack (then DELETE_COMPLETE is final)
     */
    Look look(String stackId, String stackName, Set<String> known, String seenFinal, boolean teardown) {
        List<StackEvent> fresh = new ArrayList<>();
        String next = null;
        int pages = 0;
        outer:
        do {
            String token = next;
            DescribeStackEventsResponse page = cf.describeStackEvents(r -> r.stackName(stackId).nextToken(token));
            for (StackEvent e : page.stackEvents()) {
                if (known.contains(e.eventId())) {
                    break outer;
                }
                fresh.add(e);
            }
            next = page.nextToken();
        } while (next != null && ++pages < 20);
        Collections.reverse(fresh);
        String finalStatus = seenFinal;
        for (StackEvent e : fresh) {
            if (stackLevel(e, stackId, stackName) && isFinal(e.resourceStatusAsString(), teardown)) {
                finalStatus = e.resourceStatusAsString();
            }
        }
        if (finalStatus == null) {
            return new Look(fresh, null, null, null);
        }
        if (teardown) {
            return new Look(fresh, finalStatus, null, null);
        }
        Optional<Stack> stack = find(stackId);
        Map<String, String> outputs = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        stack.ifPresent(s -> s.outputs().forEach(o -> {
            outputs.put(o.outputKey(), o.outputValue());
            if (o.description() != null && !o.description().isBlank()) {
                notes.put(o.outputKey(), o.description());
            }
        }));
        List<ResourceView> resources = DEPLOYED.contains(finalStatus) ? resources(stackId) : List.of();
        return new Look(fresh, finalStatus, new ProvisioningApi.Outcome(outputs, resources, notes),
                stack.map(Stack::stackStatusReason).orElse(null));
    }

    static boolean stackLevel(StackEvent e, String stackId, String stackName) {
        return stackId.equals(e.physicalResourceId())
                || "AWS::CloudFormation::Stack".equals(e.resourceType()) && stackName.equals(e.logicalResourceId());
    }

    static boolean isFinal(String status, boolean teardown) {
        return teardown ? "DELETE_COMPLETE".equals(status) || "DELETE_FAILED".equals(status)
                : DEPLOYED.contains(status) || FAILED.contains(status);
    }

    /** @return whether an AWS error is CloudFormation's throttling */
    static boolean throttled(RuntimeException e) {
        return e instanceof AwsServiceException a && (a.isThrottlingException() || a.awsErrorDetails() != null
                && "Throttling".equals(a.awsErrorDetails().errorCode()));
    }

    private void waitFor(java.util.function.BooleanSupplier done, String what) {
        Instant deadline = Instant.now().plus(timeout);
        long sleep = 200;
        while (true) {
            try {
                if (done.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                if (!throttled(e)) {
                    throw e;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Gave up waiting for " + what + " after " + timeout.toSeconds() + " s.");
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what);
            }
            sleep = Math.min(sleep * 2, 10_000);
        }
    }
}
