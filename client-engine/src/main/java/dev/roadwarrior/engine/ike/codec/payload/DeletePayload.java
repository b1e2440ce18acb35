package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Delete payload (RFC 2408 §3.15): SAs of one protocol that the sender has deleted. For the
 * ISAKMP SA the SPI is the two cookies (16 bytes); for ESP the 4-byte inbound SPI of the sender.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !              Domain of Interpretation  (DOI)                  !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Protocol-Id  !   SPI Size    !           # of SPIs           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~               Security Parameter Index(es) (SPI)              ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param doi the DOI (1 = IPsec)
 * @param protocolId the protocol of the SAs ({@link ProtocolId})
 * @param spiSize the size of each SPI, 0 to 255
 * @param spis the SPIs, each {@code spiSize} bytes long
 */
public record DeletePayload(int doi, int protocolId, int spiSize, List<byte[]> spis) implements Payload {

    public DeletePayload {
        if (protocolId < 0 || protocolId > 0xff || spiSize < 0 || spiSize > 0xff || spis.size() > 0xffff) {
            throw new IllegalArgumentException("delete protocol/SPI size/count out of range");
        }
        List<byte[]> copy = new ArrayList<>();
        for (byte[] spi : spis) {
            if (spi.length != spiSize) {
                throw new IllegalArgumentException("SPI of " + spi.length + " bytes, size is " + spiSize);
            }
            copy.add(spi.clone());
        }
        spis = List.copyOf(copy);
    }

    public static DeletePayload decode(ByteBuffer body) throws IkeProtocolException {
        int doi = Wire.u32(body, "delete DOI");
        int protocol = Wire.u8(body, "delete protocol");
        int spiSize = Wire.u8(body, "delete SPI size");
        int count = Wire.u16(body, "number of SPIs");
        if (body.remaining() < count * spiSize) {
            throw Wire.malformed(count + " SPIs of " + spiSize + " bytes in " + body.remaining() + " bytes");
        }
        List<byte[]> spis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            spis.add(Wire.bytes(body, spiSize, "SPI"));
        }
        Wire.endOrPadding(body, count + " SPIs of " + spiSize + " bytes");
        return new DeletePayload(doi, protocol, spiSize, spis);
    }

    /** The SPIs; the arrays are copies. */
    @Override
    public List<byte[]> spis() {
        return spis.stream().map(byte[]::clone).toList();
    }

    @Override
    public PayloadType type() {
        return PayloadType.DELETE;
    }

    @Override
    public byte[] encodeBody() {
        BodyWriter out = new BodyWriter().u32(doi).u8(protocolId).u8(spiSize).u16(spis.size());
        spis.forEach(out::bytes);
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeletePayload p) || p.doi != doi || p.protocolId != protocolId
                || p.spiSize != spiSize || p.spis.size() != spis.size()) {
            return false;
        }
        for (int i = 0; i < spis.size(); i++) {
            if (!Arrays.equals(p.spis.get(i), spis.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = (doi * 31 + protocolId) * 31 + spiSize;
        for (byte[] spi : spis) {
            h = h * 31 + Arrays.hashCode(spi);
        }
        return h;
    }

    @Override
    public String toString() {
        return "D(proto=" + protocolId + " " + spis.stream().map(Wire::hex).toList() + ")";
    }
}
