package dev.roadwarrior.ui.connection;

import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns status values into the words the status view and its "Copy" text show: byte counts,
 * durations, lists, yes/no. Words come from {@code dev/roadwarrior/ui/connection/messages.properties}.
 *
 * <p>Threading: stateless; any thread.
 */
public final class StatusFormat {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.roadwarrior.ui.connection.messages");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private StatusFormat() {
    }

    /** A word of this package by key. */
    public static String text(String key) {
        return TEXT.getString(key);
    }

    /** A word of this package with its {0}, {1}... filled in. */
    public static String format(String key, Object... args) {
        return java.text.MessageFormat.format(TEXT.getString(key), args);
    }

    /** A byte count, e.g. "1.5 MiB". */
    public static String bytes(long n) {
        double v = n;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }

    /** A rate, e.g. "12.0 KiB/s". */
    public static String rate(double bytesPerSecond) {
        return bytes(Math.round(bytesPerSecond)) + "/s";
    }

    /** A duration, e.g. "2 h 05 min", "4 min 09 s", "12 s". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }

    /** A moment in the local time zone, e.g. "2026-12-04 19:02:43". */
    public static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }

    /** Bytes and packets one way, e.g. "1.5 MiB in 1,234 packets". */
    public static String traffic(long bytes, long packets) {
        return java.text.MessageFormat.format(text("status.traffic"), bytes(bytes), packets);
    }

    /** Addresses, comma-separated; {@code none} when empty. */
    public static String addresses(List<Inet4Address> list, String none) {
        return join(list, Inet4Address::getHostAddress, none);
    }

    /** Networks, comma-separated; {@code none} when empty. */
    public static String networks(List<Ipv4Network> list, String none) {
        return join(list, Ipv4Network::toString, none);
    }

    /** Words, comma-separated; {@code none} when empty. */
    public static String words(List<String> list, String none) {
        return join(list, Function.identity(), none);
    }

    /** "yes" or "no". */
    public static String yesNo(boolean b) {
        return text(b ? "status.yes" : "status.no");
    }

    /** Packets dropped, or "none". */
    public static String dropped(ConnectionStatistics s) {
        return s.packetsDropped() == 0 ? text("status.none") : Long.toString(s.packetsDropped());
    }

    private static <T> String join(List<T> list, Function<T, String> f, String none) {
        return list.isEmpty() ? none : list.stream().map(f).collect(Collectors.joining(", "));
    }
}
