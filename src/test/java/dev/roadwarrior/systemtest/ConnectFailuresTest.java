package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failed connects end with a non-zero exit, a sentence that names the problem, no stack trace,
 * and no TUN device left behind.
 */
@ExtendWith(LabExtension.class)
class ConnectFailuresTest {

    private Path home;

    @AfterEach
    void cleanUp() throws IOException {
        TestFiles.removeTrees(home);
    }

    @Test
    void wrongGroupPasswordIsNamed(Lab lab) throws IOException {
        StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder().group("rwgroup", "another-secret").build());
        ExecResult r = connect(lab, "alice-password");
        assertFailedWith(lab, r, "group password (pre-shared key) is wrong");
    }

    @Test
    void wrongUserPasswordIsNamed(Lab lab) throws IOException {
        StrongswanGateway.start(lab, GatewayConfig.defaults());
        ExecResult r = connect(lab, "not-alice-password");
        assertFailedWith(lab, r, "refused the user name or password");
    }

    @Test
    void silentGatewayIsNamed(Lab lab) throws IOException {
        // No charon runs: the gateway host exists but nothing answers on UDP 500.
        ExecResult r = connect(lab, "alice-password");
        assertFailedWith(lab, r, "gateway did not answer");
    }

    /**
     * The gateway accepts phase 1 but never starts XAuth (its XAuth backend, the xauth-generic
     * plugin, is not loaded): a first connect ends within about 30 s, saying so, instead of
     * reconnecting forever.
     */
    @Test
    void aGatewayThatNeverStartsXauthIsNamed(Lab lab, TestReporter reporter) throws IOException {
        StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder().omittedPlugins(List.of("xauth-generic")).build());
        long start = System.nanoTime();
        ExecResult r = connect(lab, "alice-password");
        long millis = (System.nanoTime() - start) / 1_000_000;
        reporter.publishEntry("no XAuth", "connect failed after " + millis + " ms (JVM start included)");
        System.out.println("no XAuth: connect failed after " + millis + " ms (JVM start included)");
        assertFailedWith(lab, r, "never asked for a user name and password (XAuth)");
        assertTrue(millis <= 40_000, millis + " ms");
    }

    private ExecResult connect(Lab lab, String password) throws IOException {
        home = Files.createTempDirectory("rw-home");
        Map<String, String> env = Map.of("ROADWARRIOR_HOME", home.toString());
        Path repo = Path.of(System.getProperty("roadwarrior.repo", "../.."));
        String launcher = repo.resolve("roadwarrior").toString();
        lab.exec(LabNode.CLIENT, Duration.ofSeconds(120), env, List.of(launcher, "import",
                repo.resolve("src/test/resources/profiles/lab-psk-xauth.vpn").toString(), "--name", "lab")).orThrow();
        return lab.exec(LabNode.CLIENT, Duration.ofSeconds(90), env, List.of("sh", "-c",
                "exec " + launcher + " connect lab --password-stdin --foreground <<EOF\n" + password + "\nEOF\n"));
    }

    private static void assertFailedWith(Lab lab, ExecResult r, String words) {
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains(words), "the reason in words: " + r.describe());
        assertFalse(r.stderr().contains("Exception") || r.stdout().contains("\tat "), "no stack trace: " + r.describe());
        String links = lab.run(LabNode.CLIENT, "ip", "-o", "link").stdout();
        assertFalse(links.matches("(?s).*\\d+: rw\\d+.*"), "no TUN device left:\n" + links);
    }
}
