package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real desktop app under Xvfb, driven with xdotool, against the lab gateway through the service
 * in the client namespace, with a private session bus and a StatusNotifierWatcher ({@link TrayBus})
 * so that its tray is a StatusNotifierItem: {@code roadwarrior open lab.vpn} offers the import and the
 * item registers with the watcher; Connect in the window asks the XAuth password, the tunnel comes up,
 * its counters move while pinging through it and the tray icon turns connected; Disconnect in the
 * tray menu (dbusmenu {@code Event}) restores the host; Connect ‹profile› in the tray menu asks the
 * password in a window and connects again; Disconnect in the window restores the host. With
 * ImageMagick installed, screenshots of each step land in the test's log directory
 * ({@code target/lab-logs/DesktopAppTest/...}).
 */
@ExtendWith(LabExtension.class)
class DesktopAppTest {

    private static final String GROUP = "roadwarrior";
    private static final String MEMBER = "rwtest-desktop";
    private static final String PASSWORD = "alice-password";
    private static final String DISPLAY = ":192";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostUsers users;
    private Path runtime;
    private Path netnsEtc;
    private Process xvfb;
    private TrayBus bus;

    @BeforeAll
    static void tools() {
        LabExtension.assumeTools("useradd", "userdel", "groupadd", "setpriv", "ping", "Xvfb", "xdotool",
                "dbus-daemon", "gdbus", "status-notifier-watcher");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (xvfb != null) {
            xvfb.destroy();
        }
        if (bus != null) {
            bus.close();
        }
        if (users != null) {
            users.close();
        }
        TestFiles.removeTrees(runtime, netnsEtc);
    }

