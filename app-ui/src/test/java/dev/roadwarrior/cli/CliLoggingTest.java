package dev.roadwarrior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line keeps log records out of the user's output unless asked (--verbose). */
class CliLoggingTest {

    private static final System.Logger LOG = System.getLogger("dev.roadwarrior.engine.runtime.Example");

    @TempDir
    Path dir;

    private final PrintStream realErr = System.err;

    @AfterEach
    void restore() throws IOException {
        System.setErr(realErr);
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.close();
        }
        LogManager.getLogManager().readConfiguration();
    }

    @Test
    void recordsGoToAPrivateLogFileAndNotToStandardError() throws IOException {
        ByteArrayOutputStream err = captureStderr();
        Path file = dir.resolve("state/cli.log");
        CliLogging.toFile(file);
        LOG.log(System.Logger.Level.INFO, "installed an SA");

        assertEquals("", err.toString(StandardCharsets.UTF_8));
        String log = Files.readString(file);
        assertTrue(log.contains("INFO Example: installed an SA"), log);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void verboseAlsoWritesThemToStandardError() {
        ByteArrayOutputStream err = captureStderr();
        CliLogging.toFile(dir.resolve("cli.log"));
        CliLogging.verbose();
        LOG.log(System.Logger.Level.INFO, "TUN MTU 1380");
        LOG.log(System.Logger.Level.DEBUG, "not at this level");

        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("INFO Example: TUN MTU 1380"), printed);
        assertFalse(printed.contains("not at this level"), printed);
    }

    @Test
    void anUnwritableLocationDropsTheRecordsQuietly() throws IOException {
        ByteArrayOutputStream err = captureStderr();
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        CliLogging.toFile(blocker.resolve("cli.log"));
        LOG.log(System.Logger.Level.WARNING, "nowhere to go");

        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    private ByteArrayOutputStream captureStderr() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        return err;
    }
}
