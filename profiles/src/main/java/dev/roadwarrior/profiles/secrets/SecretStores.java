package dev.roadwarrior.profiles.secrets;

import dev.roadwarrior.profiles.RoadwarriorPaths;
import java.util.Map;
import java.util.Optional;

/** Picks the secret store for this user and machine. */
public final class SecretStores {

    private SecretStores() {
    }

    /**
     * The OS keyring when {@code secret-tool} and a D-Bus session bus are available, otherwise the
     * secrets file {@link RoadwarriorPaths#secretsFile()}. When {@code ROADWARRIOR_HOME} (or the
     * {@code roadwarrior.home} property) is set, all state belongs in that directory, so the file
     * is always used.
     *
     * @param paths where state lives
     * @param env the environment ({@code System.getenv()})
     */
    public static SecretStore choose(RoadwarriorPaths paths, Map<String, String> env) {
        Optional<java.nio.file.Path> tool = paths.singleHome() ? Optional.empty() : SecretToolStore.find(env);
        return tool.<SecretStore>map(SecretToolStore::new).orElseGet(() -> new FileSecretStore(paths.secretsFile()));
    }
}
