package dev.roadwarrior.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private session bus for the desktop app with a StatusNotifierWatcher on it, and the calls a tray
 * host makes on it: the items registered with the watcher, an item's {@code IconName}, its dbusmenu
 * layout and clicks on menu entries. The bus ({@code dbus-daemon} on a socket file, since dbus-java's
 * native transport cannot use abstract sockets), the watcher (Debian's {@code status-notifier-watcher})
 * and every {@code gdbus} call run as the app's user, the only user a session bus lets in.
 *
 * <p>Owns the two processes and stops them on {@link #close}. Threading: the test's thread only.
 */
final class TrayBus implements AutoCloseable {

    static final String WATCHER = "org.kde.StatusNotifierWatcher";
    private static final Pattern ENTRY = Pattern.compile("<\\((\\d+), \\{([^}]*)\\}");
    private static final Pattern STRING = Pattern.compile("'([^']*)'");

    private final HostUsers users;
    private final String user;
    private final String address;
    private final List<Process> processes = new ArrayList<>();

    private TrayBus(HostUsers users, String user, Path socket) {
        this.users = users;
        this.user = user;
        this.address = "unix:path=" + socket;
    }

    /** Starts the bus with its socket in {@code dir} (owned by {@code user}) and the watcher; logs to logDir. */
    static TrayBus start(HostUsers users, String user, Path dir, Path logDir) throws IOException {
        TrayBus bus = new TrayBus(users, user, dir.resolve("bus"));
        bus.spawn(logDir.resolve("dbus-daemon.log"), "dbus-daemon", "--session", "--address=" + bus.address,
                "--nofork", "--print-address");
        Waits.until(Duration.ofSeconds(30), () -> Files.exists(dir.resolve("bus")), () -> "the session bus starts");
        bus.spawn(logDir.resolve("status-notifier-watcher.log"), "status-notifier-watcher");
        Waits.until(Duration.ofSeconds(30), () -> bus.quietCall("org.freedesktop.DBus", "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner", WATCHER).contains("true"), () -> "the watcher owns " + WATCHER);
        return bus;
    }

    /** The address for {@code DBUS_SESSION_BUS_ADDRESS}. */
    String address() {
        return address;
    }

    /** The bus names of the items registered with the watcher ({@code RegisteredStatusNotifierItems}). */
    List<String> items() {
        String out = quietCall(WATCHER, "/StatusNotifierWatcher", "org.freedesktop.DBus.Properties.Get", WATCHER,
                "RegisteredStatusNotifierItems");
        List<String> names = new ArrayList<>();
        Matcher m = STRING.matcher(out);
        while (m.find()) {
            names.add(m.group(1).split("/", 2)[0]);
        }
        return names;
    }

    /** The item's {@code IconName} property, or "" when it cannot be read. */
    String iconName(String item) {
        Matcher m = STRING.matcher(quietCall(item, "/StatusNotifierItem", "org.freedesktop.DBus.Properties.Get",
                "org.kde.StatusNotifierItem", "IconName"));
        return m.find() ? m.group(1) : "";
    }

    /** The object path of the item's menu ({@code Menu} property). */
    String menuPath(String item) {
        Matcher m = STRING.matcher(call(item, "/StatusNotifierItem", "org.freedesktop.DBus.Properties.Get",
                "org.kde.StatusNotifierItem", "Menu"));
        if (!m.find()) {
            throw new IllegalStateException("the item has no Menu property");
        }
        return m.group(1);
    }

    /** The id of the enabled entry with this label in the item's dbusmenu ({@code GetLayout}). */
    Optional<Integer> enabledEntry(String item, String menuPath, String label) {
        String layout = quietCall(item, menuPath, "com.canonical.dbusmenu.GetLayout", "0", "-1", "[]");
        Matcher m = ENTRY.matcher(layout);
        while (m.find()) {
            String properties = m.group(2);
            if (properties.contains("'label': <'" + label + "'>") && !properties.contains("'enabled': <false>")) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The menu as the item serves it, for failure messages. */
    String layout(String item, String menuPath) {
        return quietCall(item, menuPath, "com.canonical.dbusmenu.GetLayout", "0", "-1", "[]");
    }

    /** Clicks a menu entry as a tray host does ({@code Event(id, "clicked", <0>, timestamp)}). */
    void click(String item, String menuPath, int id) {
        call(item, menuPath, "com.canonical.dbusmenu.Event", Integer.toString(id), "clicked", "<0>",
                Long.toString(System.currentTimeMillis() / 1000 & 0xffffffffL));
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void spawn(Path log, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(users.as(user, command)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
        pb.environment().put("HOME", users.home(user).toString());
        processes.add(pb.start());
    }

    private String quietCall(String dest, String path, String method, String... args) {
        try {
            return call(dest, path, method, args);
        } catch (IllegalStateException e) {
            return "";
        }
    }

    private String call(String dest, String path, String method, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("gdbus", "call", "--address", address, "--dest", dest,
                    "--object-path", path, "--method", method, "--"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(users.as(user, command.toArray(String[]::new))).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("gdbus " + method + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
