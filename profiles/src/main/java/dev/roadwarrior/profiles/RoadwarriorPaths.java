package dev.roadwarrior.profiles;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where Roadwarrior keeps its state; every module asks this class.
 *
 * <ul>
 * <li>{@code ROADWARRIOR_HOME} set (or the system property {@code roadwarrior.home}, which wins
 *     and exists for tests, since environment variables cannot be set in-process): everything
 *     lives in that one directory: {@code profiles/}, {@code secrets.json}, {@code run/}.</li>
 * <li>Otherwise the XDG base directories: profiles in {@code $XDG_CONFIG_HOME/roadwarrior/profiles}
 *     (default {@code ~/.config}), the secrets file in {@code $XDG_DATA_HOME/roadwarrior}
 *     (default {@code ~/.local/share}), runtime state in {@code $XDG_STATE_HOME/roadwarrior}
 *     (default {@code ~/.local/state}). Relative XDG values are ignored, as the XDG spec says.</li>
 * </ul>
 *
 * <p>Nothing is created here; writers create directories with mode 0700.
 *
 * @param configDir holds {@code profiles/}
 * @param dataDir holds the secrets file
 * @param stateDir runtime state (sockets, logs, pid files): {@code $ROADWARRIOR_HOME/run} or
 *     {@code $XDG_STATE_HOME/roadwarrior}
 * @param singleHome true when {@code ROADWARRIOR_HOME} or {@code roadwarrior.home} chose the directory
 */
public record RoadwarriorPaths(Path configDir, Path dataDir, Path stateDir, boolean singleHome) {

    /** The system property that moves all state; wins over {@link #HOME_ENV}. */
    public static final String HOME_PROPERTY = "roadwarrior.home";
    /** The environment variable that moves all state. */
    public static final String HOME_ENV = "ROADWARRIOR_HOME";

    private static final String APP = "roadwarrior";

    public RoadwarriorPaths {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(stateDir, "stateDir");
    }

    /** The locations for this process: system properties, environment, user home. */
    public static RoadwarriorPaths fromEnvironment() {
        return resolve(System.getenv(), System.getProperty(HOME_PROPERTY), Path.of(System.getProperty("user.home")));
    }

    /**
     * The locations for the given inputs.
     *
     * @param env environment variables
     * @param homeProperty the value of {@link #HOME_PROPERTY}, or null
     * @param userHome the user's home directory
     */
    public static RoadwarriorPaths resolve(Map<String, String> env, String homeProperty, Path userHome) {
        String home = homeProperty != null && !homeProperty.isEmpty() ? homeProperty : env.get(HOME_ENV);
        if (home != null && !home.isEmpty()) {
            Path h = Path.of(home).toAbsolutePath().normalize();
            return new RoadwarriorPaths(h, h, h.resolve("run"), true);
        }
        return new RoadwarriorPaths(
                xdg(env, "XDG_CONFIG_HOME", userHome.resolve(".config")).resolve(APP),
                xdg(env, "XDG_DATA_HOME", userHome.resolve(".local/share")).resolve(APP),
                xdg(env, "XDG_STATE_HOME", userHome.resolve(".local/state")).resolve(APP),
                false);
    }

    /** The directory of profile files, {@code <name>.json}. */
    public Path profilesDir() {
        return configDir.resolve("profiles");
    }

    /** The secrets file used when there is no OS keyring. */
    public Path secretsFile() {
        return dataDir.resolve("secrets.json");
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        if (v != null && !v.isEmpty() && Path.of(v).isAbsolute()) {
            return Path.of(v);
        }
        return fallback;
    }
}
