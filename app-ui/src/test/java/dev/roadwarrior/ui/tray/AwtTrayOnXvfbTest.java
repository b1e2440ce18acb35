package dev.roadwarrior.ui.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWT fallback against a real XEmbed tray: under Xvfb with {@code trayer} (Debian packages
 * {@code xvfb}, {@code trayer}) and no StatusNotifierWatcher on the bus the icon goes into the tray;
 * without trayer there is no tray at all. Skipped where Xvfb or trayer is not installed.
 */
class AwtTrayOnXvfbTest {

    @TempDir
    Path dir;

    @Test
    void withAnXembedTrayTheAwtIconIsUsedAndWithoutOneThereIsNoTray() throws Exception {
        assumeTrue(onPath("Xvfb") && onPath("trayer"), "Xvfb and trayer are needed");
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "640x400x24", "-nolisten", "tcp")
                .redirectError(dir.resolve("xvfb.log").toFile()).start();
        try (PrivateBus bus = PrivateBus.start(dir)) {
            String display = ":" + new BufferedReader(new InputStreamReader(xvfb.getInputStream(),
                    StandardCharsets.UTF_8)).readLine().strip();
            assertEquals("KIND NONE", probe(display, bus));

            ProcessBuilder trayerBuilder = new ProcessBuilder("trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
                    "--height", "28", "--SetDockType", "true")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("trayer.log").toFile());
            trayerBuilder.environment().put("DISPLAY", display);
            Process trayer = trayerBuilder.start();
            try {
                Thread.sleep(3000);
                assertTrue(trayer.isAlive(), "trayer runs");
                assertEquals("KIND AWT", probe(display, bus));
            } finally {
                trayer.destroy();
                trayer.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            xvfb.destroy();
            xvfb.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String probe(String display, PrivateBus bus) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Djava.awt.headless=false", "-cp",
                System.getProperty("java.class.path"), AwtTrayProbe.class.getName(), bus.address())
                .redirectError(dir.resolve("probe.log").toFile());
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        String kind = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("KIND ")) {
                    kind = line;
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe ends");
        return kind;
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}
