package dev.bearing.evaluation.fact;

/**
 * The closed vocabularies the rules match on. Facts carry these enums rather than strings, so a
 * misspelt value in a rule file fails compilation instead of silently never matching.
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** What the client's answers constrain or reveal about what may be recommended. */
    public enum ConstraintKind {
        ON_PREMISES_ONLY, ON_PREMISES_PREFERRED, HYBRID_ESTATE, CLOUD_AWS, CLOUD_AZURE, CLOUD_GCP, REGULATED,
        OSI_ONLY, OPEN_SOURCE_PREFERRED, COMMERCIAL_SUPPORT, SMALL_TEAM, LARGE_ORGANISATION, DATA_RESIDENCY_STRICT,
        CHANGE_BOARD, SEGREGATION_OF_DUTIES, FIXED_RELEASE_WINDOWS, KUBERNETES_PLATFORM_IN_USE, RUNS_KUBERNETES, RUNS_CONTAINERS,
        BUILDS_PACKAGES, NO_LIVE_SERVICE, STAFF_USERS_ONLY, BUILDS_WEB_FRONT_ENDS, NO_BROWSER_TESTS,
        BUSINESS_HOURS_ONLY, EXTENDED_HOURS, AROUND_THE_CLOCK, SERVICES_ACROSS_TEAMS, FEW_SERVICES
    }

    /** How a catalog tool can be run. */
    public enum Hosting {
        SAAS, SELF_HOSTED, AWS_MANAGED
    }

    /** A catalog tool's licence model. */
    public enum Licence {
        OPEN_SOURCE, OPEN_CORE, COMMERCIAL, SOURCE_AVAILABLE
    }

    /** The cloud a tool works only on or for; ANY when it is not tied to one. */
    public enum CloudAffinity {
        ANY, AWS, AZURE, GCP
    }

    /** Effort to run and upgrade a tool. */
    public enum Effort {
        LOW, MEDIUM, HIGH
    }

    /** A tool's lifecycle status. */
    public enum ToolStatus {
        ACTIVE, CLOSED_TO_NEW, END_OF_SALE, END_OF_SUPPORT, RETIRED, ARCHIVED;

        /** @return true when no client should adopt it any more */
        public boolean ended() {
            return this == END_OF_SALE || this == END_OF_SUPPORT || this == RETIRED || this == ARCHIVED;
        }
    }

    /** What a pipeline-security tool scans. */
    public enum Scan {
        SAST, SCA, SECRETS, IAC, IMAGES, RUNTIME
    }

    /** What an artefact repository stores. */
    public enum Store {
        CONTAINER_IMAGES, PACKAGES
    }

    /** Where a deployment tool deploys. */
    public enum Target {
        LINUX_SERVERS, WINDOWS_SERVERS, KUBERNETES, CONTAINER_SERVICES, SERVERLESS
    }

    /** A DORA delivery metric. */
    public enum Metric {
        DEPLOYMENT_FREQUENCY, LEAD_TIME, RECOVERY_TIME, CHANGE_FAIL_RATE
    }

    /** A DORA delivery performance band; UNKNOWN when too little was answered. */
    public enum Band {
        LOW, MEDIUM, HIGH, ELITE, UNKNOWN
    }

    /** Early or late half of a quarter of the adoption curve. */
    public enum Phase {
        EARLY, LATE
    }

    /** A finding's risk level. */
    public enum Risk {
        HIGH, MEDIUM, LOW
    }
}
