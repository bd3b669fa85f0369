package dev.bearing.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DORA Quick Check benchmarks ({@code rules/benchmarks/}, copied unchanged from dora-team/dora.dev): mean and
 * standard deviation of each delivery metric per industry and per organisation size, on DORA's 0..10 score
 * scale. Compares a client's answers with them the way the Quick Check scores answers, plus a percentile
 * estimate of Bearing's own (normal approximation). Immutable; see {@code rules/benchmarks/README.md}.
 */
public final class DoraBenchmark {

    /** Editions held, oldest first. */
    public static final List<Integer> EDITIONS = List.of(2024, 2025);

    private enum Scale {
        /** answered as option 1..6, 6 the best */
        OPTION,
        /** answered as 0..100 %, 0 the best */
        PERCENT
    }

    private record Metric(String key, String name, Scale scale, int firstEdition) {
    }

    /** DORA's metrics in the Quick Check's order, with its labels. */
    private static final List<Metric> METRICS = List.of(
            new Metric("leadtime", "Lead time for changes", Scale.OPTION, 2024),
            new Metric("deployfreq", "Deployment frequency", Scale.OPTION, 2024),
            new Metric("failurerecovery", "Failed deployment recovery time", Scale.OPTION, 2024),
            new Metric("changefailure", "Change fail rate", Scale.PERCENT, 2024),
            new Metric("rework", "Deployment rework rate", Scale.PERCENT, 2025));

    /**
     * Metrics a file stores on the instability scale ({@code 10 - score}, lower is better); their means are
     * inverted on load. The Quick Check inverts changefailure and rework in every file; the 2025 size file
     * also stores failurerecovery inverted (README: its own throughput and overall figures only fit 10 - x).
     */
    private static final Set<String> INVERTED = Set.of("changefailure", "rework");
    private static final Map<String, Set<String>> INVERTED_EXTRA = Map.of(
            "2025-organization_size_metrics.json", Set.of("failurerecovery"));

    /** Largest difference allowed between the 'all' rows of an edition's two files, in score points. */
    private static final double ALL_ROWS_TOLERANCE = 0.05;

    private record Stat(double mean, double std) {
    }

    private record Group(String key, String name, Map<String, Stat> stats) {
    }

    private record Edition(Map<String, Group> industries, Map<String, Group> sizes) {
    }

    private final Map<Integer, Edition> editions;

    private DoraBenchmark(Map<Integer, Edition> editions) {
        this.editions = editions;
    }

    /**
     * @param dir the benchmarks folder, normally {@code rules/benchmarks}, holding
     *        {@code <edition>-industry_metrics.json} and {@code <edition>-organization_size_metrics.json} per edition
     * @return the benchmarks of every edition in {@link #EDITIONS}
     * @throws IllegalStateException naming the file when one is missing, unreadable or malformed, or when an
     *         edition's two 'all' rows disagree (a file's direction changed)
     */
    public static DoraBenchmark load(Path dir) {
        ObjectMapper json = new ObjectMapper();
        Map<Integer, Edition> editions = new LinkedHashMap<>();
        for (int edition : EDITIONS) {
            Path industryFile = dir.resolve(edition + "-industry_metrics.json");
            Path sizeFile = dir.resolve(edition + "-organization_size_metrics.json");
            Map<String, Group> industries = readFile(json, industryFile, edition);
            Map<String, Group> sizes = readFile(json, sizeFile, edition);
            for (Metric m : metrics(edition)) {
                Stat a = industries.get("all").stats().get(m.key());
                Stat b = sizes.get("all").stats().get(m.key());
                if (Math.abs(a.mean() - b.mean()) > ALL_ROWS_TOLERANCE || Math.abs(a.std() - b.std()) > ALL_ROWS_TOLERANCE) {
                    throw new IllegalStateException(sizeFile + ": the 'all' row gives " + m.key() + " mean " + fmt(b.mean())
                            + " (std " + fmt(b.std()) + ") as a 0..10 score but " + industryFile.getFileName() + " gives "
                            + fmt(a.mean()) + " (std " + fmt(a.std()) + "); a file's direction changed, see README.md there");
                }
            }
            editions.put(edition, new Edition(industries, sizes));
        }
        return new DoraBenchmark(Collections.unmodifiableMap(editions));
    }

    /**
     * @param edition 2024 or 2025
     * @param industryKey industry key of that edition's file (see {@link #industries}); null or unknown: {@code all}
     * @param sizeKey organisation-size key of that edition's file (see {@link #sizes}); null or unknown: {@code all}
     * @param answers DORA option index 1..6 per metric for leadtime, deployfreq, failurerecovery;
     *        percentages 0..100 for changefailure, rework; absent or null = not answered. rework is left out
     *        for 2024, which has no benchmark for it
     * @return the industry group then the size group, each with the answered metrics only
     * @throws IllegalArgumentException for an unknown edition or metric key, or an answer out of range
     */
    public PeerComparison compare(int edition, String industryKey, String sizeKey, Map<String, Double> answers) {
        Edition e = edition(edition);
        for (String key : answers.keySet()) {
            if (METRICS.stream().noneMatch(m -> m.key().equals(key))) {
                throw new IllegalArgumentException("Unknown DORA metric '" + key + "'; known: "
                        + METRICS.stream().map(Metric::key).toList());
            }
        }
        Map<Metric, Double> scores = new LinkedHashMap<>();
        for (Metric m : metrics(edition)) {
            Double answer = answers.get(m.key());
            if (answer != null) {
                scores.put(m, score(m, answer));
            }
        }
        List<PeerGroup> groups = List.of(
                group(PeerGroup.INDUSTRY, e.industries(), industryKey, scores),
                group(PeerGroup.SIZE, e.sizes(), sizeKey, scores));
        return new PeerComparison(edition, "DORA Quick Check benchmarks, " + edition + " edition (dora.dev)", groups);
    }

