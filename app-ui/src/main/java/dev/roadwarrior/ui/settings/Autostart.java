package dev.roadwarrior.ui.settings;

import dev.roadwarrior.profiles.io.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The XDG autostart entry that connects a profile at login:
 * {@code $XDG_CONFIG_HOME/autostart/roadwarrior.desktop} (default {@code ~/.config/autostart}),
 * running {@code roadwarrior --connect NAME}. Desktop sessions start every entry of that directory
 * when the user logs in.
 *
 * <p>The command is the jpackage launcher ({@code jpackage.app-path}) when the app runs from its
 * package, else {@code $ROADWARRIOR_LAUNCHER} (set by the {@code ./roadwarrior} script), else
 * {@code roadwarrior} from the PATH.
 *
 * <p>Threading: blocking file I/O, any thread.
 */
public final class Autostart {

    /** The file name of the entry. */
    public static final String FILE_NAME = "roadwarrior.desktop";

    private final Path file;
    private final String launcher;

    public Autostart(Path file, String launcher) {
        this.file = file;
        this.launcher = launcher;
    }

    /** The entry for this user and process. */
    public static Autostart forUser(Map<String, String> env) {
        String config = env.get("XDG_CONFIG_HOME");
        Path dir = config != null && !config.isEmpty() && Path.of(config).isAbsolute() ? Path.of(config)
                : Path.of(System.getProperty("user.home"), ".config");
        String launcher = Optional.ofNullable(System.getProperty("jpackage.app-path"))
                .or(() -> Optional.ofNullable(env.get("ROADWARRIOR_LAUNCHER")))
                .filter(s -> !s.isEmpty()).orElse("roadwarrior");
        return new Autostart(dir.resolve("autostart").resolve(FILE_NAME), launcher);
    }

    public Path file() {
        return file;
    }

    /** Writes the entry for {@code profile}, or removes it when empty. */
    public void apply(Optional<String> profile) throws IOException {
        if (profile.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        String text = "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Name=Roadwarrior\n"
                + "Comment=Connect the VPN profile " + profile.get().replace('\n', ' ') + " at login\n"
                + "Exec=" + escape(quote(launcher)) + " --connect " + escape(quote(profile.get())) + "\n"
                + "Icon=roadwarrior\n"
                + "Terminal=false\n"
                + "X-GNOME-Autostart-enabled=true\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.getParent());
        SecureFiles.writeAtomically(file, out -> out.write(bytes));
    }

    /** Whether the entry exists. */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** An Exec argument in double quotes, with {@code " ` $ \} escaped (Desktop Entry spec, "Exec key"). */
    static String quote(String arg) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : arg.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    /** A value of string type: backslashes doubled (the spec's second level of escaping). */
    static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
