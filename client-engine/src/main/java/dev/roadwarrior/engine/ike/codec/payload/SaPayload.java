package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Security Association payload (RFC 2408 §3.4) of the IPsec DOI (RFC 2407 §4.6.1): the DOI, the
 * situation and the proposals. Only the situation SIT_IDENTITY_ONLY is supported; the secrecy and
 * integrity situations add labelled-domain fields that nobody uses.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !              Domain of Interpretation  (DOI)                  !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                           Situation                           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The proposal substructures ({@link Proposal}) follow. The body (without the generic header) is
 * SAi_b of RFC 2409 §5.
 *
 * @param doi the domain of interpretation; always {@link #DOI_IPSEC} when decoded
 * @param situation the situation bit mask
 * @param proposals the proposals, at least one
 */
public record SaPayload(int doi, int situation, List<Proposal> proposals) implements Payload {

    public static final int DOI_IPSEC = 1;
    public static final int SIT_IDENTITY_ONLY = 1;
    private static final int SIT_SECRECY_OR_INTEGRITY = 0x6;

    public SaPayload {
        if (proposals.isEmpty()) {
            throw new IllegalArgumentException("an SA payload needs a proposal");
        }
        proposals = List.copyOf(proposals);
    }

    /** An IPsec DOI SA with SIT_IDENTITY_ONLY, as every phase 1 and phase 2 SA is sent. */
    public static SaPayload ipsec(List<Proposal> proposals) {
        return new SaPayload(DOI_IPSEC, SIT_IDENTITY_ONLY, proposals);
    }

    public static SaPayload decode(ByteBuffer body) throws IkeProtocolException {
        int doi = Wire.u32(body, "SA DOI");
        if (doi != DOI_IPSEC) {
            throw new IkeProtocolException(NotifyType.DOI_NOT_SUPPORTED, "SA DOI " + Integer.toUnsignedString(doi));
        }
        int situation = Wire.u32(body, "SA situation");
        if ((situation & SIT_SECRECY_OR_INTEGRITY) != 0) {
            throw new IkeProtocolException(NotifyType.SITUATION_NOT_SUPPORTED,
                    "SA situation 0x" + Integer.toHexString(situation));
        }
        List<Proposal> proposals = new ArrayList<>();
        boolean more = true;
        while (more) {
            if (!body.hasRemaining()) {
                throw new IkeProtocolException(NotifyType.BAD_PROPOSAL_SYNTAX, "SA without (further) proposal");
            }
            Proposal.Decoded p = Proposal.decode(body);
            proposals.add(p.proposal());
            more = p.more();
        }
        Wire.endOrPadding(body, "SA payload");
        return new SaPayload(doi, situation, proposals);
    }

    @Override
    public PayloadType type() {
        return PayloadType.SA;
    }

    @Override
    public byte[] encodeBody() {
        BodyWriter out = new BodyWriter().u32(doi).u32(situation);
        for (int i = 0; i < proposals.size(); i++) {
            proposals.get(i).encode(out, i == proposals.size() - 1);
        }
        return out.toByteArray();
    }
}
