package dev.roadwarrior.systemtest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension for lab tests: {@code @ExtendWith(LabExtension.class)}.
 *
 * <ul>
 *   <li>Before the class, skips all its tests (JUnit assumptions, with the reason; failures under
 *       {@code CI=true}, see {@link LabPrerequisites}) unless the JVM
 *       runs as root and {@code ip}, {@code iptables}, {@code sysctl}, {@code unshare},
 *       {@code swanctl}, {@code ss}, charon ({@link StrongswanGateway#CHARON}) and {@code /dev/net/tun} exist. Tests that need
 *       more tools call {@link #assumeTools(String...)}.</li>
 *   <li>Resolves a {@link Lab} (or {@link NetnsLab}) parameter: a fresh lab per test method
 *       (shared with its {@code @BeforeEach}/{@code @AfterEach} methods), closed after the test
 *       even when it fails. A lab resolved in a static {@code @BeforeAll} method is
 *       instead shared by all tests of the class and closed after them.</li>
 *   <li>Logs go to {@code <lab.logs>/<test class>/<test method>/} (system property
 *       {@code lab.logs}, default {@code target/lab-logs}); the directory is emptied when the test
 *       starts and kept afterwards. A failing test prints where they are.</li>
 * </ul>
 */
public final class LabExtension implements BeforeAllCallback, ParameterResolver, TestWatcher {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(LabExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        LabPrerequisites.require(isRoot(), "lab tests need root (network namespaces, iptables)");
        assumeTools("ip", "iptables", "sysctl", "unshare", "swanctl", "ss");
        LabPrerequisites.require(Files.isExecutable(StrongswanGateway.CHARON),
                StrongswanGateway.CHARON + " missing (Debian package strongswan-charon)");
        LabPrerequisites.require(Files.exists(Path.of("/dev/net/tun")),
                "/dev/net/tun missing (charon's kernel-libipsec and TUN clients need it)");
    }

    /**
     * Skips the calling test (class) unless every tool is an executable on PATH; under
     * {@code CI=true} a missing tool fails it instead (see {@link LabPrerequisites}).
     */
    public static void assumeTools(String... tools) {
        final List<String> missing = new ArrayList<>();
        for (String tool : tools) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        LabPrerequisites.require(missing.isEmpty(), "missing tools " + missing);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        final Class<?> type = parameter.getParameter().getType();
        return type == Lab.class || type == NetnsLab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(STORE).getOrComputeIfAbsent(LabResource.class, key -> {
            final Path dir = logDir(context);
            deleteTree(dir);
            return new LabResource(NetnsLab.create(dir));
        }, LabResource.class).lab();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.out.println("lab logs of the failed test: " + logDir(context).toAbsolutePath());
    }

    private static Path logDir(ExtensionContext context) {
        final String base = System.getProperty("lab.logs", "target/lab-logs");
        final String test = context.getTestMethod().map(m -> m.getName()).orElse("class");
        return Path.of(base, context.getRequiredTestClass().getSimpleName(), test);
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot empty " + dir, e);
        }
    }

    /** Closes the lab when JUnit closes the test's store (after the test and its @AfterEach). */
    private record LabResource(NetnsLab lab) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            lab.close();
        }
    }
}
