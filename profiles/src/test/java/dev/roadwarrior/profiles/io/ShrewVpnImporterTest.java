package dev.roadwarrior.profiles.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.profiles.Fixtures;
import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.AdapterMode;
import dev.roadwarrior.profiles.model.AuthMethod;
import dev.roadwarrior.profiles.model.Cipher;
import dev.roadwarrior.profiles.model.DhGroup;
import dev.roadwarrior.profiles.model.EntryType;
import dev.roadwarrior.profiles.model.HashAlgorithm;
import dev.roadwarrior.profiles.model.IdentityType;
import dev.roadwarrior.profiles.model.IpcompTransform;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.profiles.model.NatTraversalMode;
import dev.roadwarrior.profiles.model.PolicyLevel;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.model.ShrewEntry;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShrewVpnImporterTest {

    @Test
    void lineEndingsAndByteOrderMarkDoNotMatter() throws Exception {
        ImportResult lf = read("lf.vpn");
        assertEquals(List.of(), lf.warnings());
        for (String f : List.of("crlf.vpn", "bom.vpn")) {
            ImportResult other = read(f);
            assertEquals(lf.profile(), other.profile().withName("lf"), f);
            assertEquals(lf.secrets(), other.secrets(), f);
            assertEquals(List.of(), other.warnings(), f);
        }
        assertEquals(Optional.of("DOMAIN\\user"), lf.profile().savedUsername());
        assertEquals(Secret.ofText("DacVpnTel2021"), lf.secrets().get(SecretKind.GROUP_PASSWORD));
    }

    @Test
    void blankLinesSpacesCaseAndAliases() throws Exception {
        ImportResult r = read("lenient.vpn");
        Profile p = r.profile();
        assertEquals("gw.example.net", p.gateway().host());
        assertEquals(500, p.gateway().ikePort());
        assertEquals(AuthMethod.MUTUAL_PSK_XAUTH, p.authentication().method());
        assertEquals(NatTraversalMode.FORCE_RFC, p.natTraversal().mode()); // "force" is the old name
        assertEquals(PolicyLevel.USE, p.policy().level());
        assertEquals(Secret.ofText("DacVpnTel2021"), r.secrets().get(SecretKind.GROUP_PASSWORD)); // spaces in base64
        assertEquals(Optional.of("DOMAIN\\user"), p.savedUsername()); // last line without newline
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void duplicatesKeepFirstStringAndLastNumberOrBinary() throws Exception {
        ImportResult r = read("duplicates.vpn");
        Profile p = r.profile();
        assertEquals(Optional.empty(), p.savedUsername()); // the first, empty, value wins, as in Shrew 2.2
        assertEquals(4500, p.gateway().ikePort());
        assertEquals(Secret.ofText("second"), r.secrets().get(SecretKind.GROUP_PASSWORD));
        assertEquals(Optional.of("EXAMPLE"), p.authentication().local().data());
        assertEquals(4, r.warnings().stream().filter(w -> w.reason() == Reason.DUPLICATE_KEY).count());
        assertEquals(List.of(), p.extraEntries());
    }

    @Test
    void version0IsUpgraded() throws Exception {
        ImportResult r = read("version0.vpn");
        Profile p = r.profile();
        assertEquals(Secret.ofText("old-group-secret"), r.secrets().get(SecretKind.GROUP_PASSWORD));
        assertTrue(p.nameResolution().dns().used()); // from client-dns-enable
        assertFalse(p.nameResolution().dns().suffixAuto()); // DNS used and a suffix given
        assertEquals(Optional.of("corp.example"), p.nameResolution().dns().suffix());
        assertTrue(p.requestBanner()); // from network-banner-enable
        assertEquals("ca.pem", p.authentication().serverCertificate().orElseThrow().name());
        assertArrayEquals(Files.readAllBytes(Fixtures.fixture("vpn/certs/ca.pem")),
                p.authentication().serverCertificate().orElseThrow().data());
        assertEquals(AuthMethod.HYBRID_GRP_XAUTH, p.authentication().method());
        assertEquals(Cipher.TRIPLE_DES, p.phase1().cipher());
        assertEquals(List.of(), p.extraEntries());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void version1DerivesSuffixAutoAndReadsOldWinsName() throws Exception {
        Profile p = read("version1.vpn").profile();
        assertTrue(p.nameResolution().dns().used());
        assertTrue(p.nameResolution().dns().suffixAuto()); // no suffix: asked from the gateway
        assertTrue(p.nameResolution().wins().used()); // client-wins-enable
        assertEquals(IpcompTransform.NONE, p.phase2().ipcomp());
        assertEquals(Optional.empty(), p.phase2().pfsGroup()); // absent: no PFS
        assertEquals(DhGroup.MODP_768, p.phase1().dhGroup());
        assertEquals(List.of(), p.extraEntries());
    }

    @Test
    void version2KeepsClientDnsEnableAsUnknown() throws Exception {
        Profile p = read("version2.vpn").profile();
        assertTrue(p.nameResolution().dns().used());
        assertFalse(p.nameResolution().dns().suffixAuto());
        assertEquals(List.of(new ShrewEntry(EntryType.NUMBER, "client-dns-enable", "0")), p.extraEntries());
        assertEquals(IpcompTransform.LZS, p.phase2().ipcomp());
        assertEquals(Optional.of("gw.example.net"), p.authentication().remote().data());
    }

    @Test
    void version3ReadsCertificatePaths() throws Exception {
        ImportResult r = read("version3.vpn");
        Profile p = r.profile();
        assertEquals("client.pem", p.authentication().clientCertificate().orElseThrow().name());
        assertArrayEquals(Files.readAllBytes(Fixtures.fixture("vpn/certs/client.key")),
                p.authentication().clientKey().orElseThrow().data());
        assertEquals(128, p.phase1().keyLength());
        assertEquals(256, p.phase2().keyLength());
        assertEquals(HashAlgorithm.SHA2_256, p.phase2().hmac());
        assertEquals(List.of(), r.warnings());
        assertTrue(RoundTripCheck.export(r).contains("b:auth-client-key-data:"));
    }

    @Test
    void splitDnsListAndStaticServers() throws Exception {
        Profile p = read("splitdns.vpn").profile();
        assertEquals(List.of("telecomitalia.it", "telecomitalia.local", "corp.example"),
                p.nameResolution().splitDns().domains());
        assertTrue(p.nameResolution().splitDns().used());
        assertEquals(List.of(Ipv4Network.tryParseAddress("10.0.0.53").orElseThrow(), Ipv4Network.tryParseAddress("10.0.1.53").orElseThrow()),
                p.nameResolution().dns().servers());
        assertEquals(1, p.nameResolution().wins().servers().size());
        assertTrue(RoundTripCheck.export(read("splitdns.vpn"))
                .contains("s:client-splitdns-list:telecomitalia.it,telecomitalia.local,corp.example\n"));
    }

    @Test
    void unknownKeysAreKeptInOrderAndWrittenBack() throws Exception {
        ImportResult r = read("unknown-keys.vpn");
        List<ShrewEntry> expected = List.of(
                new ShrewEntry(EntryType.STRING, "x-vendor-note", "keep me: with colons"),
                new ShrewEntry(EntryType.NUMBER, "X-Vendor-Counter", "42"),
                new ShrewEntry(EntryType.BINARY, "x-vendor-blob", "AAEC/w=="),
                new ShrewEntry(EntryType.BINARY, "x-vendor-text",
                        Base64.getEncoder().encodeToString("not base64!".getBytes())),
                new ShrewEntry(EntryType.STRING, "auth-client-cert", "/old/path/client.pem"));
        assertEquals(expected, r.profile().extraEntries());
        String exported = RoundTripCheck.export(r);
        assertTrue(exported.endsWith("s:x-vendor-note:keep me: with colons\nn:X-Vendor-Counter:42\n"
                + "b:x-vendor-blob:AAEC/w==\nb:x-vendor-text:bm90IGJhc2U2NCE=\n"
                + "s:auth-client-cert:/old/path/client.pem\n"), exported);
    }

    @Test
    void everySettingIsRead() throws Exception {
        ImportResult r = read("full.vpn");
        Profile p = r.profile();
        assertEquals(List.of(), r.warnings());
        assertEquals(Optional.of("Every setting"), p.description());
        assertEquals(4501, p.gateway().ikePort());
        assertEquals(AdapterMode.RANDOM, p.adapter().mode());
        assertEquals(1200, p.adapter().mtu());
        assertEquals(Optional.of(Ipv4Network.parse("198.18.0.0/15")), p.adapter().address());
        assertEquals(NatTraversalMode.FORCE_CISCO_UDP, p.natTraversal().mode());
        assertEquals(10001, p.natTraversal().port());
        assertEquals(20, p.natTraversal().keepAliveSeconds());
        assertEquals(1200, p.fragmentation().maxPacketSize());
        assertFalse(p.deadPeerDetection() || p.failureNotifications() || p.requestBanner());
        assertEquals(IdentityType.UFQDN, p.authentication().local().type());
        assertEquals(IdentityType.ADDRESS, p.authentication().remote().type());
        assertEquals("client.p12", p.authentication().clientCertificate().orElseThrow().name());
        assertArrayEquals(new byte[] {0, (byte) 0xff, 1, 2}, r.secrets().get(SecretKind.GROUP_PASSWORD).bytes());
        assertEquals(Cipher.BLOWFISH, p.phase1().cipher());
        assertEquals(136, p.phase1().keyLength());
        assertEquals(DhGroup.MODP_8192, p.phase1().dhGroup());
        assertEquals(28800, p.phase1().lifetime().seconds());
        assertEquals(1000, p.phase1().lifetime().kilobytes());
        assertTrue(p.phase1().checkPointVendorId());
        assertEquals(Optional.of(DhGroup.MODP_1536), p.phase2().pfsGroup());
        assertEquals(50000, p.phase2().lifetime().kilobytes());
        assertEquals(IpcompTransform.DEFLATE, p.phase2().ipcomp());
        assertEquals(PolicyLevel.UNIQUE, p.policy().level());
        assertTrue(p.policy().nailed());
        assertEquals(List.of(Ipv4Network.parse("10.1.0.0/16"), Ipv4Network.parse("172.16.0.0/12"), Ipv4Network.parse("192.168.10.0/24")),
                p.policy().include());
        assertEquals(List.of(Ipv4Network.parse("10.1.99.0/24")), p.policy().exclude());
        assertEquals(Optional.of("jdoe"), p.savedUsername());
    }

    @Test
    void exportIsWhatShrewNeeds() throws Exception {
        String text = RoundTripCheck.export(read("full.vpn"));
        assertTrue(text.startsWith("n:version:4\n"));
        for (String key : List.of("s:network-host:", "n:network-ike-port:", "s:client-iface:", "s:ident-client-type:",
                "s:ident-server-type:", "s:auth-method:", "s:phase1-exchange:", "s:phase1-cipher:", "n:phase1-keylen:",
                "s:phase1-hash:", "n:phase1-dhgroup:", "s:phase2-transform:", "n:phase2-keylen:", "s:phase2-hmac:",
                "s:ipcomp-transform:", "b:auth-mutual-psk:AP8BAg==")) {
            assertTrue(text.contains("\n" + key), key);
        }
        assertTrue(text.contains("\ns:policy-list-include:10.1.0.0 / 255.255.0.0,172.16.0.0 / 255.240.0.0,"
                + "192.168.10.0 / 255.255.255.0\n"));
        assertTrue(text.contains("\ns:client-ip-mask:255.254.0.0\n"));
        assertTrue(text.contains("\nn:phase2-pfsgroup:5\n"));
        assertFalse(text.contains("\r"));
    }

    @Test
    void everyOwnFixtureRoundTrips() throws Exception {
        for (String dir : List.of("vpn", "pcf", "warnings")) {
            try (var files = Files.list(Fixtures.fixture(dir))) {
                for (var f : files.filter(Files::isRegularFile).toList()) {
                    RoundTripCheck.export(dev.roadwarrior.profiles.ProfileLibrary.read(f, Optional.empty()));
                }
            }
        }
    }

    @Test
    void roadwarriorExtensionsAesGcmAndEcpGroupsRoundTrip() throws Exception {
        ImportResult r = read("extensions.vpn");
        Profile p = r.profile();
        assertEquals(List.of(), r.warnings());
        assertEquals(DhGroup.ECP_256, p.phase1().dhGroup());
        assertEquals(Cipher.AES_GCM_16, p.phase2().transform());
        assertEquals(128, p.phase2().keyLength());
        assertEquals(Optional.of(DhGroup.ECP_521), p.phase2().pfsGroup());
        String text = RoundTripCheck.export(r);
        assertTrue(text.contains("\ns:phase2-transform:esp-aes-gcm16\n"), text);
        assertTrue(text.contains("\nn:phase1-dhgroup:19\n"), text);
    }

    @TempDir
    Path temp;

    @Test
    void theKillSwitchIsARoadwarriorKeyWrittenOnlyWhenOn() throws Exception {
        ImportResult off = read("extensions.vpn");
        assertFalse(off.profile().killSwitch());
        assertFalse(RoundTripCheck.export(off).contains("kill-switch"));
        Path file = temp.resolve("on.vpn");
        Files.writeString(file, RoundTripCheck.export(off) + "n:roadwarrior-kill-switch:1\n");
        ImportResult on = dev.roadwarrior.profiles.ProfileLibrary.read(file, Optional.of("on"));
        assertTrue(on.profile().killSwitch());
        assertEquals(List.of(), on.profile().extraEntries(), "a known key, not kept as unknown");
        assertTrue(RoundTripCheck.export(on).contains("\nn:roadwarrior-kill-switch:1\n"), RoundTripCheck.export(on));
    }

    @Test
    void aesGcmIsRefusedForPhase1AndOddKeyLengthsForPhase2() {
        for (String[] bad : new String[][] {{"s:phase1-cipher:aes", "s:phase1-cipher:esp-aes-gcm16"},
                {"n:phase2-keylen:128", "n:phase2-keylen:160"}, {"n:phase1-dhgroup:19", "n:phase1-dhgroup:22"}}) {
            ProfileException e = org.junit.jupiter.api.Assertions.assertThrows(ProfileException.class, () -> {
                byte[] text = Files.readString(Fixtures.fixture("vpn/extensions.vpn")).replace(bad[0], bad[1]).getBytes();
                ShrewVpnImporter.parse(text, "bad.vpn", java.nio.file.Path.of("."), "bad");
            }, bad[1]);
            assertEquals(Reason.UNKNOWN_VALUE, e.reason(), bad[1]);
        }
    }

    @Test
    void pfsDisabledIsMinusOne() throws Exception {
        Profile p = read("lf.vpn").profile();
        Profile noPfs = p.toBuilder().phase2(new dev.roadwarrior.profiles.model.Phase2(Cipher.AUTO, 0,
                HashAlgorithm.AUTO, Optional.empty(), p.phase2().lifetime(), IpcompTransform.DISABLED)).build();
        String text = new String(ShrewVpnExporter.export(noPfs, Optional.empty(), ShrewVpnExporter.LineEnding.CRLF));
        assertTrue(text.contains("\r\nn:phase2-pfsgroup:-1\r\n"));
        assertFalse(text.contains("auth-mutual-psk"));
        assertFalse(text.replace("\r\n", "").contains("\n"));
    }

    private static ImportResult read(String file) throws ProfileException {
        return dev.roadwarrior.profiles.ProfileLibrary.read(Fixtures.fixture("vpn/" + file), Optional.empty());
    }
}
