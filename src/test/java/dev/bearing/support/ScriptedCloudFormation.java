package dev.bearing.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted stand-in for CloudFormation (and STS GetCallerIdentity) speaking the AWS query
 * protocol (form-encoded POST, XML replies), on the JDK's HttpServer. It drives the states moto
 * does not produce: a dropped response, throttling, a creation that fails and leaves the stack in
 * ROLLBACK_COMPLETE. Like CloudFormation, a CreateChangeSet repeated with the same ClientToken
 * returns the change set made the first time. Every request is recorded.
 */
public final class ScriptedCloudFormation implements AutoCloseable {

    /** One request: its Action and parameters. */
    public record Call(String action, Map<String, String> params) {
    }

    private static final String NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static final String ACCOUNT = "123456789012";
    private static final Pattern RESOURCE = Pattern.compile("(?m)^  ([A-Za-z0-9]+):\\s*\\n\\s+Type:\\s*['\"]?(AWS::[A-Za-z0-9:]+)");

    private final HttpServer server;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Stack> stacksByName = new HashMap<>();
    private final Map<String, Stack> stacksById = new HashMap<>();
    private final Map<String, ChangeSet> changeSets = new LinkedHashMap<>();
    private final Map<String, Integer> drops = new HashMap<>();
    private final Map<String, Integer> throttles = new HashMap<>();
    private final Map<String, Integer> throttledAfterExecution = new HashMap<>();
    private final List<Long> arrivals = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private String failingResource;
    private String failingReason;

    private static final class Stack {
        String name;
        String id;
        String status;
        final List<String[]> events = new ArrayList<>(); // eventId, logicalId, type, status, reason, time
        final Map<String, String> resources = new LinkedHashMap<>(); // logical id -> type
    }

    private record ChangeSet(String id, String name, String token, Stack stack, String type, Map<String, String> resources) {
    }

