package dev.roadwarrior.engine.ike.phase1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectRequest.AuthMethod;
import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.KeyExchange;
import dev.roadwarrior.engine.ike.auth.RsaSignatures;
import dev.roadwarrior.engine.ike.auth.TestPki.Issued;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.CertPayload;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdType;
import dev.roadwarrior.engine.ike.codec.payload.KePayload;
import dev.roadwarrior.engine.ike.codec.payload.NoncePayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.Proposal;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SaPayload;
import dev.roadwarrior.engine.ike.codec.payload.SignaturePayload;
import dev.roadwarrior.engine.ike.codec.payload.Transform;
import dev.roadwarrior.engine.ike.keymat.Keymat;
import dev.roadwarrior.engine.ike.proposal.IkeAttributes;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's half of phase 1 for tests, written from RFC 2409 independently of the tasks: it
 * answers the messages a task builds (in the clear: encryption is the TaskManager's and tested
 * elsewhere) and checks our proof with its own HASH_I. What it sends can be spoiled to provoke
 * failures.
 */
final class TestResponder {

    /** What the gateway puts in its authenticating message; tests change the fields to spoil it. */
    static final class Setup {
        AuthMethod method;
        byte[] psk = "secret".getBytes();
        Issued gatewayCertificate;
        /** The gateway's ID payload; null: its certificate's subject DN. */
        IdPayload id;
        boolean sendCertificate = true;
        boolean spoilSignature;
        /** The client certificate the gateway expects (mutual RSA). */
        X509Certificate clientCertificate;
    }

