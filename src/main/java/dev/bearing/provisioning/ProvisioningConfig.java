package dev.bearing.provisioning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Provisioning settings ({@code bearing.provisioning.*}; from the environment as
 * {@code BEARING_PROVISIONING_REGION} and so on). Credentials are never a setting: they come from
 * the AWS SDK's default chain (environment, profile, container or instance role).
 */
@ConfigMapping(prefix = "bearing.provisioning")
public interface ProvisioningConfig {

    /** @return region used when the organisation names none, e.g. {@code eu-west-1} */
    Optional<String> region();

    /**
     * @return an endpoint that answers every AWS API instead of AWS itself, e.g. a local
     *     {@code moto_server} ({@code http://127.0.0.1:5000}); unset in production
     */
    Optional<URI> endpoint();

    /**
     * @return whether every organisation must name a role to assume (true in a consultancy's
     *     production: Bearing's own credentials then reach nothing but STS); false lets a run use
     *     Bearing's own credentials directly
     */
    @WithDefault("false")
    boolean requireRole();

    /** @return how often the background follower looks for runs due a read ({@link StackFollower}) */
    @WithDefault("1s")
    Duration tick();

    /** @return how often a running stack's events are read; doubles on each throttled read */
    @WithDefault("5s")
    Duration pollInterval();

    /** @return the longest interval between reads after repeated throttling */
    @WithDefault("60s")
    Duration maxPollInterval();

    /** @return how long a change set, or the deletion of a failed stack, may take while planning */
    @WithDefault("5m")
    Duration planTimeout();
}
