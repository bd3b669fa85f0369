package dev.bearing.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bearing.common.BearingConfig;
import io.smallrye.config.WithDefault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A released questionnaire is never edited in place, as Flyway treats a released migration:
 * assessments pinned to a version must read the same questions and choices for ever.
 * {@code questionnaires/RELEASED.sha256} holds the SHA-256 of each released file.
 */
class QuestionnaireReleaseTest {

    private static final String RELEASED = "questionnaires/RELEASED.sha256";

    @Test
    void releasedQuestionnairesAreUnchanged() {
        Map<String, String> released = released();
        assertTrue(released.keySet().containsAll(List.of("devops-maturity-v1.yaml", "devops-maturity-v2.yaml",
                "devops-maturity-v3.yaml", "devops-maturity-v4.yaml")), "versions 1 to 4 are released: " + released.keySet());
        List<String> problems = new ArrayList<>();
        released.forEach((file, expected) -> {
            String problem = changed(file, expected, read("questionnaires/" + file));
            if (problem != null) {
                problems.add(problem);
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void everyQuestionnaireTheAppLoadsIsReleased() throws NoSuchMethodException {
        String files = BearingConfig.class.getMethod("questionnaires").getAnnotation(WithDefault.class).value();
        for (String file : files.split(",")) {
            assertTrue(released().containsKey(file.trim()), file + " is loaded by default but has no line in " + RELEASED);
        }
    }

    @Test
    void anEditIsReportedNamingTheFile() {
        byte[] original = read("questionnaires/devops-maturity-v1.yaml");
        String expected = released().get("devops-maturity-v1.yaml");
        assertEquals(null, changed("devops-maturity-v1.yaml", expected, original));
        byte[] edited = new String(original, StandardCharsets.UTF_8).replace("version: 1", "version: 1 ")
                .getBytes(StandardCharsets.UTF_8);
        String problem = changed("devops-maturity-v1.yaml", expected, edited);
        assertTrue(problem != null && problem.startsWith("devops-maturity-v1.yaml was released"), problem);
        String crlf = new String(original, StandardCharsets.UTF_8).replace("\n", "\r\n");
        assertEquals(null, changed("devops-maturity-v1.yaml", expected, crlf.getBytes(StandardCharsets.UTF_8)),
                "a checkout with Windows line endings is not an edit");
    }

    /**
     * @return null when {@code content} matches the released checksum, else a message naming the file
     */
    static String changed(String file, String expectedSha256, byte[] content) {
        String actual = sha256(content);
        if (actual.equals(expectedSha256)) {
            return null;
        }
        return file + " was released with SHA-256 " + expectedSha256 + " but now has " + actual
                + ": a released questionnaire is never edited; restore it and publish the change as a new version";
    }

    /** @return SHA-256 in lower-case hex of the content with CRLF line endings read as LF */
    static String sha256(byte[] content) {
        byte[] normalised = new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return file name to SHA-256, from lines "hash  file" (sha256sum's format); '#' starts a comment */
    static Map<String, String> released() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : new String(read(RELEASED), StandardCharsets.UTF_8).split("\r?\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+\\*?", 2);
            assertEquals(2, parts.length, RELEASED + ": line is not \"<sha256>  <file>\": " + line);
            assertTrue(out.put(parts[1], parts[0].toLowerCase(java.util.Locale.ROOT)) == null, RELEASED + " lists " + parts[1] + " twice");
        }
        return out;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(resource + " cannot be read", e);
        }
    }
}
