package dev.roadwarrior.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.EspProposal;
import dev.roadwarrior.engine.api.ConnectRequest.Phase1Proposal;
import dev.roadwarrior.profiles.model.AuthMethod;
import dev.roadwarrior.profiles.model.Authentication;
import dev.roadwarrior.profiles.model.Cipher;
import dev.roadwarrior.profiles.model.DhGroup;
import dev.roadwarrior.profiles.model.ExchangeMode;
import dev.roadwarrior.profiles.model.HashAlgorithm;
import dev.roadwarrior.profiles.model.Identity;
import dev.roadwarrior.profiles.model.IdentityType;
import dev.roadwarrior.profiles.model.IpcompTransform;
import dev.roadwarrior.profiles.model.Lifetime;
import dev.roadwarrior.profiles.model.Phase1;
import dev.roadwarrior.profiles.model.Phase2;
import dev.roadwarrior.profiles.model.Profile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Profile settings to engine proposals: Shrew's {@code auto} without weak algorithms, and the extensions. */
class ConnectRequestsTest {

    private static final int IKE_DES = 1;
    private static final int IKE_MD5 = 1;
    private static final int ESP_DES = 2;
    private static final int ESP_MD5 = 1;

    private static Profile profile(Phase1 phase1, Phase2 phase2) {
        return Profile.builder("p", "gw.example.net")
                .authentication(new Authentication(AuthMethod.MUTUAL_PSK_XAUTH, Identity.of(IdentityType.KEYID, "g"),
                        Identity.of(IdentityType.ANY), Optional.empty(), Optional.empty(), Optional.empty()))
                .phase1(phase1).phase2(phase2).build();
    }

    private static Phase1 phase1(ExchangeMode mode, Cipher cipher, HashAlgorithm hash, DhGroup group) {
        return new Phase1(mode, cipher, 0, hash, group, new Lifetime(86400, 0), false);
    }

    private static Phase2 phase2(Cipher cipher, int keyLength, HashAlgorithm hmac, Optional<DhGroup> pfs,
            IpcompTransform ipcomp) {
        return new Phase2(cipher, keyLength, hmac, pfs, new Lifetime(3600, 50_000), ipcomp);
    }

    private static ConnectRequest request(Profile p) {
        return ConnectRequests.of(p, "secret".getBytes(), Optional.of("alice"), Optional.of("pw".toCharArray()));
    }

    @Test
    void autoProposesWhatShrewProposesWithoutWeakAlgorithms() {
        ConnectRequest r = request(profile(phase1(ExchangeMode.MAIN, Cipher.AUTO, HashAlgorithm.AUTO, DhGroup.AUTO),
                phase2(Cipher.AUTO, 0, HashAlgorithm.AUTO, Optional.empty(), IpcompTransform.DISABLED)));
        List<Phase1Proposal> p1 = r.phase1().proposals();
        assertEquals(Set.of(14, 5, 2), p1.stream().map(Phase1Proposal::dhGroup).collect(Collectors.toSet()));
        assertEquals(Set.of(2), p1.stream().map(Phase1Proposal::hash).collect(Collectors.toSet()), "SHA1 only");
        assertEquals(Set.of(7, 3, 5, 6), p1.stream().map(Phase1Proposal::cipher).collect(Collectors.toSet()));
        assertEquals(18, p1.size());
        assertEquals(14, p1.get(0).dhGroup(), "strongest group first");
        assertEquals(256, p1.get(0).keyBits(), "strongest key first");
        List<EspProposal> esp = r.phase2().proposals();
        assertEquals(Set.of(12, 7, 3, 6), esp.stream().map(EspProposal::transformId).collect(Collectors.toSet()));
        assertEquals(Set.of(2, 5, 6, 7), esp.stream().map(EspProposal::authAlgorithm).collect(Collectors.toSet()));
        assertFalse(esp.stream().anyMatch(e -> e.transformId() == ESP_DES || e.authAlgorithm() == ESP_MD5));
        assertEquals(Optional.empty(), r.phase2().pfsGroup());
        assertFalse(r.phase2().gatewayPfs());
        assertEquals(50_000, r.phase2().lifetimeKilobytes());
    }

