package dev.bearing.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Autosave load for bench/parts/20-autosave: CONNECTIONS threads, each saving answers as a
 * survey tab does (PUT /api/v1/respondents/{token}/answers/{question} with the version it last
 * got back), one request at a time, for SECONDS. Each thread owns its share of the respondents,
 * taken in turn, so one survey link never has two saves in flight; each respondent changes the
 * same few questions again and again (the first save of a question sends no version).
 *
 * <p>Run with the JDK's source launcher, no build: {@code java bench/java/dev/bearing/bench/AutosaveLoad.java
 * BASE_URL CONNECTIONS SECONDS TOKENS_FILE QUESTIONS OUT_PREFIX [VERSIONS_FILE]}. TOKENS_FILE holds
 * one survey token per line; QUESTIONS is a comma-separated list of scale questions every role is
 * asked; VERSIONS_FILE (read when present, written at the end) carries the versions from one run
 * to the next, as a tab left open does (a save with an old version gets 409, and the load then
 * goes on from the stored version the refusal names).
 * Writes OUT_PREFIX.ms (each acknowledged save's milliseconds) and prints one line:
 * {@code saves=N seconds=S other=<status:count,...>} where N counts the 2xx answers (acknowledged
 * saves), what the part compares with the versions stored in the database.
 */
public final class AutosaveLoad {

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    /** In a 409's detail: "already answered (version 3)" or "the stored one is 3". */
    private static final Pattern STORED = Pattern.compile("(?:answered \\(version |the stored one is )(\\d+)");

    private AutosaveLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int connections = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        List<String> tokens = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank()).toList();
        String[] questions = args[4].split(",");
        String out = args[5];
        Path state = args.length > 6 ? Path.of(args[6]) : null;
        Map<String, Integer> known = new java.util.concurrent.ConcurrentHashMap<>();
        if (state != null && Files.exists(state)) {
            for (String line : Files.readAllLines(state)) {
                String[] f = line.split(" ");
                if (f.length == 3) {
                    known.put(f[0] + " " + f[1], Integer.parseInt(f[2]));
                }
            }
        }
        URI uri = URI.create(base);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<double[]> latencies = new ArrayList<>();
        long[] acknowledged = new long[connections];
        int[] lengths = new int[connections];
        List<Map<Integer, Integer>> others = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(connections);
        for (int t = 0; t < connections; t++) {
            int thread = t;
            double[] ms = new double[4_000_000 / connections];
            latencies.add(ms);
            Map<Integer, Integer> other = new TreeMap<>();
            others.add(other);
            new Thread(() -> {
                try {
                    List<String> mine = new ArrayList<>();
                    for (int i = thread; i < tokens.size(); i += connections) {
                        mine.add(tokens.get(i));
                    }
                    Map<String, Integer> versions = known;
                    Connection http = new Connection(uri);
                    int n = 0;
                    for (long i = 0; System.nanoTime() < end && n < ms.length; i++) {
                        String token = mine.get((int) (i % mine.size()));
                        String question = questions[(int) ((i / mine.size()) % questions.length)];
                        Integer version = versions.get(token + " " + question);
                        // a value different from the stored one (version v holds 1 + v % 5), so every save is a change
                        int next = version == null ? 0 : version + 1;
                        String body = "{\"value\":" + (1 + next % 5) + (version == null ? "" : ",\"version\":" + version) + "}";
                        String path = "/api/v1/respondents/" + token + "/answers/" + question;
                        long start = System.nanoTime();
                        Response r;
                        try {
                            r = http.put(path, body);
                        } catch (IOException e) {
                            other.merge(0, 1, Integer::sum);
                            http.close();
                            continue;
                        }
                        double elapsed = (System.nanoTime() - start) / 1e6;
                        if (r.statusCode() / 100 == 2) {
                            Matcher m = VERSION.matcher(r.body());
                            if (m.find()) {
                                versions.put(token + " " + question, Integer.parseInt(m.group(1)));
                            }
                            acknowledged[thread]++;
                            ms[n++] = elapsed;
                        } else {
                            other.merge(r.statusCode(), 1, Integer::sum);
                            Matcher stored = STORED.matcher(r.body());
                            if (r.statusCode() == 409 && stored.find()) {
                                // saved by an earlier run: go on from the stored version the refusal names
                                versions.put(token + " " + question, Integer.parseInt(stored.group(1)));
                            }
                        }
                    }
                    lengths[thread] = n;
                    http.close();
                } finally {
                    done.countDown();
                }
            }, "autosave-" + t).start();
        }
        done.await();
        long total = Arrays.stream(acknowledged).sum();
        StringBuilder lines = new StringBuilder();
        for (int t = 0; t < connections; t++) {
            for (int i = 0; i < lengths[t]; i++) {
                lines.append(String.format("%.3f%n", latencies.get(t)[i]));
            }
        }
        Files.writeString(Path.of(out + ".ms"), lines);
        if (state != null) {
            StringBuilder v = new StringBuilder();
            known.forEach((k, n) -> v.append(k).append(' ').append(n).append('\n'));
            Files.writeString(state, v);
        }
        Map<Integer, Integer> other = new TreeMap<>();
        others.forEach(m -> m.forEach((k, v) -> other.merge(k, v, Integer::sum)));
        StringBuilder o = new StringBuilder();
        other.forEach((k, v) -> o.append(o.length() == 0 ? "" : ",").append(k == 0 ? "io-error" : k).append(':').append(v));
        System.out.println("saves=" + total + " seconds=" + seconds + " other=" + (o.length() == 0 ? "none" : o));
    }

    /** A response: its status and body. */
    private record Response(int statusCode, String body) {
    }

    /**
     * One keep-alive HTTP/1.1 connection, one request at a time, on a blocking socket: the load
     * generator's own cost per request is a write and a read, so on a 2-core machine it leaves the
     * CPU to the server (the JDK's HttpClient took about 60 % of a core at this load, pgbench's C
     * client a few per cent).
     */
    private static final class Connection {
        private final URI uri;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(URI uri) {
            this.uri = uri;
        }

        Response put(String path, String body) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
                socket.setSoTimeout(30_000);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("PUT " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + content.length);
            System.arraycopy(content, 0, request, head.length, content.length);
            out.write(request);
            out.flush();
            String status = line();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IOException("no HTTP response: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closes = true;
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    bytes.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length >= 0) {
                bytes.write(in.readNBytes(length));
            }
            if (closes) {
                close();
            }
            return new Response(code, bytes.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    int end = b.length();
                    return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.length() == 0 ? null : b.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing: nothing left to read
            }
            socket = null;
        }
    }
}