    public ScriptedCloudFormation() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** @return the endpoint to point the SDK at */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} requests of {@code action} are read, acted on, and then the connection is closed without a reply. */
    public synchronized void dropResponses(String action, int times) {
        drops.put(action, times);
    }

    /** The next {@code times} requests of {@code action} are answered 400 Throttling. */
    public synchronized void throttle(String action, int times) {
        throttles.put(action, times);
    }

    /** As {@link #throttle}, counting only requests after the next ExecuteChangeSet (the follower's reads). */
    public synchronized void throttleAfterExecution(String action, int times) {
        throttledAfterExecution.put(action, times);
    }

    /** @return when each request of {@code action} arrived, in milliseconds since the epoch */
    public List<Long> times(String action) {
        synchronized (calls) {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i).action().equals(action)) {
                    out.add(arrivals.get(i));
                }
            }
            return out;
        }
    }

    /** The next execution fails at this resource with this reason, rolls back, and leaves ROLLBACK_COMPLETE. */
    public synchronized void failNextCreation(String logicalId, String reason) {
        failingResource = logicalId;
        failingReason = reason;
    }

    /** @return the requests of one action, in order */
    public List<Call> calls(String action) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.action().equals(action)).toList();
        }
    }

    /** @return every request's action, in order */
    public List<String> actions() {
        synchronized (calls) {
            return calls.stream().map(Call::action).toList();
        }
    }

    /** @return how many change sets exist */
    public synchronized int changeSetCount() {
        return changeSets.size();
    }

    /** @return how many stacks were ever created (by CreateChangeSet of type CREATE) */
    public synchronized int stacksCreated() {
        return stacksById.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> p = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int i = pair.indexOf('=');
            if (i > 0) {
                p.put(URLDecoder.decode(pair.substring(0, i), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        String action = p.getOrDefault("Action", "");
        synchronized (calls) {
            calls.add(new Call(action, p));
            arrivals.add(System.currentTimeMillis());
        }
        String reply;
        int status = 200;
        boolean drop;
        synchronized (this) {
            int t = throttles.getOrDefault(action, 0);
            if (t > 0) {
                throttles.put(action, t - 1);
                send(x, 400, error("Throttling", "Rate exceeded"));
                return;
            }
            try {
                reply = act(action, p);
            } catch (AwsError e) {
                status = 400;
                reply = error(e.code, e.getMessage());
            }
            int d = drops.getOrDefault(action, 0);
            drop = d > 0;
            if (drop) {
                drops.put(action, d - 1);
            }
        }
        if (drop) {
            // the call took effect, but its response is lost: the connection closes without a reply
            throw new IOException("scripted: response to " + action + " dropped");
        }
        send(x, status, reply);
    }

    private static final class AwsError extends RuntimeException {
        final String code;

        AwsError(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    private String act(String action, Map<String, String> p) {
        switch (action) {
            case "GetCallerIdentity":
                return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::" + ACCOUNT + ":user/test</Arn><UserId>AIDTEST</UserId><Account>" + ACCOUNT
                        + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                        + "</GetCallerIdentityResponse>";
            case "DescribeStacks": {
                Stack s = stack(p.get("StackName"));
                StringBuilder outputs = new StringBuilder();
                if (s.status.equals("CREATE_COMPLETE") || s.status.equals("UPDATE_COMPLETE")) {
                    outputs.append("<Outputs><member><OutputKey>ArtefactBucketUrl</OutputKey><OutputValue>https://")
                            .append(s.name).append("-bucket.s3.amazonaws.com</OutputValue></member></Outputs>");
                }
                return wrap(action, "<Stacks><member><StackName>" + s.name + "</StackName><StackId>" + s.id + "</StackId>"
                        + "<CreationTime>" + Instant.now() + "</CreationTime><StackStatus>" + s.status + "</StackStatus>"
                        + outputs + "</member></Stacks>");
            }
            case "CreateChangeSet": {
                String token = p.get("ClientToken");
                for (ChangeSet c : changeSets.values()) {
                    if (token != null && token.equals(c.token()) && c.name().equals(p.get("ChangeSetName"))) {
                        return wrap(action, "<Id>" + c.id() + "</Id><StackId>" + c.stack().id + "</StackId>");
                    }
                }
                String type = p.getOrDefault("ChangeSetType", "UPDATE");
                Stack s = stacksByName.get(p.get("StackName"));
                if (type.equals("CREATE")) {
                    if (s != null && !s.status.equals("REVIEW_IN_PROGRESS")) {
                        throw new AwsError("ValidationError", "Stack [" + s.name + "] already exists and cannot be created again "
                                + "with the changeSet [" + p.get("ChangeSetName") + "].");
                    }
                    if (s == null) {
                        s = new Stack();
                        s.name = p.get("StackName");
                        s.id = "arn:aws:cloudformation:eu-west-1:" + ACCOUNT + ":stack/" + s.name + "/" + UUID.randomUUID();
                        s.status = "REVIEW_IN_PROGRESS";
                        stacksByName.put(s.name, s);
                        stacksById.put(s.id, s);
                        event(s, s.name, "AWS::CloudFormation::Stack", "REVIEW_IN_PROGRESS", "User Initiated");
                    }
                } else if (s == null) {
                    throw new AwsError("ValidationError", "Stack [" + p.get("StackName") + "] does not exist");
                } else if (s.status.equals("ROLLBACK_COMPLETE")) {
                    throw new AwsError("ValidationError", "Stack:" + s.id + " is in ROLLBACK_COMPLETE state and can not be updated.");
                }
                Map<String, String> resources = new LinkedHashMap<>();
                Matcher m = RESOURCE.matcher(p.getOrDefault("TemplateBody", ""));
                while (m.find()) {
                    resources.put(m.group(1), m.group(2));
                }
                String id = "arn:aws:cloudformation:eu-west-1:" + ACCOUNT + ":changeSet/" + p.get("ChangeSetName") + "/"
                        + UUID.randomUUID();
                changeSets.put(id, new ChangeSet(id, p.get("ChangeSetName"), token, s, type, resources));
                return wrap(action, "<Id>" + id + "</Id><StackId>" + s.id + "</StackId>");
            }
            case "DescribeChangeSet": {
                ChangeSet c = changeSets.get(p.get("ChangeSetName"));
                if (c == null) {
                    throw new AwsError("ChangeSetNotFound", "ChangeSet [" + p.get("ChangeSetName") + "] does not exist");
                }
                StringBuilder changes = new StringBuilder("<Changes>");
                c.resources().forEach((logical, type) -> changes.append("<member><Type>Resource</Type><ResourceChange><Action>")
                        .append(c.stack().resources.containsKey(logical) ? "Modify" : "Add").append("</Action><LogicalResourceId>")
                        .append(logical).append("</LogicalResourceId><ResourceType>").append(type)
                        .append("</ResourceType>").append(c.stack().resources.containsKey(logical)
                                ? "<Replacement>False</Replacement>" : "").append("</ResourceChange></member>"));
                changes.append("</Changes>");
                return wrap(action, "<ChangeSetName>" + c.name() + "</ChangeSetName><ChangeSetId>" + c.id() + "</ChangeSetId>"
                        + "<StackId>" + c.stack().id + "</StackId><StackName>" + c.stack().name + "</StackName>"
                        + "<Status>CREATE_COMPLETE</Status><ExecutionStatus>AVAILABLE</ExecutionStatus>" + changes);
            }
            case "ExecuteChangeSet": {
                ChangeSet c = changeSets.get(p.get("ChangeSetName"));
                if (c == null) {
                    throw new AwsError("ChangeSetNotFound", "ChangeSet [" + p.get("ChangeSetName") + "] does not exist");
                }
                throttles.putAll(throttledAfterExecution);
                throttledAfterExecution.clear();
                Stack s = c.stack();
                boolean create = c.type().equals("CREATE");
                String verb = create ? "CREATE" : "UPDATE";
                event(s, s.name, "AWS::CloudFormation::Stack", verb + "_IN_PROGRESS", "User Initiated");
                if (failingResource != null) {
                    event(s, failingResource, c.resources().get(failingResource), "CREATE_IN_PROGRESS", null);
                    event(s, failingResource, c.resources().get(failingResource), "CREATE_FAILED", failingReason);
                    c.resources().keySet().stream().filter(r -> !r.equals(failingResource))
                            .forEach(r -> event(s, r, c.resources().get(r), "CREATE_FAILED", "Resource creation cancelled"));
                    event(s, s.name, "AWS::CloudFormation::Stack", "ROLLBACK_IN_PROGRESS",
                            "The following resource(s) failed to create: [" + failingResource + "]. Rollback requested by user.");
                    event(s, s.name, "AWS::CloudFormation::Stack", "ROLLBACK_COMPLETE", null);
                    s.status = "ROLLBACK_COMPLETE";
                    failingResource = null;
                } else {
                    c.resources().forEach((r, type) -> {
                        event(s, r, type, verb + "_IN_PROGRESS", null);
                        event(s, r, type, verb + "_COMPLETE", null);
                        s.resources.put(r, type);
                    });
                    event(s, s.name, "AWS::CloudFormation::Stack", verb + "_COMPLETE", null);
                    s.status = verb + "_COMPLETE";
                }
                changeSets.values().removeIf(o -> o.stack() == s && o != c);
                return wrap(action, "");
            }
            case "DescribeStackEvents": {
                Stack s = stack(p.get("StackName"));
                StringBuilder b = new StringBuilder("<StackEvents>");
                for (int i = s.events.size() - 1; i >= 0; i--) {
                    String[] e = s.events.get(i);
                    b.append("<member><EventId>").append(e[0]).append("</EventId><StackId>").append(s.id).append("</StackId>")
                            .append("<StackName>").append(s.name).append("</StackName><LogicalResourceId>").append(e[1])
                            .append("</LogicalResourceId><PhysicalResourceId>").append(e[1].equals(s.name) ? s.id : e[1].toLowerCase())
                            .append("</PhysicalResourceId><ResourceType>").append(e[2]).append("</ResourceType><Timestamp>")
                            .append(e[5]).append("</Timestamp><ResourceStatus>").append(e[3]).append("</ResourceStatus>")
                            .append(e[4] == null ? "" : "<ResourceStatusReason>" + xml(e[4]) + "</ResourceStatusReason>")
                            .append("</member>");
                }
                return wrap(action, b.append("</StackEvents>").toString());
            }
            case "DeleteStack": {
                Stack s = stack(p.get("StackName"));
                if (!s.status.equals("DELETE_COMPLETE")) {
                    event(s, s.name, "AWS::CloudFormation::Stack", "DELETE_IN_PROGRESS", "User Initiated");
                    s.resources.keySet().forEach(r -> event(s, r, s.resources.get(r), "DELETE_COMPLETE", null));
                    s.resources.clear();
                    event(s, s.name, "AWS::CloudFormation::Stack", "DELETE_COMPLETE", null);
                    s.status = "DELETE_COMPLETE";
                    stacksByName.remove(s.name);
                    changeSets.values().removeIf(o -> o.stack() == s);
                }
                return "<DeleteStackResponse xmlns=\"" + NS + "\"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                        + "</DeleteStackResponse>";
            }
            case "ListStackResources": {
                Stack s = stack(p.get("StackName"));
                StringBuilder b = new StringBuilder("<StackResourceSummaries>");
                s.resources.forEach((r, type) -> b.append("<member><LogicalResourceId>").append(r)
                        .append("</LogicalResourceId><PhysicalResourceId>").append(s.name).append("-").append(r.toLowerCase())
                        .append("</PhysicalResourceId><ResourceType>").append(type).append("</ResourceType>")
                        .append("<LastUpdatedTimestamp>").append(Instant.now()).append("</LastUpdatedTimestamp>")
                        .append("<ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>"));
                return wrap(action, b.append("</StackResourceSummaries>").toString());
            }
            default:
                throw new AwsError("InvalidAction", "The scripted stub does not know " + action);
        }
    }

    private Stack stack(String nameOrId) {
        Stack s = nameOrId != null && nameOrId.startsWith("arn:") ? stacksById.get(nameOrId) : stacksByName.get(nameOrId);
        if (s == null) {
            throw new AwsError("ValidationError", "Stack with id " + nameOrId + " does not exist");
        }
        return s;
    }

    private void event(Stack s, String logicalId, String type, String status, String reason) {
        s.events.add(new String[] {"ev-" + ids.incrementAndGet(), logicalId, type, status, reason, Instant.now().toString()});
    }

    private static String wrap(String action, String result) {
        return "<" + action + "Response xmlns=\"" + NS + "\"><" + action + "Result>" + result + "</" + action + "Result>"
                + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></" + action + "Response>";
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + xml(message)
                + "</Message></Error><RequestId>r</RequestId></ErrorResponse>";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "text/xml");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
