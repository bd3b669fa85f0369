package dev.bearing.support;

/** Where the Quarkus test server listens (the test port may be moved with -Dquarkus.http.test-port). */
public final class Server {

    private Server() {
    }

    /** @return e.g. {@code http://localhost:8089} */
    public static String url() {
        return "http://localhost:" + io.restassured.RestAssured.port;
    }

    /** @return the test port */
    public static int port() {
        return io.restassured.RestAssured.port;
    }
}
