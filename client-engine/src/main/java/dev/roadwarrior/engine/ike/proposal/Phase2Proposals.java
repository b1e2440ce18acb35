package dev.roadwarrior.engine.ike.proposal;

import static dev.roadwarrior.engine.ike.proposal.IkeAttributes.*;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.EspProposal;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.esp.EspIntegrity;
import dev.roadwarrior.engine.esp.EspTransform;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Proposal;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SaPayload;
import dev.roadwarrior.engine.ike.codec.payload.Transform;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds the Quick Mode SA payload (one ESP proposal) and checks the gateway's choice. */
public final class Phase2Proposals {

    private Phase2Proposals() {
    }

    /**
     * One ESP proposal with our SPI and a transform per supported offered combination.
     *
     * @param encapsulation the encapsulation mode attribute (tunnel, or UDP tunnel for NAT-T)
     */
    public static SaPayload offer(ConnectRequest.Phase2 phase2, int spi, int encapsulation) {
        List<Transform> transforms = new ArrayList<>();
        for (EspProposal p : phase2.proposals()) {
            if (EspTransform.fromIke(p.transformId(), p.keyBits(), p.authAlgorithm()).isEmpty()
                    || transforms.size() == 255) {
                continue;
            }
            List<DataAttribute> attrs = new ArrayList<>();
            if (phase2.lifetimeSeconds() > 0) {
                attrs.add(DataAttribute.basic(P2_LIFE_TYPE, LIFE_SECONDS));
                attrs.add(DataAttribute.ofLong(P2_LIFE_DURATION, phase2.lifetimeSeconds()));
            }
            if (phase2.lifetimeKilobytes() > 0) {
                attrs.add(DataAttribute.basic(P2_LIFE_TYPE, LIFE_KILOBYTES));
                attrs.add(DataAttribute.ofLong(P2_LIFE_DURATION, phase2.lifetimeKilobytes()));
            }
            phase2.pfsGroup().ifPresent(g -> attrs.add(DataAttribute.basic(P2_GROUP, g)));
            attrs.add(DataAttribute.basic(P2_ENCAPSULATION, encapsulation));
            if (p.authAlgorithm() != 0) {
                attrs.add(DataAttribute.basic(P2_AUTH_ALGORITHM, p.authAlgorithm()));
            }
            if (p.keyBits() > 0) {
                attrs.add(DataAttribute.basic(P2_KEY_LENGTH, p.keyBits()));
            }
            transforms.add(new Transform(transforms.size() + 1, p.transformId(), attrs));
        }
        if (transforms.isEmpty()) {
            throw new IllegalArgumentException("none of the phase 2 proposals is supported");
        }
        byte[] spiBytes = ByteBuffer.allocate(4).putInt(spi).array();
        return SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ESP, spiBytes, transforms)));
    }

    /**
     * What {@link #offer} offers, in words for a "no proposal chosen" failure, e.g.
     * "offered ESP AES_CBC-256, AES_GCM_16-128 / HMAC_SHA1_96 / PFS MODP-2048".
     */
    public static String describe(ConnectRequest.Phase2 phase2) {
        Set<String> ciphers = new LinkedHashSet<>();
        Set<String> integrity = new LinkedHashSet<>();
        for (EspProposal p : phase2.proposals()) {
            Optional<EspTransform> t = EspTransform.fromIke(p.transformId(), p.keyBits(), p.authAlgorithm());
            if (t.isPresent()) {
                ciphers.add(t.get().encryption() + "-" + t.get().keyBits());
                if (t.get().integrity() != EspIntegrity.NONE) {
                    integrity.add(t.get().integrity().toString());
                }
            }
        }
        return "offered ESP " + String.join(", ", ciphers)
                + (integrity.isEmpty() ? "" : " / " + String.join(", ", integrity))
                + " / " + phase2.pfsGroup().map(g -> "PFS " + DhGroup.of(g)).orElse("no PFS");
    }

    /**
     * Checks the gateway's answer: one ESP proposal with a 4-byte SPI and one transform that we
     * offered and implement.
     */
    public static Phase2Choice select(SaPayload offered, SaPayload reply) throws IkeProtocolException {
        Proposal p = reply.proposals().get(0);
        if (reply.proposals().size() != 1 || p.transforms().size() != 1 || p.protocolId() != ProtocolId.ESP
                || p.spi().length != 4) {
            throw new IkeProtocolException(NotifyType.BAD_PROPOSAL_SYNTAX, "the gateway must choose one ESP transform");
        }
        Transform t = p.transforms().get(0);
        int keyBits = (int) attr(t, P2_KEY_LENGTH).orElse(0L).longValue();
        int auth = (int) attr(t, P2_AUTH_ALGORITHM).orElse(0L).longValue();
        boolean wasOffered = offered.proposals().get(0).transforms().stream().anyMatch(o -> o.transformId() == t.transformId()
                && sameAttr(o, t, P2_KEY_LENGTH) && sameAttr(o, t, P2_AUTH_ALGORITHM));
        Optional<EspTransform> transform = EspTransform.fromIke(t.transformId(), keyBits, auth);
        if (!wasOffered || transform.isEmpty()) {
            throw new IkeProtocolException(NotifyType.NO_PROPOSAL_CHOSEN,
                    "the gateway chose ESP transform " + t.transformId() + "/" + keyBits + "/auth " + auth + ", which was not offered");
        }
        long[] life = lifetimes(t.attributes());
        return new Phase2Choice(transform.get(), ByteBuffer.wrap(p.spi()).getInt(), life[0], life[1]);
    }

    /**
     * What we take from a gateway's offer in a Quick Mode the gateway starts.
     *
     * @param reply our SA payload: the chosen proposal with our SPI and the chosen transform as offered
     * @param choice the transform, the gateway's SPI and the lifetimes it offered
     * @param pfsGroup the group for PFS when the transform names one
     */
    public record Chosen(SaPayload reply, Phase2Choice choice, Optional<Integer> pfsGroup) {
    }

    /**
     * Picks, in the gateway's order, the first ESP transform of {@code offer} that the profile
     * allows and this client implements, in a tunnel mode.
     *
     * @param ourSpi the SPI the gateway is to send with
     * @throws IkeProtocolException NO_PROPOSAL_CHOSEN when none fits
     */
    public static Chosen choose(ConnectRequest.Phase2 ours, SaPayload offer, int ourSpi) throws IkeProtocolException {
        Set<EspTransform> allowed = new LinkedHashSet<>();
        for (EspProposal p : ours.proposals()) {
            EspTransform.fromIke(p.transformId(), p.keyBits(), p.authAlgorithm()).ifPresent(allowed::add);
        }
        for (Proposal p : offer.proposals()) {
            if (p.protocolId() != ProtocolId.ESP || p.spi().length != 4) {
                continue;
            }
            for (Transform t : p.transforms()) {
                long mode = attr(t, P2_ENCAPSULATION).orElse((long) ENCAPSULATION_TUNNEL);
                Optional<EspTransform> transform = EspTransform.fromIke(t.transformId(),
                        (int) attr(t, P2_KEY_LENGTH).orElse(0L).longValue(),
                        (int) attr(t, P2_AUTH_ALGORITHM).orElse(0L).longValue());
                if (transform.isEmpty() || !allowed.contains(transform.get()) || mode != ENCAPSULATION_TUNNEL
                        && mode != ENCAPSULATION_UDP_TUNNEL_RFC && mode != ENCAPSULATION_UDP_TUNNEL_DRAFT) {
                    continue;
                }
                long[] life = lifetimes(t.attributes());
                Phase2Choice choice = new Phase2Choice(transform.get(), ByteBuffer.wrap(p.spi()).getInt(), life[0],
                        life[1]);
                Optional<Integer> group = attr(t, P2_GROUP).map(Long::intValue);
                SaPayload reply = SaPayload.ipsec(List.of(new Proposal(p.number(), ProtocolId.ESP,
                        ByteBuffer.allocate(4).putInt(ourSpi).array(), List.of(t))));
                return new Chosen(reply, choice, group);
            }
        }
        throw new IkeProtocolException(NotifyType.NO_PROPOSAL_CHOSEN, "the gateway offered no ESP transform that "
                + describe(ours).replace("offered", "matches"));
    }

    /** Seconds and kilobytes from a transform's lifetime attribute pairs (0 when absent). */
    private static long[] lifetimes(List<DataAttribute> attrs) throws IkeProtocolException {
        long[] life = new long[2];
        for (int i = 0; i + 1 < attrs.size(); i++) {
            if (attrs.get(i).type() == P2_LIFE_TYPE && attrs.get(i + 1).type() == P2_LIFE_DURATION) {
                life[attrs.get(i).longValue() == LIFE_SECONDS ? 0 : 1] = attrs.get(i + 1).longValue();
            }
        }
        return life;
    }

    private static Optional<Long> attr(Transform t, int type) throws IkeProtocolException {
        Optional<DataAttribute> a = t.attribute(type);
        return a.isPresent() ? Optional.of(a.get().longValue()) : Optional.empty();
    }

    private static boolean sameAttr(Transform a, Transform b, int type) {
        try {
            return attr(a, type).equals(attr(b, type));
        } catch (IkeProtocolException e) {
            return false;
        }
    }
}
