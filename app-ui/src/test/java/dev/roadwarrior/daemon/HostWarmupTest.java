package dev.roadwarrior.daemon;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class HostWarmupTest {

    /** A renamed or moved class would silently end the warm-up early. */
    @Test
    void everyClassItWarmsExists() {
        ClassLoader loader = HostWarmup.class.getClassLoader();
        for (String name : HostWarmup.CLASSES) {
            assertDoesNotThrow(() -> Class.forName(name, false, loader), name);
        }
    }

    @Test
    void initialisesEveryClass() throws InterruptedException {
        Thread thread = HostWarmup.start();
        thread.join(30_000);
        ClassLoader loader = HostWarmup.class.getClassLoader();
        for (String name : HostWarmup.CLASSES) {
            assertDoesNotThrow(() -> Class.forName(name, true, loader), name);
        }
    }
}
