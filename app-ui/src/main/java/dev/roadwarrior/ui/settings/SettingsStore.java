package dev.roadwarrior.ui.settings;

import dev.roadwarrior.profiles.io.SecureFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps {@link AppSettings} in {@code settings.properties} in the user's configuration directory
 * (next to {@code profiles/}), mode 0600. A missing or unreadable file gives the defaults.
 *
 * <p>Threading: blocking file I/O; safe from any one thread at a time.
 */
public final class SettingsStore {

    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The stored settings, or the defaults. */
    public AppSettings load() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return AppSettings.DEFAULTS;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read " + file + "; using the default settings", e);
            return AppSettings.DEFAULTS;
        }
        return new AppSettings(Boolean.parseBoolean(p.getProperty("startMinimised", "false")),
                Optional.ofNullable(p.getProperty("connectAtLogin")),
                Boolean.parseBoolean(p.getProperty("notifications", "true")));
    }

    /** Writes the settings atomically. */
    public void save(AppSettings s) throws IOException {
        Properties p = new Properties();
        p.setProperty("startMinimised", Boolean.toString(s.startMinimised()));
        s.connectAtLogin().ifPresent(n -> p.setProperty("connectAtLogin", n));
        p.setProperty("notifications", Boolean.toString(s.notifications()));
        StringWriter w = new StringWriter();
        p.store(w, "Roadwarrior desktop app settings");
        byte[] bytes = w.toString().getBytes(StandardCharsets.UTF_8);
        SecureFiles.createPrivateDirectories(file.getParent());
        SecureFiles.writeAtomically(file, out -> out.write(bytes));
    }
}