    @Test
    void connectAndDisconnectFromTheWindowAndTheTrayMenu(Lab lab) throws Exception {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        prepare(lab);
        RoadwarriorConnectTest.HostSnapshot before = RoadwarriorConnectTest.HostSnapshot.take(lab);
        LabProcess service = lab.spawn(LabNode.CLIENT, "roadwarrior-daemon", Map.of("ROADWARRIOR_RUNTIME_DIR",
                runtime.toString()), List.of(launcher(), "daemon", "--log-level", "debug"));
        Waits.until(Duration.ofSeconds(60), () -> Files.exists(runtime.resolve("roadwarrior.sock")),
                () -> "the service starts:\n" + service.output());

        Path vpn = users.home(MEMBER).resolve("lab.vpn");
        Files.copy(repo().resolve("src/test/resources/profiles/lab-psk-xauth.vpn"), vpn);
        Files.setOwner(vpn, vpn.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(MEMBER));
        LabProcess app = lab.spawn(LabNode.CLIENT, "desktop-app", env(),
                users.as(MEMBER, launcher(), "open", vpn.toString()));
        String offer = window("Import a VPN profile", app);
        screenshot(lab, "1-import-offer");
        x("windowfocus", "--sync", offer);
        x("key", "Return");
        String main = window("^Roadwarrior$", app);
        x("windowmove", "--sync", main, "0", "0");
        Waits.until(Duration.ofSeconds(30), () -> Files.exists(users.home(MEMBER).resolve("profiles/lab.json")),
                () -> "the profile is imported:\n" + app.output());
        String item = trayItem(app);
        String menu = bus.menuPath(item);
        waitForIcon(item, "roadwarrior-disconnected", app);
        int connectLab = menuEntry(item, menu, "Connect lab", app);
        Thread.sleep(1500);
        screenshot(lab, "2-imported");

        String connectX = Integer.toString(width(main) - 70);
        clickAt(connectX, "73");
        String prompt = window("^Roadwarrior: lab$", app);
        Thread.sleep(1500);
        screenshot(lab, "3-prompt");
        x("windowfocus", "--sync", prompt);
        x("type", "--delay", "40", PASSWORD);
        x("key", "Return");
        Waits.until(TIMEOUT, () -> "CONNECTED".equals(status(lab).path("state").asText()),
                () -> "the app connects:\n" + app.output() + "\nservice:\n" + service.output() + "\ncharon:\n"
                        + gateway.log());
        long before1 = status(lab).path("bytesIn").asLong();
        lab.run(LabNode.CLIENT, "ping", "-c", "5", "-i", "0.3", "-W", "2", Topology.PROTECTED_IP);
        Waits.until(Duration.ofSeconds(20), () -> status(lab).path("bytesIn").asLong() >= before1 + 5 * 84,
                () -> "the counters move: " + status(lab));
        waitForIcon(item, "roadwarrior-connected", app);
        Thread.sleep(2500);
        screenshot(lab, "4-connected");

        int disconnect = menuEntry(item, menu, "Disconnect", app);
        assertTrue(bus.enabledEntry(item, menu, "Connect lab").isEmpty(), "no Connect while connected: "
                + bus.layout(item, menu));
        bus.click(item, menu, disconnect);
        waitForState(lab, "DISCONNECTED", app, service);
        waitForIcon(item, "roadwarrior-disconnected", app);
        Thread.sleep(1500);
        screenshot(lab, "5-disconnected-from-tray");
        assertHostRestored(lab, before);

        assertEquals(connectLab, menuEntry(item, menu, "Connect lab", app), "Connect lab is offered again");
        bus.click(item, menu, connectLab);
        String trayPrompt = window("^Roadwarrior: lab$", app);
        Thread.sleep(1500);
        screenshot(lab, "6-prompt-from-tray");
        x("windowfocus", "--sync", trayPrompt);
        x("type", "--delay", "40", PASSWORD);
        x("key", "Return");
        waitForState(lab, "CONNECTED", app, service);
        waitForIcon(item, "roadwarrior-connected", app);
        lab.run(LabNode.CLIENT, "ping", "-c", "1", "-W", "2", Topology.PROTECTED_IP);
        Thread.sleep(2500);
        screenshot(lab, "7-connected-from-tray");

        clickAt(connectX, "73");
        waitForState(lab, "DISCONNECTED", app, service);
        waitForIcon(item, "roadwarrior-disconnected", app);
        Thread.sleep(1500);
        screenshot(lab, "8-disconnected-in-window");
        assertHostRestored(lab, before);
        assertTrue(app.isAlive(), app.output());
        app.stop(Duration.ofSeconds(10));
        service.stop(Duration.ofSeconds(30));
        assertTrue(!app.output().contains("Exception"), "no stack trace in the app's output:\n" + app.output());
    }

