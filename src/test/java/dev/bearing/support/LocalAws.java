package dev.bearing.support;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A local AWS for the provisioning tests: moto's server (moto 5.2, from the machine's Python: on
 * PATH or found by {@code pyenv which}) started once per test JVM on a free loopback port through
 * {@code src/main/launcher/local-aws}, the README's way to try provisioning, which closes four
 * gaps of moto's CloudFormation emulation (see {@code local_aws.py}); and {@code cfn-lint}, which
 * Bearing runs before any AWS call. On a machine without them
 * the tests that need them are skipped; with {@code CI=true} they fail instead (.ci/run checks
 * first). Credentials for the SDK's default chain are fake ({@code testing}), set as system
 * properties.
 */
public final class LocalAws {

    private static URI moto;
    private static Process process;

    private LocalAws() {
    }

    /** @return the base URL of the running moto_server, starting it on first use */
    public static synchronized URI moto() {
        requireCfnLint();
        require("moto_server");
        Path launcher = Path.of("src", "main", "launcher", "local-aws").toAbsolutePath();
        fakeCredentials();
        if (moto == null) {
            try {
                int port;
                try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                    port = s.getLocalPort();
                }
                Path log = Files.createTempFile("moto", ".log");
                process = new ProcessBuilder(launcher.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
                long deadline = System.currentTimeMillis() + 30_000;
                while (!open(port)) {
                    if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                        throw new IllegalStateException("moto_server did not start: " + Files.readString(log));
                    }
                    Thread.sleep(100);
                }
                moto = URI.create("http://127.0.0.1:" + port);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return moto;
    }

    /** Skips the test (fails it in CI) when cfn-lint is not installed. */
    public static void requireCfnLint() {
        require("cfn-lint");
        fakeCredentials();
    }

    /** Fake credentials for the SDK's default chain (moto and the scripted stub accept any). */
    public static void fakeCredentials() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    private static Path require(String tool) {
        Optional<Path> found = find(tool);
        if (found.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(tool + " is required in CI (moto 5.2 and cfn-lint 1.51 in the machine's Python; see .ci/run)");
        }
        Assumptions.assumeTrue(found.isPresent(), tool + " is not installed; provisioning tests against the local AWS skipped");
        return found.get();
    }

    /** @return the tool on PATH (a pyenv shim resolves to the active Python), or where {@code pyenv which} says */
    static Optional<Path> find(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        try {
            Process p = new ProcessBuilder("pyenv", "which", tool).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor() == 0 && Files.isExecutable(Path.of(out))) {
                return Optional.of(Path.of(out));
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static boolean open(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
