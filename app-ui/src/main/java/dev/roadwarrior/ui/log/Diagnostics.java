package dev.roadwarrior.ui.log;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.io.ProfileJson;
import dev.roadwarrior.profiles.secrets.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * "Save diagnostics…": a zip with the log, the profile without its secrets, the versions and the
 * host's routes and DNS state (read-only commands: {@code ip addr}, {@code ip route},
 * {@code ip rule}, {@code resolvectl status}, and {@code /etc/resolv.conf}). Never a secret:
 * profiles keep theirs in the secret store, and every text of the zip is also scrubbed of the
 * profile's stored secrets, as text and as base64, before it is written.
 *
 * <p>Threading: {@link #write} blocks (commands, files); call it off the UI thread.
 */
public final class Diagnostics {

    /** The host's state: file name in the zip, command. */
    static final Map<String, List<String>> HOST_COMMANDS = Map.of(
            "host/ip-addr.txt", List.of("ip", "addr"),
            "host/ip-route.txt", List.of("ip", "route", "show", "table", "all"),
            "host/ip-rule.txt", List.of("ip", "rule"),
            "host/resolvectl-status.txt", List.of("resolvectl", "status"));
    private static final String REDACTED = "(secret removed)";
    private static final int COMMAND_SECONDS = 5;

    private final ProfileLibrary library;
    private final Function<List<String>, String> commands;
    private final Path resolvConf;

    /**
     * @param commands runs a read-only command and returns its output (or why it failed)
     * @param resolvConf the resolver configuration to include
     */
    public Diagnostics(ProfileLibrary library, Function<List<String>, String> commands, Path resolvConf) {
        this.library = library;
        this.commands = commands;
        this.resolvConf = resolvConf;
    }

    /** Diagnostics of this host: the real commands and /etc/resolv.conf. */
    public static Diagnostics ofHost(ProfileLibrary library) {
        return new Diagnostics(library, Diagnostics::run, Path.of("/etc/resolv.conf"));
    }

    /**
     * Writes the zip to {@code target} (through a temporary file, so that a failure leaves no
     * half zip).
     *
     * @param log the log's text
     * @param profile the profile to include, if any
     */
    public void write(Path target, String log, Optional<String> profile) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        List<byte[]> secrets = new ArrayList<>();
        entries.put("roadwarrior.log", log);
        entries.put("versions.txt", versions());
        if (profile.isPresent()) {
            String name = profile.get();
            try {
                entries.put("profile-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".json",
                        new String(ProfileJson.toBytes(library.load(name)), StandardCharsets.UTF_8));
                for (Secret s : library.secretsOf(name).values()) {
                    secrets.add(s.bytes());
                }
            } catch (ProfileException e) {
                entries.put("profile-error.txt", e.getMessage());
            }
        }
        HOST_COMMANDS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> entries.put(e.getKey(), commands.apply(e.getValue())));
        entries.put("host/resolv.conf", readOrWhy(resolvConf));
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".diagnostics", ".zip");
        try {
            try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(file)) {
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(scrub(e.getValue(), secrets).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
            secrets.forEach(b -> java.util.Arrays.fill(b, (byte) 0));
        }
    }

    /** {@code text} with each secret, as text and in base64, replaced. */
    static String scrub(String text, List<byte[]> secrets) {
        String out = text;
        for (byte[] s : secrets) {
            if (s.length == 0) {
                continue;
            }
            for (String form : List.of(new String(s, StandardCharsets.UTF_8), Base64.getEncoder().encodeToString(s),
                    Base64.getEncoder().withoutPadding().encodeToString(s))) {
                if (!form.isEmpty()) {
                    out = out.replace(form, REDACTED);
                }
            }
        }
        return out;
    }

    private static String versions() {
        Properties p = new Properties();
        try (InputStream in = Diagnostics.class.getResourceAsStream("/dev/roadwarrior/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the version stays unknown
        }
        return "Roadwarrior " + p.getProperty("version", "(unknown)") + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", "(not loaded)") + "\n"
                + "OS " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "\n";
    }

    private static String readOrWhy(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(not readable: " + e + ")";
        }
    }

    /** Runs a read-only command with a time limit; its output, or why there is none. */
    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "(" + String.join(" ", command) + " did not finish)";
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + String.join(" ", command) + " not available: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }
}