    @Test
    void aggressiveModeAutoUsesOneGroup() {
        ConnectRequest r = request(profile(phase1(ExchangeMode.AGGRESSIVE, Cipher.AUTO, HashAlgorithm.AUTO, DhGroup.AUTO),
                phase2(Cipher.AUTO, 0, HashAlgorithm.AUTO, Optional.empty(), IpcompTransform.DISABLED)));
        assertEquals(Set.of(14), r.phase1().proposals().stream().map(Phase1Proposal::dhGroup).collect(Collectors.toSet()));
    }

    @Test
    void weakAlgorithmsOnlyWhenNamed() {
        ConnectRequest r = request(profile(phase1(ExchangeMode.AGGRESSIVE, Cipher.DES, HashAlgorithm.MD5,
                DhGroup.MODP_768), phase2(Cipher.DES, 0, HashAlgorithm.MD5, Optional.of(DhGroup.MODP_768),
                IpcompTransform.NONE)));
        assertEquals(List.of(new Phase1Proposal(IKE_DES, 0, IKE_MD5, 1)), r.phase1().proposals());
        assertEquals(List.of(new EspProposal(ESP_DES, 0, ESP_MD5)), r.phase2().proposals());
        assertEquals(Optional.of(1), r.phase2().pfsGroup());
    }

    @Test
    void aesGcmAndEcpGroupsAreMapped() {
        ConnectRequest r = request(profile(phase1(ExchangeMode.AGGRESSIVE, Cipher.AES, HashAlgorithm.SHA2_256,
                DhGroup.ECP_256), phase2(Cipher.AES_GCM_16, 0, HashAlgorithm.SHA1, Optional.of(DhGroup.ECP_384),
                IpcompTransform.DISABLED)));
        assertEquals(Set.of(19), r.phase1().proposals().stream().map(Phase1Proposal::dhGroup).collect(Collectors.toSet()));
        assertEquals(List.of(new EspProposal(20, 256, 0), new EspProposal(20, 192, 0), new EspProposal(20, 128, 0)),
                r.phase2().proposals(), "no HMAC with GCM");
        assertEquals(Optional.of(20), r.phase2().pfsGroup());
        ConnectRequest gcm8 = request(profile(phase1(ExchangeMode.AGGRESSIVE, Cipher.AES, HashAlgorithm.SHA1,
                DhGroup.MODP_2048), phase2(Cipher.AES_GCM_8, 128, HashAlgorithm.AUTO, Optional.empty(),
                IpcompTransform.DISABLED)));
        assertEquals(List.of(new EspProposal(18, 128, 0)), gcm8.phase2().proposals());
    }

    @Test
    void pfsAutoAsksTheGateway() {
        ConnectRequest r = request(profile(phase1(ExchangeMode.AGGRESSIVE, Cipher.AES, HashAlgorithm.SHA1,
                DhGroup.MODP_2048), phase2(Cipher.AES, 128, HashAlgorithm.SHA1, Optional.of(DhGroup.AUTO),
                IpcompTransform.DISABLED)));
        assertEquals(Optional.empty(), r.phase2().pfsGroup());
        assertTrue(r.phase2().gatewayPfs());
    }

    @Test
    void ipCompressionIsRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> request(profile(
                phase1(ExchangeMode.AGGRESSIVE, Cipher.AES, HashAlgorithm.SHA1, DhGroup.MODP_2048),
                phase2(Cipher.AES, 0, HashAlgorithm.SHA1, Optional.empty(), IpcompTransform.DEFLATE))));
        assertTrue(e.getMessage().contains("IP compression (ipcomp-transform deflate) is not supported"), e.getMessage());
    }
}
