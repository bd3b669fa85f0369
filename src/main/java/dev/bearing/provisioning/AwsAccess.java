package dev.bearing.provisioning;

import dev.bearing.common.Problem;
import dev.bearing.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Opens AWS clients for a run: checks the settings first (region, role, external ID,
 * credentials), each missing one named in a field error before any AWS call; then assumes the
 * organisation's role when it has one. Credentials live only in the returned session's memory.
 */
@ApplicationScoped
public class AwsAccess {

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    @Inject
    ProvisioningConfig config;

    private volatile Optional<URI> endpoint;

    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();

    /**
     * Where a run goes, checked.
     *
     * @param region region
     * @param roleArn role to assume, or null for Bearing's own credentials
     * @param externalId the role's external ID, or null without a role
     * @param expectedAccount the account the consultant named, or null
     * @param serviceRoleArn CloudFormation service role, or null
     */
    public record Target(String region, String roleArn, String externalId, String expectedAccount, String serviceRoleArn) {
    }

    /**
     * Checks an organisation's target against the settings; makes no call.
     *
     * @param saved the organisation's target, or null
     * @param defaultRegion {@code bearing.provisioning.region}
     * @param requireRole {@code bearing.provisioning.require-role}
     * @return the target
     * @throws ProblemException 400 naming each missing or malformed setting (region, roleArn, externalId, accountId),
     *     all at once: with a role required and none given, its external ID is named too
     */
    public static Target check(AwsTarget saved, Optional<String> defaultRegion, boolean requireRole) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String region = saved != null && saved.region != null ? saved.region : defaultRegion.filter(r -> !r.isBlank()).orElse(null);
        String role = saved == null ? null : saved.roleArn;
        String externalId = saved == null ? null : saved.externalId;
        String account = saved == null ? null : saved.accountId;
        String serviceRole = saved == null ? null : saved.serviceRoleArn;
        if (region == null) {
            errors.add(new Problem.FieldError("region", "is not set: give the organisation's AWS region (e.g. eu-west-1) "
                    + "or set BEARING_PROVISIONING_REGION"));
        } else if (!REGION.matcher(region).matches()) {
            errors.add(new Problem.FieldError("region", "is not an AWS region name such as eu-west-1: " + region));
        }
        if (role == null && requireRole) {
            errors.add(new Problem.FieldError("roleArn", "is not set: give the ARN of the role Bearing assumes in the "
                    + "client's account (BEARING_PROVISIONING_REQUIRE_ROLE is true)"));
        }
        if (role != null && !ROLE_ARN.matcher(role).matches()) {
            errors.add(new Problem.FieldError("roleArn", "must be a role ARN such as arn:aws:iam::123456789012:role/BearingProvisioner"));
        }
        if (externalId == null && (role != null || requireRole)) {
            errors.add(new Problem.FieldError("externalId", "is not set: the role's trust policy should require an external ID; give it here"));
        }
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            errors.add(new Problem.FieldError("externalId", "must be 2 to 1224 letters, digits or +=,.@:/-"));
        }
        if (serviceRole != null && !ROLE_ARN.matcher(serviceRole).matches()) {
            errors.add(new Problem.FieldError("serviceRoleArn", "must be a role ARN such as "
                    + "arn:aws:iam::123456789012:role/BearingCloudFormation"));
        }
        if (account != null && !account.matches("\\d{12}")) {
            errors.add(new Problem.FieldError("accountId", "must be the 12-digit AWS account id"));
        }
        if (account != null && role != null && ROLE_ARN.matcher(role).matches()) {
            var m = ROLE_ARN.matcher(role);
            if (m.matches() && !m.group(1).equals(account)) {
                errors.add(new Problem.FieldError("roleArn", "is in account " + m.group(1) + ", not in account " + account));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid input", String.join("; ", errors.stream()
                    .map(f -> f.field() + " " + f.message()).toList()), errors, dev.bearing.common.ProblemTypes.INVALID_VALUE);
        }
        return new Target(region, role, externalId, account, serviceRole);
    }

    /** @return the target of the saved settings and this deployment's configuration; see {@link #check(AwsTarget, Optional, boolean)} */
    public Target check(AwsTarget saved) {
        return check(saved, config.region(), config.requireRole());
    }

    /**
     * Opens clients for the target: resolves Bearing's own credentials (default chain), then,
     * with a role, assumes it with the external ID. The first AWS call is STS GetCallerIdentity.
     *
     * @param target a checked target
     * @param sessionName names the role session in the client's CloudTrail, e.g. {@code bearing-run-42}
     * @return the open session; close it
     * @throws ProblemException 400 field {@code credentials} when the default chain finds none
     */
    public Session open(Target target, String sessionName) {
        AwsCredentialsProvider own = DefaultCredentialsProvider.builder().build();
        Optional<Problem.FieldError> none = credentialsProblem(own);
        if (none.isPresent()) {
            throw ProblemException.badField(none.get().field(), none.get().message());
        }
        Region region = Region.of(target.region());
        StsClient sts = withEndpoint(StsClient.builder()).region(region).credentialsProvider(own).httpClient(http).build();
        AwsCredentialsProvider credentials = own;
        if (target.roleArn() != null) {
            credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                    .refreshRequest(r -> r.roleArn(target.roleArn()).externalId(target.externalId())
                            .roleSessionName(sessionName).durationSeconds(3600))
                    .build();
        }
        StsClient asRun = withEndpoint(StsClient.builder()).region(region).credentialsProvider(credentials).httpClient(http).build();
        String account;
        try {
            account = asRun.getCallerIdentity().account();
        } finally {
            asRun.close();
        }
        CloudFormationClient cf = withEndpoint(CloudFormationClient.builder()).region(region).credentialsProvider(credentials)
                .httpClient(http).build();
        return new Session(cf, sts, account);
    }

    /**
     * Looks for Bearing's own credentials in the SDK's default chain (system properties,
     * environment, profile, container or instance role); makes no AWS API call, though the
     * instance role's lookup may wait on the instance metadata service. Call it outside any
     * database transaction.
     *
     * @return empty when credentials were found, else the error of field {@code credentials}
     */
    public Optional<Problem.FieldError> credentialsProblem() {
        return credentialsProblem(DefaultCredentialsProvider.builder().build());
    }

    private static Optional<Problem.FieldError> credentialsProblem(AwsCredentialsProvider own) {
        try {
            own.resolveCredentials();
            return Optional.empty();
        } catch (SdkClientException e) {
            return Optional.of(new Problem.FieldError("credentials", "Bearing has no AWS credentials of its own: set "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or AWS_PROFILE, or run Bearing with a container or instance role"));
        }
    }

    /**
     * Points every client at another endpoint (a local emulator in tests), or back at the
     * configured one with null.
     */
    public void useEndpoint(URI uri) {
        endpoint = Optional.ofNullable(uri);
    }

    private <B extends software.amazon.awssdk.core.client.builder.SdkClientBuilder<B, ?>> B withEndpoint(B builder) {
        Optional<URI> e = endpoint == null ? config.endpoint() : endpoint;
        e.ifPresent(builder::endpointOverride);
        return builder;
    }

    /** Clients of one run's target and the account they reach. */
    public record Session(CloudFormationClient cloudFormation, StsClient sts, String account) implements AutoCloseable {
        @Override
        public void close() {
            cloudFormation.close();
            sts.close();
        }
    }
}
