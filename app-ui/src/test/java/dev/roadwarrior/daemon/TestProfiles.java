package dev.roadwarrior.daemon;

import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.ipc.ControlMessage.Connect;
import dev.roadwarrior.ipc.ControlMessage.Secrets;
import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.io.ProfileJson;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The lab's profile (Aggressive Mode PSK + XAuth), as a client would send it. */
public final class TestProfiles {

    public static final String GROUP_PASSWORD = "rwgroup-secret";
    public static final String PASSWORD = "alice-password";

    /** The lab profile's lines in Shrew Soft's format. */
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

    private TestProfiles() {
    }

    /** The lab profile named {@code lab}, each of {@code replaced} replacing the line of its key (or added). */
    public static ImportResult lab(Path dir, String... replaced) throws Exception {
        List<String> lines = new ArrayList<>(LAB);
        for (String r : replaced) {
            String key = r.substring(0, r.indexOf(':', 2) + 1);
            if (lines.stream().anyMatch(l -> l.startsWith(key))) {
                lines.replaceAll(l -> l.startsWith(key) ? r : l);
            } else {
                lines.add(r);
            }
        }
        Path file = Files.createTempFile(dir, "lab", ".vpn");
        Files.write(file, lines);
        return ProfileLibrary.read(file, Optional.of("lab"));
    }

    /** The settings of a split tunnel as the lab gateway hands them out. */
    public static dev.roadwarrior.engine.spi.TunnelConfig tunnelConfig() {
        return new dev.roadwarrior.engine.spi.TunnelConfig(Ipv4Network.parseAddress("10.88.0.1"), 24, 1400,
                Ipv4Network.parseAddress("203.0.113.2"), List.of(Ipv4Network.parse("10.3.0.0/16")), List.of(),
                List.of(Ipv4Network.parseAddress("10.3.0.53")), List.of("corp.example"), List.of());
    }

    /** A connect request for {@link #lab}, with the XAuth user and password. */
    static Connect connect(Path dir, long id, String... replaced) throws Exception {
        ImportResult lab = lab(dir, replaced);
        return new Connect(id, ProfileJson.toTree(lab.profile()), new Secrets(
                lab.secrets().get(SecretKind.GROUP_PASSWORD).bytes(), Optional.of("alice"),
                Optional.of(PASSWORD.toCharArray()), Optional.empty()));
    }
}