    /** @return industry key to DORA's name, in file order ({@code all} first), for an edition */
    public Map<String, String> industries(int edition) {
        return names(edition(edition).industries());
    }

    /** @return organisation-size key to DORA's name, in file order ({@code all} first), for an edition */
    public Map<String, String> sizes(int edition) {
        return names(edition(edition).sizes());
    }

    private Edition edition(int edition) {
        Edition e = editions.get(edition);
        if (e == null) {
            throw new IllegalArgumentException("No DORA benchmark edition " + edition + "; known: " + EDITIONS);
        }
        return e;
    }

    private static Map<String, String> names(Map<String, Group> groups) {
        Map<String, String> names = new LinkedHashMap<>();
        groups.forEach((k, g) -> names.put(k, g.name()));
        return Collections.unmodifiableMap(names);
    }

    private static List<Metric> metrics(int edition) {
        return METRICS.stream().filter(m -> m.firstEdition() <= edition).toList();
    }

    /** The Quick Check's score: option 1..6 to 0..10 linearly; 0..100 % to 10..0 linearly. */
    private static double score(Metric m, double answer) {
        if (m.scale() == Scale.OPTION) {
            if (answer != Math.rint(answer) || answer < 1 || answer > 6) {
                throw new IllegalArgumentException(m.key() + " must be an option 1..6, was " + answer);
            }
            return (answer - 1) * 2;
        }
        if (!(answer >= 0 && answer <= 100)) {
            throw new IllegalArgumentException(m.key() + " must be a percentage 0..100, was " + answer);
        }
        return 10 - answer / 10;
    }

    private static PeerGroup group(String kind, Map<String, Group> groups, String key, Map<Metric, Double> scores) {
        Group g = key != null && groups.containsKey(key) ? groups.get(key) : groups.get("all");
        List<MetricComparison> out = new ArrayList<>();
        scores.forEach((m, score) -> {
            Stat s = g.stats().get(m.key());
            double percentile = 100 * AdoptionCurve.normalCdf((score - s.mean()) / s.std());
            out.add(new MetricComparison(m.key(), m.name(), score, s.mean(), s.std(), percentile,
                    words(percentile, kind, g.key(), g.name())));
        });
        return new PeerGroup(kind, g.key(), g.name(), List.copyOf(out));
    }

    /** e.g. {@code better than about 70 % of Financial Services respondents}; rounded to 5; "over 95 %", "under 5 %" at the ends */
    static String words(double percentile, String kind, String key, String name) {
        String share = percentile >= 97.5 ? "over 95 %"
                : percentile < 2.5 ? "under 5 %"
                : "about " + Math.round(percentile / 5) * 5 + " %";
        String who = "all".equals(key) ? "all respondents"
                : PeerGroup.INDUSTRY.equals(kind) ? PeerGroup.industryRespondents(key, name)
                : "respondents in the size group \"" + name + "\"";
        return "better than " + share + " of " + who;
    }

    private static Map<String, Group> readFile(ObjectMapper json, Path file, int edition) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("DORA benchmark file " + file + " is missing");
        }
        JsonNode root;
        try {
            root = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("DORA benchmark file " + file + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.has("all")) {
            throw new IllegalStateException("DORA benchmark file " + file + " must be a JSON object with an 'all' group");
        }
        Set<String> inverted = new HashSet<>(INVERTED);
        inverted.addAll(INVERTED_EXTRA.getOrDefault(file.getFileName().toString(), Set.of()));
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String where = "DORA benchmark file " + file + ", group '" + entry.getKey() + "'";
            JsonNode node = entry.getValue();
            if (!node.path("name").isTextual() || node.path("name").asText().isBlank()) {
                throw new IllegalStateException(where + ": no name");
            }
            Map<String, Stat> stats = new LinkedHashMap<>();
            for (Metric m : metrics(edition)) {
                JsonNode mean = node.path(m.key()).path("mean");
                JsonNode std = node.path(m.key()).path("std");
                if (!mean.isNumber() || !std.isNumber() || mean.asDouble() < 0 || mean.asDouble() > 10
                        || !(std.asDouble() > 0) || std.asDouble() > 10) {
                    throw new IllegalStateException(where + ": " + m.key()
                            + " needs a numeric mean 0..10 and std above 0 up to 10");
                }
                double mu = inverted.contains(m.key()) ? 10 - mean.asDouble() : mean.asDouble();
                stats.put(m.key(), new Stat(mu, std.asDouble()));
            }
            groups.put(entry.getKey(), new Group(entry.getKey(), node.get("name").asText(), Map.copyOf(stats)));
        }
        return Collections.unmodifiableMap(groups);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
