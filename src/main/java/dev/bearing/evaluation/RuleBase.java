package dev.bearing.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.jboss.logging.Logger;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * A compiled rule base: the DRL files of a {@code rules/} folder compiled into one KieBase,
 * with the stack catalog and adoption curve beside them, and the folder's version hash.
 * <p>
 * The rules compile to Drools' executable model (Java classes). When a cache folder is given,
 * the compiled module (a kjar, a few hundred KB) is kept there under a key made of the rules
 * folder's hash and the application's and Drools' code, and the next load of the same rules by
 * the same build reads it instead of compiling (a compile takes 5–10 s of CPU; reading the cache
 * well under one). A cache that cannot be read or written only costs that compile.
 *
 * @param kieBase compiled rules (thread-safe; sessions are made from it)
 * @param catalog stack catalog from {@code catalog.yaml}
 * @param curve adoption curve from {@code adoption-curve.yaml}
 * @param benchmark DORA's published delivery benchmarks from {@code benchmarks/}
 * @param version SHA-256 (hex, 64 characters) over every file's relative path and bytes
 * @param ruleFiles DRL file names compiled
 * @param cached whether the compiled rules came from the cache rather than a compile
 */
public record RuleBase(KieBase kieBase, Catalog catalog, AdoptionCurve curve, DoraBenchmark benchmark, String version,
        List<String> ruleFiles, boolean cached) {

    private static final Logger LOG = Logger.getLogger(RuleBase.class);
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final String CACHE_PREFIX = "rules-";
    private static final String CACHE_SUFFIX = ".kjar";

    /**
     * The cache folder of the packaged application: {@code BEARING_RULES_CACHE_DIR} (or the
     * system property {@code bearing.rules.cache-dir}) when set, otherwise {@code rule-cache}
     * beside the embedded database's data folder ({@code BEARING_DATA_DIR}, default
     * {@code data/postgres}, so {@code data/rule-cache}). Null, so no cache, when the
     * application's classes are not in a jar (tests and development, where they change without
     * their jar changing) or when the setting is {@code none}.
     *
     * @return the folder, or null for no cache
     */
    public static Path configuredCacheDir() {
        String set = firstNonBlank(System.getProperty("bearing.rules.cache-dir"), System.getenv("BEARING_RULES_CACHE_DIR"));
        if ("none".equals(set) || codeJar(RuleBase.class) == null) {
            return null;
        }
        if (set != null) {
            return Path.of(set).toAbsolutePath();
        }
        Path data = Path.of(firstNonBlank(System.getenv("BEARING_DATA_DIR"), "data/postgres")).toAbsolutePath();
        return data.resolveSibling("rule-cache");
    }

    /**
     * Compiles a rules folder.
     *
     * @param dir the folder with {@code *.drl}, {@code catalog.yaml} and {@code adoption-curve.yaml}
     * @return the compiled rule base
     * @throws RuleBaseException naming the file and line of each compile error, or the file
     *     that is missing or unreadable
     */
    public static RuleBase load(Path dir) {
        return load(dir, java.util.function.UnaryOperator.identity(), null);
    }

    /**
     * Loads a rules folder from the cache when it holds the same rules compiled by the same
     * build, otherwise compiles it and writes the result to the cache (replacing what was there).
     *
     * @param dir the rules folder
     * @param cacheDir the cache folder (made when missing), or null to compile without a cache
     * @return the rule base
     * @throws RuleBaseException as {@link #load(Path)}
     */
    public static RuleBase load(Path dir, Path cacheDir) {
        return load(dir, java.util.function.UnaryOperator.identity(), cacheDir);
    }

    /**
     * Compiles a rules folder, handing Drools the rule files in the order given; results must
     * not depend on that order (a test compiles reversed and shuffled orders and compares).
     *
     * @param dir the rules folder
     * @param order rearranges the rule files, which come sorted by name
     * @return the compiled rule base
     */
    static RuleBase load(Path dir, java.util.function.UnaryOperator<List<Path>> order) {
        return load(dir, order, null);
    }

    private static RuleBase load(Path dir, java.util.function.UnaryOperator<List<Path>> order, Path cacheDir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleBaseException("Rules folder " + dir.toAbsolutePath()
                    + " does not exist; set bearing.rules.dir (BEARING_RULES_DIR) to the folder holding the .drl files");
        }
        List<Path> drls;
        try (Stream<Path> files = Files.list(dir)) {
            drls = order.apply(files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList());
        } catch (IOException e) {
            throw new RuleBaseException("Rules folder " + dir + " cannot be read: " + e.getMessage());
        }
        if (drls.isEmpty()) {
            throw new RuleBaseException("Rules folder " + dir.toAbsolutePath() + " holds no .drl file");
        }
        KieServices ks = KieServices.Factory.get();
        ClassLoader loader = RuleBase.class.getClassLoader();
        String version = hash(dir);
        Path cached = cacheDir == null ? null : cacheDir.resolve(CACHE_PREFIX + cacheKey(version) + CACHE_SUFFIX);
        KieBase kieBase = cached == null ? null : fromCache(ks, cached, loader);
        boolean fromCache = kieBase != null;
        if (kieBase == null) {
            InternalKieModule module = compile(ks, dir, drls, loader);
            kieBase = ks.newKieContainer(module.getReleaseId(), loader).getKieBase();
            if (cached != null) {
                toCache(module, cached);
            }
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Catalog catalog = readYaml(yaml, dir.resolve("catalog.yaml"), Catalog.class);
        AdoptionCurve curve = readYaml(yaml, dir.resolve("adoption-curve.yaml"), AdoptionCurve.class);
        DoraBenchmark benchmark;
        try {
            benchmark = DoraBenchmark.load(dir.resolve("benchmarks"));
        } catch (RuntimeException e) {
            throw new RuleBaseException(e.getMessage());
        }
        return new RuleBase(kieBase, catalog, curve, benchmark, version,
                drls.stream().map(p -> p.getFileName().toString()).toList(), fromCache);
    }

    /**
     * Compiles the DRL files into an executable-model module, added to the KIE repository. When
     * they do not compile, Drools' classic compiler reports the errors, as it names the rule file
     * and line where the executable model names the Java it generated.
     */
    private static InternalKieModule compile(KieServices ks, Path dir, List<Path> drls, ClassLoader loader) {
        // unique within the process; a module read from the cache keeps the one it was compiled with
        ReleaseId releaseId = ks.newReleaseId("dev.bearing", "bearing-rules",
                "1.0." + BUILDS.incrementAndGet() + "-" + ProcessHandle.current().pid());
        KieBuilder builder = ks.newKieBuilder(files(ks, releaseId, drls), loader).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<Message> classic = ks.newKieBuilder(files(ks, releaseId, drls), loader).buildAll().getResults()
                    .getMessages(Message.Level.ERROR);
            List<String> lines = new ArrayList<>();
            for (Message m : classic.isEmpty() ? errors : classic) {
                String file = m.getPath() == null ? "(unknown file)"
                        : dir.resolve(Path.of(m.getPath()).getFileName().toString()).toString();
                lines.add(file + ":" + m.getLine() + ": " + m.getText().strip().lines().findFirst().orElse(""));
            }
            throw new RuleBaseException("The rule base in " + dir + " does not compile:\n  " + String.join("\n  ", lines));
        }
        return (InternalKieModule) builder.getKieModule();
    }

    private static KieFileSystem files(KieServices ks, ReleaseId releaseId, List<Path> drls) {
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        for (Path drl : drls) {
            try {
                kfs.write("src/main/resources/bearing/rules/" + drl.getFileName(), Files.readString(drl));
            } catch (IOException e) {
                throw new RuleBaseException("Rule file " + drl + " cannot be read: " + e.getMessage());
            }
        }
        return kfs;
    }

    /** @return the cached rules' KieBase, or null when there is none or it cannot be read (logged) */
    private static KieBase fromCache(KieServices ks, Path file, ClassLoader loader) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            KieModule module = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(Files.readAllBytes(file)));
            return ks.newKieContainer(module.getReleaseId(), loader).getKieBase();
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.warnf("Compiled rules in %s could not be read (%s); compiling the rules instead", file, e);
            return null;
        }
    }

    /** Writes a compiled module to the cache (atomically) and removes the cache's older entries. */
    private static void toCache(InternalKieModule module, Path file) {
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, CACHE_PREFIX, ".tmp");
            Files.write(tmp, module.getBytes());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.filter(p -> !p.equals(file) && p.getFileName().toString().startsWith(CACHE_PREFIX)).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Compiled rules could not be kept in %s (%s); the next start compiles them again", dir, e.getMessage());
        }
    }

    /**
     * @param rulesVersion the rules folder's hash
     * @return SHA-256 hex over the rules' hash, the jar of Bearing's classes (the facts the rules
     *     match and the functions they call, as bytes) and the names of Drools' jars (their versions)
     */
    private static String cacheKey(String rulesVersion) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(rulesVersion.getBytes(StandardCharsets.UTF_8));
            Path app = codeJar(RuleBase.class);
            if (app != null) {
                try (var in = Files.newInputStream(app)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = in.read(buf)) > 0;) {
                        sha.update(buf, 0, n);
                    }
                }
            }
            for (Class<?> drools : List.of(KieBase.class, KieBuilder.class, ExecutableModelProject.class,
                    org.drools.modelcompiler.CanonicalKieModule.class)) {
                Path jar = codeJar(drools);
                sha.update(String.valueOf(jar == null ? null : jar.getFileName()).getBytes(StandardCharsets.UTF_8));
            }
            sha.update(String.valueOf(Runtime.version().feature()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new RuleBaseException("The rule cache key cannot be computed: " + e.getMessage());
        }
    }

    /** @return the jar file a class was loaded from, or null when it came from a folder or is unknown */
    private static Path codeJar(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static <T> T readYaml(ObjectMapper yaml, Path file, Class<T> type) {
        try {
            return yaml.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new RuleBaseException(file + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * @param dir a folder
     * @return SHA-256 hex over every regular file's path (relative, '/'-separated) and bytes, in path order
     */
    public static String hash(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(dir.relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(p));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new RuleBaseException("Rules folder " + dir + " cannot be hashed: " + e.getMessage());
        }
    }

    /** The rule base cannot be loaded; the message names the file (and line) at fault. */
    public static class RuleBaseException extends RuntimeException {

        /** @param message what is wrong, naming file and line */
        public RuleBaseException(String message) {
            super(message);
        }
    }
}
