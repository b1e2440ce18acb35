package dev.roadwarrior.ui;

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
    public static final List<String> LAB = List.of(
            "n:version:4",
            "s:network-host:203.0.113.2",
            "s:client-auto-mode:pull",
            "s:client-iface:virtual",
            "n:client-addr-auto:1",
            "s:network-natt-mode:enable",
            "s:auth-method:mutual-psk-xauth",
            "s:ident-client-type:keyid",
            "s:ident-client-data:rwgroup",
            "s:ident-server-type:any",
            "b:auth-mutual-psk:cndncm91cC1zZWNyZXQ=",
            "s:phase1-exchange:aggressive",
            "s:phase1-cipher:aes",
            "n:phase1-keylen:256",
            "s:phase1-hash:sha2-256",
            "n:phase1-dhgroup:14",
            "s:phase2-transform:auto",
            "s:phase2-hmac:auto",
            "s:ipcomp-transform:disabled",
            "n:policy-list-auto:1",
            "s:client-saved-username:alice");

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
