package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * NAT Original Address payload (RFC 3947 §5.2): in Quick Mode, the address a peer behind a NAT
 * believes it has, for transport mode checksum fix-ups. Type 21, or 131 in the draft numbering.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !    ID Type    !   RESERVED    !            RESERVED           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !           IPv4 (4 octets) or IPv6 address (16 octets)         !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param draft true for the draft numbering (payload type 131)
 * @param address the original address; its family gives the ID type (IPV4_ADDR or IPV6_ADDR)
 */
public record NatOaPayload(boolean draft, InetAddress address) implements Payload {

    static NatOaPayload decode(boolean draft, ByteBuffer body) throws IkeProtocolException {
        int idType = Wire.u8(body, "NAT-OA ID type");
        Wire.bytes(body, 3, "NAT-OA reserved");
        int expected = idType == IdType.IPV4_ADDR.value() ? 4 : idType == IdType.IPV6_ADDR.value() ? 16 : -1;
        if (expected < 0 || body.remaining() < expected) {
            throw Wire.malformed("NAT-OA with ID type " + idType + " and " + body.remaining() + " address bytes");
        }
        byte[] address = Wire.bytes(body, expected, "NAT-OA address");
        Wire.endOrPadding(body, "NAT-OA address");
        try {
            return new NatOaPayload(draft, InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw Wire.malformed("NAT-OA address"); // unreachable: the length is 4 or 16
        }
    }

    @Override
    public PayloadType type() {
        return draft ? PayloadType.NAT_OA_DRAFT : PayloadType.NAT_OA;
    }

    @Override
    public byte[] encodeBody() {
        IdType idType = address instanceof Inet4Address ? IdType.IPV4_ADDR : IdType.IPV6_ADDR;
        return new BodyWriter().u8(idType.value()).u8(0).u16(0).bytes(address.getAddress()).toByteArray();
    }
}