    private final IkeCrypto crypto;
    private final Setup setup;
    private final long cookieR = 0x1122334455667788L;
    private long cookieI;
    private byte[] saIBody;
    private KeyExchange keyExchange;
    private byte[] publicI;
    private byte[] nonceI;
    private final byte[] nonceR = new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4};
    private Keymat keymat;
    private HashAlgorithm hash;

    TestResponder(IkeCrypto crypto, Setup setup) {
        this.crypto = crypto;
        this.setup = setup;
    }

    /** Aggressive Mode: msg1 in, msg2 out. */
    IkeMessage aggressive1(IkeMessage msg1) throws Exception {
        List<Payload> out = new ArrayList<>(chooseSa(msg1));
        keyExchange(msg1);
        out.add(new KePayload(keyExchange.publicValue()));
        out.add(new NoncePayload(nonceR));
        out.addAll(authentication());
        return new IkeMessage(IkeHeader.of(cookieI, cookieR, ExchangeType.AGGRESSIVE, 0, 0), out);
    }

    /** Main Mode: msg1 in, msg2 out. */
    IkeMessage main1(IkeMessage msg1) throws Exception {
        return new IkeMessage(IkeHeader.of(cookieI, cookieR, ExchangeType.MAIN_MODE, 0, 0), chooseSa(msg1));
    }

    /** Main Mode: msg3 in, msg4 out. */
    IkeMessage main3(IkeMessage msg3) throws Exception {
        keyExchange(msg3);
        return new IkeMessage(IkeHeader.of(cookieI, cookieR, ExchangeType.MAIN_MODE, 0, 0),
                List.of(new KePayload(keyExchange.publicValue()), new NoncePayload(nonceR)));
    }

    /** Main Mode: msg5 in (checked), msg6 out. */
    IkeMessage main5(IkeMessage msg5) throws Exception {
        checkProof(msg5, msg5.first(IdPayload.class).orElseThrow());
        return new IkeMessage(IkeHeader.of(cookieI, cookieR, ExchangeType.MAIN_MODE, IkeHeader.FLAG_ENCRYPTION, 0),
                authentication());
    }

    /** Checks our last Aggressive Mode message against IDii from msg1. */
    void checkAggressive3(IkeMessage msg1, IkeMessage msg3) throws Exception {
        checkProof(msg3, msg1.first(IdPayload.class).orElseThrow());
    }

    private List<Payload> chooseSa(IkeMessage msg1) throws Exception {
        cookieI = msg1.header().initiatorCookie();
        SaPayload offer = msg1.first(SaPayload.class).orElseThrow();
        saIBody = msg1.rawBody(msg1.indexOf(SaPayload.class));
        Transform first = offer.proposals().get(0).transforms().get(0);
        hash = HashAlgorithm.of((int) first.attribute(IkeAttributes.HASH).orElseThrow().longValue());
        return List.of(SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ISAKMP, new byte[0], List.of(first)))));
    }

    private void keyExchange(IkeMessage m) throws CryptoException {
        publicI = m.first(KePayload.class).orElseThrow().data();
        nonceI = m.first(NoncePayload.class).orElseThrow().data();
        DhGroup group = publicI.length == 256 ? DhGroup.of(14) : DhGroup.of(2);
        keyExchange = crypto.createKeyExchange(group);
        byte[] gxy = keyExchange.sharedSecret(publicI);
        byte[] ckyI = ByteBuffer.allocate(8).putLong(cookieI).array();
        byte[] ckyR = ByteBuffer.allocate(8).putLong(cookieR).array();
        keymat = setup.method.usesPreSharedKey()
                ? Keymat.forPreSharedKey(crypto.createPrf(hash), setup.psk, nonceI, nonceR, gxy, ckyI, ckyR)
                : Keymat.forSignatures(crypto.createPrf(hash), nonceI, nonceR, gxy, ckyI, ckyR);
    }

    /** IDir and HASH_R, or IDir, CERT and SIG_R. */
    private List<Payload> authentication() throws Exception {
        IdPayload id = setup.id != null ? setup.id : new IdPayload(IdType.DER_ASN1_DN, 17, 500, setup.gatewayCertificate.certificate().getSubjectX500Principal().getEncoded());
        byte[] hashR = keymat.hashR(publicI, keyExchange.publicValue(), saIBody, id.encodeBody());
        List<Payload> out = new ArrayList<>();
        out.add(id);
        if (setup.method.usesPreSharedKey()) {
            out.add(new HashPayload(hashR));
            return out;
        }
        if (setup.sendCertificate) {
            out.add(new CertPayload(CertPayload.X509_SIGNATURE, setup.gatewayCertificate.certificate().getEncoded()));
        }
        if (setup.spoilSignature) {
            hashR[0] ^= 1;
        }
        out.add(new SignaturePayload(RsaSignatures.sign(setup.gatewayCertificate.key(), hashR)));
        return out;
    }

    private void checkProof(IkeMessage m, IdPayload idI) throws Exception {
        byte[] hashI = keymat.hashI(publicI, keyExchange.publicValue(), saIBody, idI.encodeBody());
        switch (setup.method) {
            case RSA:
            case RSA_XAUTH:
                CertPayload cert = m.first(CertPayload.class).orElseThrow();
                X509Certificate client = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(cert.data()));
                assertEquals(setup.clientCertificate, client);
                assertTrue(RsaSignatures.verify(client.getPublicKey(), hashI,
                        m.first(SignaturePayload.class).orElseThrow().data()), "SIG_I verifies");
                break;
            default:
                assertArrayEquals(hashI, m.first(HashPayload.class).orElseThrow().data(), "HASH_I");
                List<NotifyPayload> groupHash = m.all(NotifyPayload.class).stream()
                        .filter(n -> n.notifyType().equals(NotifyType.UNITY_GROUP_HASH)).toList();
                if (setup.method == AuthMethod.HYBRID_GRP_XAUTH) {
                    assertEquals(1, groupHash.size());
                    // prf(SKEYID, psk), the Shrew Soft computation (KeymatTest checks the formula)
                    byte[] expected = keymat.groupHash(setup.psk);
                    assertArrayEquals(expected, groupHash.get(0).data());
                    assertArrayEquals(ByteBuffer.allocate(16).putLong(cookieI).putLong(cookieR).array(),
                            groupHash.get(0).spi());
                } else {
                    assertTrue(groupHash.isEmpty());
                }
        }
    }
}
