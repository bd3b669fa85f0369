package dev.bearing.support;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the packaged application (target/quarkus-app) in its own JVM for integration tests. */
public final class PackagedServer {

    private PackagedServer() {
    }

    /**
     * Starts the server and waits until it is ready.
     *
     * @param port HTTP port
     * @param db datasource settings (from {@link DatabaseTestResource})
     * @param log where the server's output goes
     * @param jvmOptions extra JVM options, e.g. {@code -Xmx512m}
     * @return the running process
     * @throws IllegalStateException when it exits or is not ready within 60 s
     */
    public static Process start(int port, Map<String, String> db, String log, String... jvmOptions)
            throws IOException, InterruptedException {
        return start(port, db, log, Duration.ofSeconds(60), jvmOptions);
    }

    /**
     * Starts the server and waits until it is ready, at most {@code wait}.
     *
     * @see #start(int, Map, String, String...)
     */
    public static Process start(int port, Map<String, String> db, String log, Duration wait, String... jvmOptions)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-Dquarkus.http.port=" + port, "-Dbearing.demo.enabled=false"));
        // no session key: the packaged app must make its own (BearingMain), and never log it
        db.forEach((k, v) -> {
            if (!k.equals("quarkus.http.auth.session.encryption-key")) {
                cmd.add("-D" + k + "=" + v);
            }
        });
        cmd.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log))).start();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server stopped; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + port + "/q/health/ready")
                        .toURL().openConnection();
                if (c.getResponseCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start in " + wait.toSeconds() + " s; see " + log);
    }
}
