package dev.roadwarrior.profiles.model;

import dev.roadwarrior.net.Ipv4Network;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks on gateway host names and on values copied from templates.
 *
 * <p><b>Placeholders.</b> Published site files are often templates: {@code {{ VPN_IP }}} (Jinja),
 * {@code ${HOST}}, {@code <your gateway>}, {@code %HOST%}, {@code YOUR_HOST},
 * {@code your-vpn-server.example.com}. Such a value is recognised here so that an import can warn
 * about it and {@code ProfileValidator} can refuse to connect with it.
 */
public final class HostNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern ALL_CAPS_WORDS = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    private static final Pattern PERCENT_VAR = Pattern.compile(".*%[A-Za-z_][A-Za-z0-9_]*%.*");

    private HostNames() {
    }

    /**
     * True for a host name (labels of letters, digits, hyphens and, leniently, underscores; 253
     * characters at most) or a dotted IPv4 address. Leading and trailing spaces are ignored, as
     * Shrew skips them.
     */
    public static boolean isValidHost(String host) {
        String h = host.trim();
        if (Ipv4Network.tryParseAddress(h).isPresent()) {
            return true;
        }
        if (h.isEmpty() || h.length() > 253 || h.matches("[0-9.]+")) {
            return false;
        }
        String name = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code value} holds a template marker: {@code {{ }}}, {@code ${ }}, {@code < >} or
     * {@code %NAME%}. Safe for any value, passwords included: real passwords rarely look like this.
     */
    public static boolean isPlaceholder(String value) {
        String v = value.trim();
        return v.contains("{{") || v.contains("}}") || v.contains("${")
                || (v.contains("<") && v.contains(">"))
                || PERCENT_VAR.matcher(v).matches();
    }

    /**
     * True when a gateway host is a placeholder: a template marker ({@link #isPlaceholder}), an
     * all-capitals name with underscores ({@code YOUR_HOST}, {@code VPN_IP}), or a name starting
     * with {@code your} ({@code your-vpn-server.example.com}) or containing {@code changeme}.
     */
    public static boolean isPlaceholderHost(String host) {
        String v = host.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        return isPlaceholder(v) || ALL_CAPS_WORDS.matcher(v).matches()
                || lower.startsWith("your-") || lower.startsWith("your_") || lower.startsWith("your.")
                || lower.startsWith("your ") || lower.contains("changeme") || lower.contains("change_me");
    }
}
