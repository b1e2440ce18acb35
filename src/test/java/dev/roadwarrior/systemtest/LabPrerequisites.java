package dev.roadwarrior.systemtest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the lab needs from the machine, and what happens when it lacks it: a plain sentence naming
 * the Debian package. On a developer's machine a missing prerequisite skips the tests; under
 * {@code CI=true} (set by CI services and by {@code .ci/run}) it fails them, so a broken lab never
 * passes as "all skipped". A strongSwan plugin that {@code failed to load} always fails at once.
 *
 * <p>Stateless; any thread.
 */
final class LabPrerequisites {

    /** The Debian 12 package of each plugin the lab's charon loads. */
    private static final Map<String, String> PLUGIN_PACKAGES = Map.ofEntries(
            Map.entry("openssl", "libstrongswan-standard-plugins"),
            Map.entry("gcm", "libstrongswan-standard-plugins"),
            Map.entry("xauth-generic", "libcharon-extauth-plugins"),
            Map.entry("unity", "libcharon-extra-plugins"),
            Map.entry("kernel-libipsec", "libcharon-extra-plugins"),
            Map.entry("vici", "strongswan-swanctl"),
            Map.entry("socket-default", "strongswan-libcharon"));
    /** Plugins in libstrongswan itself. */
    private static final Set<String> CORE_PLUGINS = Set.of("random", "nonce", "aes", "sha1", "sha2", "md5", "hmac",
            "gmp", "pem", "pkcs1", "pkcs8", "x509", "pubkey", "constraints", "kernel-netlink", "attr");
    private static final Pattern FAILED = Pattern.compile("plugin '([^']+)': failed to load");

    private LabPrerequisites() {
    }

    /** The plugins of {@code loaded} that charon's log says failed to load, in log order. */
    static List<String> failedPlugins(String log, List<String> loaded) {
        final Set<String> failed = new LinkedHashSet<>();
        final Matcher m = FAILED.matcher(log);
        while (m.find()) {
            if (loaded.contains(m.group(1))) {
                failed.add(m.group(1));
            }
        }
        return new ArrayList<>(failed);
    }

    /** The Debian package that holds a strongSwan plugin, or a phrase saying none is known. */
    static String packageOf(String plugin) {
        return CORE_PLUGINS.contains(plugin) ? "libstrongswan"
                : PLUGIN_PACKAGES.getOrDefault(plugin, "unknown to the lab: not a plugin Debian ships");
    }

    /** The sentence for plugins that failed to load. */
    static String describeMissingPlugins(List<String> plugins) {
        final List<String> parts = new ArrayList<>();
        for (String plugin : plugins) {
            parts.add("'" + plugin + "' (Debian package " + packageOf(plugin) + ")");
        }
        return "The lab gateway is broken: charon could not load the strongSwan plugin" + (plugins.size() > 1 ? "s " : " ")
                + String.join(", ", parts) + ". Install the package (apt-get install --no-install-recommends ...)"
                + " and run the tests again.";
    }

    /** Whether the tests run in CI ({@code CI=true}), where a missing prerequisite is a failure. */
    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or under CI fails) the calling test unless {@code present}; {@code sentence} says what is missing. */
    static void require(boolean present, String sentence) {
        if (present) {
            return;
        }
        if (inCi()) {
            Assertions.fail(sentence + " (CI=true: a missing lab prerequisite is a failure)");
        }
        Assumptions.assumeTrue(false, sentence + "; skipped");
    }
}
