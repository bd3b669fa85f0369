package dev.bearing.evaluation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * A compiled rule base: the DRL files of a {@code rules/} folder compiled into one KieBase,
 * with the stack catalog and adoption curve beside them, and the folder's version hash.
 *
 * @param kieBase compiled rules (thread-safe; sessions are made from it)
 * @param catalog stack catalog from {@code catalog.yaml}
 * @param curve adoption curve from {@code adoption-curve.yaml}
 * @param benchmark DORA's published delivery benchmarks from {@code benchmarks/}
 * @param version SHA-256 (hex, 64 characters) over every file's relative path and bytes
 * @param ruleFiles DRL file names compiled
 */
public record RuleBase(KieBase kieBase, Catalog catalog, AdoptionCurve curve, DoraBenchmark benchmark, String version,
        List<String> ruleFiles) {

    private static final AtomicLong BUILDS = new AtomicLong();

    /**
     * Compiles a rules folder.
     *
     * @param dir the folder with {@code *.drl}, {@code catalog.yaml} and {@code adoption-curve.yaml}
     * @return the compiled rule base
     * @throws RuleBaseException naming the file and line of each compile error, or the file
     *     that is missing or unreadable
     */
    public static RuleBase load(Path dir) {
        return load(dir, java.util.function.UnaryOperator.identity());
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
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("dev.bearing", "bearing-rules", "1.0." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        for (Path drl : drls) {
            try {
                kfs.write("src/main/resources/bearing/rules/" + drl.getFileName(), Files.readString(drl));
            } catch (IOException e) {
                throw new RuleBaseException("Rule file " + drl + " cannot be read: " + e.getMessage());
            }
        }
        KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Message m : errors) {
                String file = m.getPath() == null ? "(unknown file)"
                        : dir.resolve(Path.of(m.getPath()).getFileName().toString()).toString();
                lines.add(file + ":" + m.getLine() + ": " + m.getText().strip());
            }
            throw new RuleBaseException("The rule base in " + dir + " does not compile:\n  " + String.join("\n  ", lines));
        }
        KieBase kieBase = ks.newKieContainer(releaseId, loader).getKieBase();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Catalog catalog = readYaml(yaml, dir.resolve("catalog.yaml"), Catalog.class);
        AdoptionCurve curve = readYaml(yaml, dir.resolve("adoption-curve.yaml"), AdoptionCurve.class);
        DoraBenchmark benchmark;
        try {
            benchmark = DoraBenchmark.load(dir.resolve("benchmarks"));
        } catch (RuntimeException e) {
            throw new RuleBaseException(e.getMessage());
        }
        return new RuleBase(kieBase, catalog, curve, benchmark, hash(dir),
                drls.stream().map(p -> p.getFileName().toString()).toList());
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
