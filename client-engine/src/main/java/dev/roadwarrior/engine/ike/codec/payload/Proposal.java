package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A proposal substructure of an SA payload (RFC 2408 §3.5): a protocol, its SPI and the
 * transforms offered for it. Phase 1 uses protocol {@link ProtocolId#ISAKMP} with an empty SPI;
 * phase 2 uses {@link ProtocolId#ESP} with a 4-byte SPI (or {@link ProtocolId#IPCOMP} with a
 * 2-byte CPI). Several proposals with the same number form one AND-ed bundle.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Proposal #   !  Protocol-Id  !    SPI Size   !# of Transforms!
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                        SPI (variable)                         !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The transforms follow; Next Payload is 2 (another proposal follows) or 0 (last).
 *
 * @param number the proposal number, 0 to 255
 * @param protocolId the protocol ({@link ProtocolId})
 * @param spi the SPI, 0 to 255 bytes
 * @param transforms the transforms, 1 to 255 of them
 */
public record Proposal(int number, int protocolId, byte[] spi, List<Transform> transforms) {

    static final int NEXT_PROPOSAL = 2;

    public Proposal {
        if (number < 0 || number > 0xff || protocolId < 0 || protocolId > 0xff || spi.length > 0xff) {
            throw new IllegalArgumentException("proposal number/protocol/SPI out of range");
        }
        if (transforms.isEmpty() || transforms.size() > 0xff) {
            throw new IllegalArgumentException("a proposal needs 1 to 255 transforms");
        }
        spi = spi.clone();
        transforms = List.copyOf(transforms);
    }

    @Override
    public byte[] spi() {
        return spi.clone();
    }

    /**
     * Reads one proposal substructure including its generic header and transforms.
     *
     * @return the proposal and whether another proposal follows (its next payload field)
     */
    static Decoded decode(ByteBuffer in) throws IkeProtocolException {
        int next = Wire.u8(in, "proposal next payload");
        Wire.u8(in, "proposal reserved");
        int length = Wire.u16(in, "proposal length");
        if (length < 8) {
            throw Wire.malformed("proposal length " + length);
        }
        ByteBuffer body = Wire.slice(in, length - 4, "proposal");
        int number = Wire.u8(body, "proposal number");
        int protocol = Wire.u8(body, "protocol ID");
        int spiSize = Wire.u8(body, "SPI size");
        int count = Wire.u8(body, "number of transforms");
        byte[] spi = Wire.bytes(body, spiSize, "SPI");
        if (next != 0 && next != NEXT_PROPOSAL) {
            throw new IkeProtocolException(NotifyType.BAD_PROPOSAL_SYNTAX, "proposal followed by payload " + next);
        }
        List<Transform> transforms = new ArrayList<>();
        boolean more = body.hasRemaining();
        while (more) {
            Transform.Decoded t = Transform.decode(body);
            transforms.add(t.transform());
            more = t.more();
            if (more != body.hasRemaining()) {
                throw new IkeProtocolException(NotifyType.BAD_PROPOSAL_SYNTAX,
                        "transform chain does not match the proposal length");
            }
        }
        if (transforms.isEmpty() || transforms.size() != count) {
            throw new IkeProtocolException(NotifyType.BAD_PROPOSAL_SYNTAX,
                    "proposal announces " + count + " transforms, holds " + transforms.size());
        }
        return new Decoded(new Proposal(number, protocol, spi, transforms), next != 0);
    }

    void encode(BodyWriter out, boolean last) {
        out.u8(last ? 0 : NEXT_PROPOSAL).u8(0);
        int lengthAt = out.position();
        out.u16(0).u8(number).u8(protocolId).u8(spi.length).u8(transforms.size()).bytes(spi);
        for (int i = 0; i < transforms.size(); i++) {
            transforms.get(i).encode(out, i == transforms.size() - 1);
        }
        out.patchU16(lengthAt, out.position() - lengthAt + 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Proposal p && p.number == number && p.protocolId == protocolId
                && Arrays.equals(p.spi, spi) && p.transforms.equals(transforms);
    }

    @Override
    public int hashCode() {
        return ((number * 31 + protocolId) * 31 + Arrays.hashCode(spi)) * 31 + transforms.hashCode();
    }

    @Override
    public String toString() {
        return "Proposal(#" + number + " proto=" + protocolId + " spi=" + Wire.hex(spi) + " " + transforms + ")";
    }

    record Decoded(Proposal proposal, boolean more) {
    }
}
