package dev.roadwarrior.engine.ike.proposal;

import static dev.roadwarrior.engine.ike.proposal.IkeAttributes.*;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.Phase1Proposal;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.crypto.EncryptionAlgorithm;
import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Proposal;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SaPayload;
import dev.roadwarrior.engine.ike.codec.payload.Transform;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds the phase 1 SA payload we offer and checks the transform the gateway picks from it. */
public final class Phase1Proposals {

    private Phase1Proposals() {
    }

    /** One ISAKMP proposal with a transform per offered combination the crypto provider supports. */
    public static SaPayload offer(ConnectRequest.Phase1 phase1, IkeCrypto crypto) {
        int auth = authMethodValue(phase1.auth());
        List<Transform> transforms = new ArrayList<>();
        for (Phase1Proposal p : phase1.proposals()) {
            if (!supported(p, crypto) || transforms.size() == 255) {
                continue;
            }
            List<DataAttribute> attrs = new ArrayList<>();
            attrs.add(DataAttribute.basic(ENCRYPTION, p.cipher()));
            if (p.keyBits() > 0 && needsKeyLength(p.cipher())) {
                attrs.add(DataAttribute.basic(KEY_LENGTH, p.keyBits()));
            }
            attrs.add(DataAttribute.basic(HASH, p.hash()));
            attrs.add(DataAttribute.basic(AUTH_METHOD, auth));
            attrs.add(DataAttribute.basic(GROUP, p.dhGroup()));
            if (phase1.lifetimeSeconds() > 0) {
                attrs.add(DataAttribute.basic(LIFE_TYPE, LIFE_SECONDS));
                attrs.add(DataAttribute.ofLong(LIFE_DURATION, phase1.lifetimeSeconds()));
            }
            if (phase1.lifetimeKilobytes() > 0) {
                attrs.add(DataAttribute.basic(LIFE_TYPE, LIFE_KILOBYTES));
                attrs.add(DataAttribute.ofLong(LIFE_DURATION, phase1.lifetimeKilobytes()));
            }
            transforms.add(new Transform(transforms.size() + 1, Transform.KEY_IKE, attrs));
        }
        if (transforms.isEmpty()) {
            throw new IllegalArgumentException("none of the phase 1 proposals is supported");
        }
        return SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ISAKMP, new byte[0], transforms)));
    }

    /**
     * What {@link #offer} offers, in words for a "no proposal chosen" failure, e.g.
     * "offered AES-CBC-256, 3DES-CBC-192 / SHA1 / MODP-2048, MODP-1024".
     */
    public static String describe(ConnectRequest.Phase1 phase1, IkeCrypto crypto) {
        Set<String> ciphers = new LinkedHashSet<>();
        Set<String> hashes = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (Phase1Proposal p : phase1.proposals()) {
            if (supported(p, crypto)) {
                EncryptionAlgorithm cipher = EncryptionAlgorithm.of(p.cipher());
                ciphers.add(cipher + "-" + (p.keyBits() > 0 ? p.keyBits() : cipher.defaultKeyLengthBits().orElse(0)));
                hashes.add(HashAlgorithm.of(p.hash()).toString());
                groups.add(DhGroup.of(p.dhGroup()).toString());
            }
        }
        return "offered " + String.join(", ", ciphers) + " / " + String.join(", ", hashes) + " / "
                + String.join(", ", groups);
    }

    /**
     * Checks the gateway's answer: exactly one ISAKMP proposal with one transform whose
     * algorithms match one we offered.
     *
     * @throws IkeProtocolException NO_PROPOSAL_CHOSEN / BAD_PROPOSAL_SYNTAX otherwise
     */
    public static Phase1Choice select(SaPayload offered, SaPayload reply) throws IkeProtocolException {
        if (reply.proposals().size() != 1 || reply.proposals().get(0).transforms().size() != 1
                || reply.proposals().get(0).protocolId() != ProtocolId.ISAKMP) {
            throw new IkeProtocolException(NotifyType.BAD_PROPOSAL_SYNTAX, "the gateway must choose one ISAKMP transform");
        }
        Transform chosen = reply.proposals().get(0).transforms().get(0);
        Phase1Choice choice = describe(chosen);
        for (Transform t : offered.proposals().get(0).transforms()) {
            if (sameAlgorithms(describe(t), choice)) {
                return choice;
            }
        }
        throw new IkeProtocolException(NotifyType.NO_PROPOSAL_CHOSEN, "the gateway chose " + choice + ", which was not offered");
    }

    private static boolean sameAlgorithms(Phase1Choice a, Phase1Choice b) {
        return a.cipher().equals(b.cipher()) && a.keyBits() == b.keyBits() && a.hash().equals(b.hash())
                && a.group().equals(b.group()) && a.authMethod() == b.authMethod();
    }

    static Phase1Choice describe(Transform t) throws IkeProtocolException {
        EncryptionAlgorithm cipher = EncryptionAlgorithm.of(intAttr(t, ENCRYPTION));
        int keyBits = t.attribute(KEY_LENGTH).isPresent() ? intAttr(t, KEY_LENGTH)
                : cipher.defaultKeyLengthBits().orElse(0);
        long lifetime = 0;
        List<DataAttribute> attrs = t.attributes();
        for (int i = 0; i + 1 < attrs.size(); i++) {
            if (attrs.get(i).type() == LIFE_TYPE && attrs.get(i).longValue() == LIFE_SECONDS
                    && attrs.get(i + 1).type() == LIFE_DURATION) {
                lifetime = attrs.get(i + 1).longValue();
            }
        }
        return new Phase1Choice(cipher, keyBits, HashAlgorithm.of(intAttr(t, HASH)), DhGroup.of(intAttr(t, GROUP)),
                intAttr(t, AUTH_METHOD), lifetime);
    }

    private static int intAttr(Transform t, int type) throws IkeProtocolException {
        DataAttribute a = t.attribute(type).orElseThrow(() ->
                new IkeProtocolException(NotifyType.ATTRIBUTES_NOT_SUPPORTED, "transform lacks attribute " + type));
        long v = a.longValue();
        if (v < 0 || v > 0xffff) {
            throw new IkeProtocolException(NotifyType.ATTRIBUTES_NOT_SUPPORTED, "attribute " + type + " = " + v);
        }
        return (int) v;
    }

    private static boolean supported(Phase1Proposal p, IkeCrypto crypto) {
        EncryptionAlgorithm cipher = EncryptionAlgorithm.of(p.cipher());
        int bits = p.keyBits() > 0 ? p.keyBits() : cipher.defaultKeyLengthBits().orElse(0);
        return crypto.hasCipher(cipher, bits) && crypto.hasHash(HashAlgorithm.of(p.hash()))
                && crypto.hasDhGroup(DhGroup.of(p.dhGroup()));
    }

    /** AES, Blowfish and CAST carry a Key Length attribute; fixed-length ciphers do not. */
    private static boolean needsKeyLength(int cipher) {
        return cipher == EncryptionAlgorithm.AES_CBC.value() || cipher == EncryptionAlgorithm.BLOWFISH_CBC.value()
                || cipher == EncryptionAlgorithm.CAST_CBC.value();
    }
}
