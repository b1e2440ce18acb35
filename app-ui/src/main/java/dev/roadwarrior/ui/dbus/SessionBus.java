package dev.roadwarrior.ui.dbus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;

/**
 * Opens a private (non-shared) connection to the D-Bus session bus for the tray and notifications.
 * dbus-java's native transport reaches only socket files ({@code unix:path=…}), not abstract
 * sockets, and takes seconds to give up on a socket file that is gone; so the address is checked
 * first and an unusable one fails at once. Stateless; any thread (connecting blocks briefly).
 */
public final class SessionBus {

    private static final Logger LOG = Logger.getLogger(SessionBus.class.getName());

    private SessionBus() {
    }

    /**
     * A connection to the bus at {@code address}, or to the session bus named by
     * {@code DBUS_SESSION_BUS_ADDRESS} when empty; empty when there is none this process can use.
     */
    public static Optional<DBusConnection> connect(Optional<String> address) {
        Optional<String> usable = usableAddress(address.or(() -> Optional.ofNullable(
                System.getenv("DBUS_SESSION_BUS_ADDRESS"))).orElse(""));
        if (usable.isEmpty()) {
            LOG.info("No session bus reachable through a socket file; tray and notifications use fallbacks");
            return Optional.empty();
        }
        try {
            return Optional.of(DBusConnectionBuilder.forAddress(usable.get()).withShared(false).build());
        } catch (DBusException | RuntimeException e) {
            LOG.log(Level.INFO, "Cannot connect to the session bus: " + e.getMessage(), e);
            return Optional.empty();
        }
    }

    /** The first {@code unix:path=} entry of a D-Bus address list whose socket file exists. */
    static Optional<String> usableAddress(String addresses) {
        return Arrays.stream(addresses.split(";"))
                .map(String::strip)
                .filter(a -> a.startsWith("unix:"))
                .filter(a -> socketPath(a).map(Files::exists).orElse(false))
                .findFirst();
    }

    private static Optional<Path> socketPath(String address) {
        for (String part : address.substring("unix:".length()).split(",")) {
            if (part.startsWith("path=")) {
                return Optional.of(Path.of(unescape(part.substring("path=".length()))));
            }
        }
        return Optional.empty();
    }

    /** D-Bus addresses escape bytes as %XX. */
    private static String unescape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
