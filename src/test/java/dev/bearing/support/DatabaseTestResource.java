package dev.bearing.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

/**
 * The tests' PostgreSQL: the local server on 127.0.0.1:5432 (database {@code test}) when one
 * answers there, otherwise an embedded PostgreSQL started for the test run. Override with
 * {@code BEARING_TEST_DB_URL}. Never a mock and never another dialect.
 */
public class DatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("BEARING_TEST_DB_URL");
        if (url == null && reachable("127.0.0.1", 5432)) {
            url = "jdbc:postgresql://127.0.0.1:5432/test";
        }
        if (url == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("No PostgreSQL on 127.0.0.1:5432 and the embedded one failed to start", e);
            }
            url = "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
        }
        Api.serverStarted();
        // in-process tests do not pass through BearingMain, which makes the session key: one per run
        return Map.of("quarkus.http.auth.session.encryption-key", new dev.bearing.common.TokenGenerator().newToken(),
                "bearing.admin.password", Api.ADMIN_PASSWORD, "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", System.getenv().getOrDefault("BEARING_TEST_DB_USER", "postgres"),
                "quarkus.datasource.password", System.getenv().getOrDefault("BEARING_TEST_DB_PASSWORD", ""));
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is ending; nothing more to do
            }
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
