package dev.roadwarrior.engine.ike.proposal;

import static dev.roadwarrior.engine.ike.proposal.IkeAttributes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.EspProposal;
import dev.roadwarrior.engine.api.ConnectRequest.Identity;
import dev.roadwarrior.engine.api.ConnectRequest.IdentityType;
import dev.roadwarrior.engine.api.ConnectRequest.Phase1Proposal;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.esp.EspEncryption;
import dev.roadwarrior.engine.esp.EspIntegrity;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Proposal;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SaPayload;
import dev.roadwarrior.engine.ike.codec.payload.Transform;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SA payloads we offer for every supported algorithm, the gateway's choice, and the words for a mismatch. */
class ProposalsTest {

    private static ConnectRequest.Phase1 phase1(List<Phase1Proposal> proposals) {
        return new ConnectRequest.Phase1(ConnectRequest.ExchangeMode.MAIN, ConnectRequest.AuthMethod.PSK_XAUTH,
                new Identity(IdentityType.ANY, ""), new Identity(IdentityType.ANY, ""), proposals, 28800, 100_000);
    }

    @Test
    void everyPhase1AlgorithmAndGroupIsOffered() throws Exception {
        List<Phase1Proposal> all = List.of(new Phase1Proposal(7, 128, 4, 19), new Phase1Proposal(7, 192, 5, 20),
                new Phase1Proposal(7, 256, 6, 21), new Phase1Proposal(5, 0, 2, 14), new Phase1Proposal(3, 448, 2, 15),
                new Phase1Proposal(6, 128, 2, 16), new Phase1Proposal(1, 0, 1, 1), new Phase1Proposal(5, 0, 1, 2),
                new Phase1Proposal(5, 0, 2, 5), new Phase1Proposal(5, 0, 2, 17), new Phase1Proposal(5, 0, 2, 18));
        SaPayload offer = Phase1Proposals.offer(phase1(all), new JcaIkeCrypto());
        List<Transform> transforms = offer.proposals().get(0).transforms();
        assertEquals(all.size(), transforms.size(), "the JCA provider supports all of them");
        for (int i = 0; i < all.size(); i++) {
            Phase1Choice c = Phase1Proposals.describe(transforms.get(i));
            assertEquals(all.get(i).dhGroup(), c.group().value());
            assertEquals(28800, c.lifetimeSeconds());
        }
        assertFalse(transforms.get(3).attribute(KEY_LENGTH).isPresent(), "3DES has no key length attribute");
        assertEquals(448, transforms.get(4).attribute(KEY_LENGTH).orElseThrow().longValue());
        assertEquals(2, transforms.get(0).attributes().stream().filter(a -> a.type() == LIFE_TYPE).count(),
                "seconds and kilobytes");

        SaPayload chosen = SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ISAKMP, new byte[0],
                List.of(transforms.get(1)))));
        Phase1Choice choice = Phase1Proposals.select(offer, chosen);
        assertEquals(DhGroup.ECP_384, choice.group());
        assertEquals(192, choice.keyBits());
    }

    @Test
    void aMismatchSaysWhatWasOffered() {
        String words = Phase1Proposals.describe(phase1(List.of(new Phase1Proposal(7, 256, 2, 14),
                new Phase1Proposal(7, 128, 2, 14), new Phase1Proposal(5, 0, 2, 14))), new JcaIkeCrypto());
        assertEquals("offered AES-CBC-256, AES-CBC-128, 3DES-CBC-192 / SHA1 / MODP-2048", words);
        String esp = Phase2Proposals.describe(new ConnectRequest.Phase2(List.of(new EspProposal(3, 0, 1),
                new EspProposal(20, 128, 0)), Optional.of(19), 3600, 0));
        assertEquals("offered ESP TRIPLE_DES_CBC-192, AES_GCM_16-128 / HMAC_MD5_96 / PFS ECP-256", esp);
    }

    @Test
    void espOffersGcmWithoutIntegrityAndPfsWithAnyGroup() throws Exception {
        List<EspProposal> all = List.of(new EspProposal(20, 256, 0), new EspProposal(19, 128, 0),
                new EspProposal(18, 192, 0), new EspProposal(12, 128, 5), new EspProposal(3, 0, 2),
                new EspProposal(7, 128, 6), new EspProposal(6, 128, 7), new EspProposal(2, 0, 1));
        SaPayload offer = Phase2Proposals.offer(new ConnectRequest.Phase2(all, Optional.of(21), 3600, 4096),
                0x01020304, ENCAPSULATION_UDP_TUNNEL_RFC);
        List<Transform> transforms = offer.proposals().get(0).transforms();
        assertEquals(all.size(), transforms.size());
        Transform gcm = transforms.get(0);
        assertEquals(20, gcm.transformId());
        assertFalse(gcm.attribute(P2_AUTH_ALGORITHM).isPresent(), "AES-GCM carries no HMAC");
        assertEquals(256, gcm.attribute(P2_KEY_LENGTH).orElseThrow().longValue());
        assertEquals(21, gcm.attribute(P2_GROUP).orElseThrow().longValue());
        assertEquals(ENCAPSULATION_UDP_TUNNEL_RFC, gcm.attribute(P2_ENCAPSULATION).orElseThrow().longValue());

        SaPayload reply = SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ESP,
                ByteBuffer.allocate(4).putInt(0xcafe0001).array(), List.of(transforms.get(1)))));
        Phase2Choice choice = Phase2Proposals.select(offer, reply);
        assertEquals(EspEncryption.AES_GCM_12, choice.transform().encryption());
        assertEquals(EspIntegrity.NONE, choice.transform().integrity());
        assertEquals(0xcafe0001, choice.peerSpi());
        assertEquals(3600, choice.lifetimeSeconds());
        assertEquals(4096, choice.lifetimeKilobytes());
    }

    @Test
    void aTransformThatWasNotOfferedIsRefused() {
        SaPayload offer = Phase2Proposals.offer(new ConnectRequest.Phase2(List.of(new EspProposal(12, 256, 2)),
                Optional.empty(), 0, 0), 1, ENCAPSULATION_TUNNEL);
        Transform other = new Transform(1, 12, List.of(DataAttribute.basic(P2_KEY_LENGTH, 128),
                DataAttribute.basic(P2_AUTH_ALGORITHM, 2)));
        SaPayload reply = SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ESP, new byte[4], List.of(other))));
        IkeProtocolException e = assertThrows(IkeProtocolException.class, () -> Phase2Proposals.select(offer, reply));
        assertEquals(NotifyType.NO_PROPOSAL_CHOSEN, e.notifyType());
        assertTrue(e.detail().contains("not offered"), e.detail());
    }
}
