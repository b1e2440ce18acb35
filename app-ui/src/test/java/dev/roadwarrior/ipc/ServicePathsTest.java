package dev.roadwarrior.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicePathsTest {

    @Test
    void theSystemServiceKeepsItsJournalWhereARebootLeavesIt() {
        ServicePaths p = ServicePaths.of(Map.of());
        assertEquals(Path.of("/run/roadwarrior/roadwarrior.sock"), p.socket());
        assertEquals(Path.of("/var/lib/roadwarrior"), p.hostStateDir());
    }

    @Test
    void theRuntimeDirectoryVariableMovesEverything() {
        ServicePaths p = ServicePaths.of(Map.of("ROADWARRIOR_RUNTIME_DIR", "/tmp/rw-test/../rw"));
        assertEquals(Path.of("/tmp/rw"), p.runtimeDir());
        assertEquals(Path.of("/tmp/rw/roadwarrior.sock"), p.socket());
        assertEquals(Path.of("/tmp/rw/host"), p.hostStateDir());
    }
}
