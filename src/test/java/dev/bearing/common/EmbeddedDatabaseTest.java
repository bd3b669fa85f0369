package dev.bearing.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded PostgreSQL left running by a Bearing that was killed (its owner gone) is stopped
 * cleanly before the next start; one whose owner still runs is left alone with a clear error.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path tmp;

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void anOrphanedServerIsStoppedAndAServerWithALiveOwnerIsNot() throws Exception {
        Path data = tmp.resolve("postgres");
        Files.createDirectories(data);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        int port = pg.getPort();
        try {
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            // its owner still runs (the build's own process stands in for another Bearing): left alone
            Files.writeString(EmbeddedDatabase.ownerFile(data),
                    String.valueOf(ProcessHandle.current().parent().orElseThrow().pid()));
            IllegalStateException busy = assertThrows(IllegalStateException.class, () -> EmbeddedDatabase.stopOrphan(data));
            assertTrue(busy.getMessage().contains("belongs to a running Bearing"), busy.getMessage());
            assertTrue(listening(port));
            // the owner was killed: the server is an orphan and is stopped cleanly
            Files.writeString(EmbeddedDatabase.ownerFile(data), String.valueOf(deadPid()));
            assertEquals(postmaster, EmbeddedDatabase.stopOrphan(data));
            assertFalse(listening(port), "the orphan no longer listens");
            assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false));
            assertEquals(-1, EmbeddedDatabase.stopOrphan(data), "nothing left to stop");
        } finally {
            try {
                pg.close();
            } catch (IOException | RuntimeException e) {
                // already stopped by the test
            }
        }
    }

    @Test
    void aPortAlreadyInUseIsRefusedInsteadOfSilentlyReusingAnotherServer() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> EmbeddedDatabase.requirePortFree(taken.getLocalPort()));
            assertTrue(e.getMessage().contains("BEARING_DB_PORT"), e.getMessage());
        }
    }
}
