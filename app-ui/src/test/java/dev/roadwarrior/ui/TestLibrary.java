package dev.roadwarrior.ui;

import dev.roadwarrior.daemon.TestProfiles;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.io.ProfileStore;
import dev.roadwarrior.profiles.secrets.FileSecretStore;
import dev.roadwarrior.ui.common.ProfileService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A profile library in a temporary directory, and .vpn files to import into it. */
public final class TestLibrary {

    /** The lab's profile: Aggressive Mode PSK + XAuth with a group password. */
    public static final List<String> LAB = TestProfiles.LAB;

    private TestLibrary() {
    }

    /** A service on a fresh library under {@code dir}. */
    public static ProfileService service(Path dir) {
        return new ProfileService(new ProfileLibrary(new ProfileStore(dir.resolve("profiles")),
                new FileSecretStore(dir.resolve("secrets.json"))));
    }

    /** Writes the lab profile as {@code fileName} in {@code dir}, with {@code host} as its gateway. */
    public static Path vpnFile(Path dir, String fileName, String host) throws IOException {
        Path f = dir.resolve(fileName);
        Files.write(f, LAB.stream().map(l -> l.startsWith("s:network-host:") ? "s:network-host:" + host : l).toList());
        return f;
    }
}
