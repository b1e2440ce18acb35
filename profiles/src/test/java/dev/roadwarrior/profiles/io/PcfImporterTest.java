package dev.roadwarrior.profiles.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roadwarrior.profiles.Fixtures;
import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.AuthMethod;
import dev.roadwarrior.profiles.model.DhGroup;
import dev.roadwarrior.profiles.model.FragmentationMode;
import dev.roadwarrior.profiles.model.IdentityType;
import dev.roadwarrior.profiles.model.NatTraversalMode;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcfImporterTest {

    private static final String LETMEIN =
            "9196FE0075E359E6A2486905A1EFAE9A11D652B2C588EF3FBA15574237302B74C194EC7D0DD16645CB534D94CE85FEC4";
    private static final String STUDENT = "F992230153F51928672DF6C7B9C61EF8437252CFBE28C1101EF1A119D077E93C"
            + "CCEEE4FE72E8A2DF5EC384E005F77577CCA7CCCA231FE9D8";

    @Test
    void decryptsBothCheckedVectors() throws Exception {
        assertEquals("letmein", new String(CiscoPasswords.decrypt(LETMEIN), StandardCharsets.US_ASCII));
        assertEquals("student.uit.no", new String(CiscoPasswords.decrypt(STUDENT), StandardCharsets.US_ASCII));
        assertEquals("letmein", new String(CiscoPasswords.decrypt(LETMEIN.toLowerCase()), StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @CsvSource({
        "not hexadecimal, 9196FE00XX",
        "not hexadecimal, 9196F",
        "wrong length, 9196FE0075E359E6A2486905A1EFAE9A11D652B2C588EF3FBA15574237302B74",
        "wrong length, 9196FE0075E359E6A2486905A1EFAE9A11D652B2C588EF3FBA15574237302B74C194EC7D0DD16645CB534D94CE85FE",
        "checksum mismatch, 9196FE0075E359E6A2486905A1EFAE9A11D652B2C588EF3FBA15574237302B74C194EC7D0DD16645CB534D94CE85FEC5",
    })
    void rejectsDamagedValues(String detail, String hex) {
        CiscoPasswords.CorruptException e = assertThrows(CiscoPasswords.CorruptException.class,
                () -> CiscoPasswords.decrypt(hex));
        assertEquals(detail, e.getMessage());
    }

    @Test
    void lockedFieldsCrlfAndEncryptedGroupPassword() throws Exception {
        ImportResult r = read("student-uit.pcf");
        Profile p = r.profile();
        assertEquals("vpn.uit.no", p.gateway().host());
        assertEquals(Optional.of("uit.no student VPN"), p.description());
        assertEquals(IdentityType.KEYID, p.authentication().local().type());
        assertEquals(Optional.of("student"), p.authentication().local().data());
        assertEquals(Secret.ofText("student.uit.no"), r.secrets().get(SecretKind.GROUP_PASSWORD));
        assertEquals(NatTraversalMode.DISABLE, p.natTraversal().mode());
        assertEquals(DhGroup.MODP_1536, p.phase1().dhGroup());
        assertEquals(FragmentationMode.DISABLE, p.fragmentation().mode());
        assertEquals(Optional.of(DhGroup.AUTO), p.phase2().pfsGroup());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void latin9TextKeepsItsBytes() throws Exception {
        ImportResult r = read("latin9.pcf");
        assertEquals(Optional.of("Café € ä"), r.profile().description());
        assertEquals(Optional.of("CORP\\jörg"), r.profile().savedUsername());
        assertArrayEquals(new byte[] {'g', 'r', (byte) 0xe4}, r.secrets().get(SecretKind.GROUP_PASSWORD).bytes());
    }

    @Test
    void hybridWithoutGroupNameAndSavedUserPassword() throws Exception {
        ImportResult r = read("hybrid.pcf");
        Profile p = r.profile();
        assertEquals(AuthMethod.HYBRID_GRP_XAUTH, p.authentication().method());
        assertEquals(IdentityType.ASN1DN, p.authentication().local().type());
        assertEquals("vpn2.example.net", p.gateway().host()); // a repeated field keeps its last value
        assertEquals(Secret.ofText("clear-group"), r.secrets().get(SecretKind.GROUP_PASSWORD));
        assertEquals(Secret.ofText("letmein"), r.secrets().get(SecretKind.XAUTH_PASSWORD));
        assertEquals(List.of(Reason.DUPLICATE_KEY, Reason.CERTIFICATES_NEEDED),
                r.warnings().stream().map(w -> w.reason()).sorted().toList());
    }

    @Test
    void vpnTextIsNotAPcf() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> PcfImporter.parse("s:network-host:x\nn:version:4\n".getBytes(), "x.pcf", "x"));
        assertEquals(Reason.NOT_A_PROFILE, e.reason());
    }

    @Test
    void authTypeWithoutGroupNameUsesAddress() throws Exception {
        ImportResult r = PcfImporter.parse("Host=10.0.0.1\nGroupPwd=pw\n".getBytes(), "a.pcf", "a");
        assertEquals(IdentityType.ADDRESS, r.profile().authentication().local().type());
        assertEquals(AuthMethod.MUTUAL_PSK_XAUTH, r.profile().authentication().method());
    }

    private static ImportResult read(String file) throws ProfileException {
        return dev.roadwarrior.profiles.ProfileLibrary.read(Fixtures.fixture("pcf/" + file), Optional.empty());
    }
}
