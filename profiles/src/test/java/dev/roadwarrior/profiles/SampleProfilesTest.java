package dev.roadwarrior.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.profiles.model.AuthMethod;
import dev.roadwarrior.profiles.model.DhGroup;
import dev.roadwarrior.profiles.model.IdentityType;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.profiles.model.NatTraversalMode;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real-world sample in {@code ../shared/profiles} imports (templates included) and survives
 * export and re-import; key fields read as published. Skipped when the samples are absent.
 */
class SampleProfilesTest {

    @TestFactory
    Stream<DynamicTest> everySampleImportsAndRoundTrips() throws IOException {
        List<Path> files;
        try (Stream<Path> vpn = Files.list(Fixtures.shared("vpn")); Stream<Path> pcf = Files.list(Fixtures.shared("pcf"))) {
            files = Stream.concat(vpn, pcf).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ImportResult r = ProfileLibrary.read(f, Optional.empty());
            assertEquals(ProfileNames.fromFileName(f), r.profile().name());
            dev.roadwarrior.profiles.io.RoundTripCheck.export(r);
        }));
    }

    @Test
    void dolomightyWindowsExport() throws ProfileException {
        ImportResult r = read("vpn", "dolomighty_shrewsoft-ike__sites__EXTDACON@dacvpn.vpn");
        Profile p = r.profile();
        assertEquals("dolomighty_shrewsoft-ike__sites__EXTDACON@dacvpn", p.name());
        assertEquals("dacvpn.telecomitalia.it", p.gateway().host());
        assertEquals(Optional.of("TELECOMITALIA\\00519575"), p.savedUsername());
        assertEquals(Secret.ofText("DacVpnTel2021"), r.secrets().get(SecretKind.GROUP_PASSWORD));
        assertEquals(AuthMethod.MUTUAL_PSK_XAUTH, p.authentication().method());
        assertEquals(Optional.of("EXTDACON"), p.authentication().local().data());
        assertTrue(p.nameResolution().wins().used());
        assertEquals(Optional.of(DhGroup.AUTO), p.phase2().pfsGroup());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void templateImportsWithPlaceholderWarnings() throws ProfileException {
        ImportResult r = read("vpn", "bravosierrasierra_shrew-in-docker__sites__RTK.vpn.sample");
        Profile p = r.profile();
        assertEquals("bravosierrasierra_shrew-in-docker__sites__RTK", p.name());
        assertEquals("{{ VPN_IP }}", p.gateway().host());
        assertEquals(NatTraversalMode.FORCE_RFC, p.natTraversal().mode());
        assertEquals(Optional.of(DhGroup.MODP_1024), p.phase2().pfsGroup());
        assertEquals(2000, p.phase1().lifetime().seconds());
        assertEquals(Optional.empty(), p.savedUsername());
        assertEquals(Secret.ofText("{{ VPN_PSK }}"), r.secrets().get(SecretKind.GROUP_PASSWORD));
        assertEquals(List.of("network-host", "auth-mutual-psk"), r.warnings().stream()
                .filter(w -> w.reason() == Reason.TEMPLATE_PLACEHOLDER).map(w -> w.key().orElseThrow()).toList());
        ProfileException e = org.junit.jupiter.api.Assertions.assertThrows(ProfileException.class,
                () -> ProfileValidator.validateForConnect(p, Optional.of(r.secrets().get(SecretKind.GROUP_PASSWORD))));
        assertEquals(Reason.TEMPLATE_PLACEHOLDER, e.reason());
        assertEquals(Optional.of("network-host"), e.key());
    }

    @Test
    void blogSampleHasStaticAddressAndPolicy() throws ProfileException {
        Profile p = read("vpn", "blog_cisco-rv180w-shrew-soft-vpn-client.vpn").profile();
        assertEquals(Optional.of(Ipv4Network.parse("10.2.1.13/24")), p.adapter().address());
        assertEquals(List.of(Ipv4Network.parse("10.1.0.0/16")), p.policy().include());
        assertEquals(128, p.phase1().keyLength());
        assertFalse(p.policy().topologyAuto());
    }

    @Test
    void qikeaExportKeepsPlaceholderCertificatesAsText() throws ProfileException {
        ImportResult r = read("vpn", "drgogeta86_openconnect-vpn-docker-client__VPN__ssl.example.org.vpn");
        Profile p = r.profile();
        assertEquals("drgogeta86_openconnect-vpn-docker-client__VPN__ssl", p.name());
        assertEquals(AuthMethod.MUTUAL_RSA, p.authentication().method());
        assertEquals("cacrt.pem", p.authentication().serverCertificate().orElseThrow().name());
        assertEquals("xxxxx", new String(p.authentication().clientKey().orElseThrow().data()));
        assertEquals(Optional.empty(), p.phase2().pfsGroup());
        assertTrue(p.phase1().checkPointVendorId());
        assertEquals(3, r.warnings().stream().filter(w -> w.reason() == Reason.NOT_BASE64).count());
    }

    @Test
    void hohleEncryptedGroupPassword() throws ProfileException {
        ImportResult r = read("pcf", "hohle_iphone-cisco-vpn-settings__sample.pcf");
        assertEquals(Secret.ofText("letmein"), r.secrets().get(SecretKind.GROUP_PASSWORD));
        assertEquals(Optional.of("testgroupname"), r.profile().authentication().local().data());
        assertEquals(Optional.empty(), r.profile().savedUsername());
        assertEquals(Reason.TEMPLATE_PLACEHOLDER, r.warnings().get(0).reason());
    }

    @Test
    void gnomeBasicPcf() throws ProfileException {
        ImportResult r = read("pcf", "GNOME_NetworkManager-vpnc__basic.pcf");
        Profile p = r.profile();
        assertEquals("10.20.30.40", p.gateway().host());
        assertEquals(Optional.of("bsmith"), p.savedUsername());
        assertEquals(IdentityType.KEYID, p.authentication().local().type());
        assertEquals(Secret.ofText("my-group-password"), r.secrets().get(SecretKind.GROUP_PASSWORD));
        assertEquals(Secret.ofText("my-user-password"), r.secrets().get(SecretKind.XAUTH_PASSWORD));
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void iso885915Description() throws ProfileException {
        Profile p = read("pcf", "GNOME_NetworkManager-vpnc__iso885915.pcf").profile();
        assertEquals(Optional.of("Att äta en ko"), p.description());
    }

    private static ImportResult read(String dir, String file) throws ProfileException {
        return ProfileLibrary.read(Fixtures.shared(dir).resolve(file), Optional.empty());
    }
}
