package dev.roadwarrior.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoadwarriorPathsTest {

    private static final Path USER = Path.of("/home/u");

    @Test
    void xdgDefaults() {
        RoadwarriorPaths p = RoadwarriorPaths.resolve(Map.of(), null, USER);
        assertEquals(Path.of("/home/u/.config/roadwarrior/profiles"), p.profilesDir());
        assertEquals(Path.of("/home/u/.local/share/roadwarrior/secrets.json"), p.secretsFile());
        assertEquals(Path.of("/home/u/.local/state/roadwarrior"), p.stateDir());
        assertFalse(p.singleHome());
    }

    @Test
    void xdgVariablesAndRelativeValuesIgnored() {
        RoadwarriorPaths p = RoadwarriorPaths.resolve(Map.of("XDG_CONFIG_HOME", "/c", "XDG_DATA_HOME", "/d",
                "XDG_STATE_HOME", "relative/s"), null, USER);
        assertEquals(Path.of("/c/roadwarrior/profiles"), p.profilesDir());
        assertEquals(Path.of("/d/roadwarrior/secrets.json"), p.secretsFile());
        assertEquals(Path.of("/home/u/.local/state/roadwarrior"), p.stateDir());
    }

    @Test
    void roadwarriorHomeHoldsEverythingAndThePropertyWins() {
        Map<String, String> env = Map.of("ROADWARRIOR_HOME", "/rw", "XDG_CONFIG_HOME", "/c");
        RoadwarriorPaths p = RoadwarriorPaths.resolve(env, null, USER);
        assertEquals(Path.of("/rw/profiles"), p.profilesDir());
        assertEquals(Path.of("/rw/secrets.json"), p.secretsFile());
        assertEquals(Path.of("/rw/run"), p.stateDir());
        assertTrue(p.singleHome());
        assertEquals(Path.of("/prop/profiles"), RoadwarriorPaths.resolve(env, "/prop", USER).profilesDir());
        assertEquals(Path.of("/rw/profiles"), RoadwarriorPaths.resolve(env, "", USER).profilesDir());
    }
}