    private void prepare(Lab lab) throws IOException {
        users = HostUsers.create(GROUP, List.of(MEMBER), List.of());
        runtime = Files.createTempDirectory(Path.of("/tmp"), "rwd", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwxr-xr-x"));
        netnsEtc = Path.of("/etc/netns", lab.namespace(LabNode.CLIENT));
        Files.createDirectories(netnsEtc);
        Files.writeString(netnsEtc.resolve("resolv.conf"), "# lab client\nnameserver 192.0.2.53\n");
        xvfb = new ProcessBuilder("Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(lab.logDir().resolve("xvfb.log").toFile()).start();
        Waits.until(Duration.ofSeconds(20), () -> Files.exists(Path.of("/tmp/.X11-unix/X" + DISPLAY.substring(1))),
                () -> "Xvfb starts");
        bus = TrayBus.start(users, MEMBER, users.home(MEMBER), lab.logDir());
    }

    private Map<String, String> env() {
        String home = users.home(MEMBER).toString();
        return Map.of("ROADWARRIOR_RUNTIME_DIR", runtime.toString(), "ROADWARRIOR_HOME", home, "HOME", home,
                "DISPLAY", DISPLAY, "ROADWARRIOR_JAVA_OPTS", "-Duser.home=" + home,
                "DBUS_SESSION_BUS_ADDRESS", bus.address());
    }

    /** The bus name of the app's StatusNotifierItem once it registered with the watcher. */
    private String trayItem(LabProcess app) {
        Waits.until(Duration.ofSeconds(60), () -> bus.items().stream().anyMatch(
                n -> n.startsWith("org.kde.StatusNotifierItem-")),
                () -> "the tray item registers with the watcher: " + bus.items() + "\n" + app.output());
        List<String> items = bus.items();
        assertEquals(1, items.size(), "one tray item: " + items);
        return items.get(0);
    }

    private void waitForIcon(String item, String icon, LabProcess app) {
        Waits.until(Duration.ofSeconds(30), () -> icon.equals(bus.iconName(item)),
                () -> "the tray icon is " + icon + ", not " + bus.iconName(item) + ":\n" + app.output());
    }

    /** The id of an enabled tray menu entry, once the menu offers it. */
    private int menuEntry(String item, String menu, String label, LabProcess app) {
        Waits.until(Duration.ofSeconds(30), () -> bus.enabledEntry(item, menu, label).isPresent(),
                () -> "the tray menu offers " + label + ": " + bus.layout(item, menu) + "\n" + app.output());
        return bus.enabledEntry(item, menu, label).orElseThrow();
    }

    private void waitForState(Lab lab, String state, LabProcess app, LabProcess service) {
        Waits.until(TIMEOUT, () -> state.equals(status(lab).path("state").asText()),
                () -> "the app is " + state + ":\n" + app.output() + "\nservice:\n" + service.output());
    }

    private void assertHostRestored(Lab lab, RoadwarriorConnectTest.HostSnapshot before) throws IOException {
        assertEquals(before, RoadwarriorConnectTest.HostSnapshot.take(lab), "addresses, routes and links restored");
        assertArrayEquals("# lab client\nnameserver 192.0.2.53\n".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(netnsEtc.resolve("resolv.conf")), "resolv.conf restored");
    }

    private JsonNode status(Lab lab) {
        try {
            List<String> command = users.as(MEMBER, launcher(), "status", "--json");
            return JSON.readTree(lab.exec(LabNode.CLIENT, TIMEOUT, env(), command).orThrow().stdout());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits for a visible window whose name matches {@code regex}; returns its id. */
    private static String window(String regex, LabProcess app) {
        String[] id = new String[1];
        Waits.until(Duration.ofSeconds(60), () -> {
            String out = xQuiet("search", "--onlyvisible", "--name", regex).strip();
            id[0] = out.isEmpty() ? null : out.lines().reduce((a, b) -> b).orElseThrow();
            return id[0] != null;
        }, () -> "a window \"" + regex + "\" appears:\n" + app.output());
        return id[0];
    }

    /** The width of a window in pixels. */
    private static int width(String window) {
        String geometry = x("getwindowgeometry", window);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Geometry: (\\d+)x").matcher(geometry);
        if (!m.find()) {
            throw new IllegalStateException("no geometry: " + geometry);
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * Moves the pointer to (left, top) and clicks. It goes to the corner first: {@code mousemove --sync}
     * to where the pointer already is waits about 15 s for a motion that never comes.
     */
    private static void clickAt(String left, String top) {
        x("mousemove", "--sync", "0", "0");
        x("mousemove", "--sync", left, top);
        x("click", "1");
    }

    private static String x(String... args) {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        command.addAll(List.of(args));
        return run(command);
    }

    private static String xQuiet(String... args) {
        try {
            return x(args);
        } catch (IllegalStateException e) {
            return "";
        }
    }

    /** A screenshot of the display when ImageMagick's {@code import} is installed (evidence only, not checked). */
    private static void screenshot(Lab lab, String name) {
        if (Stream.of(System.getenv("PATH").split(":")).noneMatch(d -> Files.isExecutable(Path.of(d, "import")))) {
            return;
        }
        run(List.of("import", "-display", DISPLAY, "-window", "root", lab.logDir().resolve(name + ".png").toString()));
    }

    private static String run(List<String> command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("DISPLAY", DISPLAY);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String launcher() {
        return repo().resolve("roadwarrior").toString();
    }

    private static Path repo() {
        return Path.of(System.getProperty("roadwarrior.repo", "../.."));
    }
}
