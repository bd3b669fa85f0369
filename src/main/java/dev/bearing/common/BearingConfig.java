package dev.bearing.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bearing's settings ({@code bearing.*} in application.properties; each can be set from the
 * environment, e.g. {@code BEARING_RULES_DIR}).
 */
@ConfigMapping(prefix = "bearing")
public interface BearingConfig {

    /**
     * @return questionnaire files under {@code src/main/resources/questionnaires/}; every released
     *     version stays listed so assessments pinned to it keep working, and new assessments get the
     *     highest version
     */
    @WithDefault("devops-maturity-v1.yaml,devops-maturity-v2.yaml,devops-maturity-v3.yaml,devops-maturity-v4.yaml")
    List<String> questionnaires();

    /** @return base URL of the links handed to respondents, e.g. {@code https://bearing.example.com} */
    String publicUrl();

    /** @return whether the public URL is HTTPS, so that every cookie set is Secure (also behind a TLS proxy) */
    default boolean publicHttps() {
        return publicUrl().toLowerCase(java.util.Locale.ROOT).startsWith("https://");
    }

    /**
     * @return further host names this deployment answers for (besides the public URL's host and
     *     the loopback names); requests naming any other host in {@code Host} get 421
     */
    Optional<Set<String>> allowedHosts();

    /** @return limits per survey link */
    Limits limits();

    /** Limits per survey link (token), so one link cannot starve the others. */
    interface Limits {
        /**
         * @return requests of one link served at once; 4 keeps one link to a quarter of the
         *     16 database connections (a browser opens at most 6 connections per host)
         */
        @WithDefault("4")
        int concurrentPerToken();

        /** @return requests of one link per second, sustained */
        @WithDefault("10")
        int perSecond();

        /** @return requests of one link allowed in a burst above the sustained rate */
        @WithDefault("30")
        int burst();
    }

    /** @return rule base settings */
    Rules rules();

    /** @return who may read the Prometheus metrics at {@code /q/metrics} besides this machine */
    Metrics metrics();

    /** Metrics settings. */
    interface Metrics {
        /** @return the bearer token a scraper on another machine sends ({@code BEARING_METRICS_TOKEN}); empty: none */
        Optional<String> token();
    }

    /** @return demo settings */
    Demo demo();

    /** @return PDF report settings */
    Report report();


    /** @return the first admin account, created on first start */
    Admin admin();

    /** The first admin, created when the database has no account. */
    interface Admin {
        /** @return its username ({@code BEARING_ADMIN_USERNAME}) */
        @WithDefault("admin")
        String username();

        /**
         * @return its password ({@code BEARING_ADMIN_PASSWORD}); when unset, a one-time password is
         *     generated, printed once in the log, and must be changed at first login
         */
        Optional<String> password();

        /**
         * @return bcrypt cost of new password hashes (2^cost rounds): 12 takes about 0.25 s per
         *     check on a small server core; the tests lower it so that HTTP Basic on every request
         *     stays fast
         */
        @WithDefault("12")
        int bcryptCost();
    }

    /** @return benchmark settings */
    Benchmark benchmark();

    /** Settings of the benchmark within the consultancy. */
    interface Benchmark {
        /**
         * @return approved assessments (of other organisations) a comparison group needs before any
         *     of its figures is shown; below it the report says how many exist so far. 5 keeps a
         *     percentile from describing one or two identifiable clients.
         */
        @WithDefault("5")
        int minimumAssessments();
    }

    /** @return invitation and reminder mail settings */
    Mail mail();

    /** Invitation and reminder mails (the SMTP server itself is set with {@code quarkus.mailer.*}). */
    interface Mail {
        /**
         * @return the consultancy's name, as the mails to respondents introduce and sign
         *     themselves, e.g. {@code Acme Consulting}
         */
        @WithDefault("The assessment team")
        String consultancy();
    }

    /** Rule base settings. */
    interface Rules {
        /** @return the rules folder, relative to the working directory or absolute */
        @WithDefault("rules")
        String dir();
    }

    /** Demo settings. */
    interface Demo {
        /** @return whether an empty database gets the demo assessment at start-up */
        @WithDefault("true")
        boolean enabled();
    }

    /** PDF report settings. */
    interface Report {
        /**
         * @return renders allowed at once; 2 keeps four simultaneous 600-page exports inside a
         *     512 MB heap (measured: two at once succeed, four at once ran out of memory)
         */
        @WithDefault("2")
        int maxConcurrent();

        /** @return seconds a request waits for a render slot before getting 503 with Retry-After */
        @WithDefault("20")
        int queueWaitSeconds();

        /**
         * @return megabytes of rendered PDFs kept in memory for unchanged reports (least recently
         *     used dropped first; 0 turns the cache off)
         */
        @WithDefault("32")
        int cacheMegabytes();
    }

}
