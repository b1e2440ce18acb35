package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Identification payload of the IPsec DOI (RFC 2407 §4.6.2): the phase 1 identity (IDii/IDir) or
 * a Quick Mode traffic selector (IDci/IDcr, with protocol and port). The body is IDii_b/IDir_b of
 * RFC 2409 §5. Address types must carry data of their fixed length.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !        Payload Length         !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !   ID Type     !  Protocol ID  !             Port              !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                     Identification Data                       ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param idType the identification type
 * @param protocol the IP protocol (0 = any), 0 to 255
 * @param port the port (0 = any), 0 to 65535
 * @param data the identification data: address bytes, name, DER DN or key ID
 */
public record IdPayload(IdType idType, int protocol, int port, byte[] data) implements Payload {

    public IdPayload {
        if (protocol < 0 || protocol > 0xff || port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("ID protocol/port out of range");
        }
        int fixed = idType.fixedDataLength();
        if (fixed >= 0 && data.length != fixed) {
            throw new IllegalArgumentException(idType + " needs " + fixed + " data bytes, not " + data.length);
        }
        data = data.clone();
    }

    /** ID_IPV4_ADDR, any protocol and port. */
    public static IdPayload ipv4Address(Inet4Address address) {
        return new IdPayload(IdType.IPV4_ADDR, 0, 0, address.getAddress());
    }

    /** ID_IPV4_ADDR_SUBNET, any protocol and port: a Quick Mode traffic selector. */
    public static IdPayload ipv4Subnet(Ipv4Network network) {
        byte[] data = new byte[8];
        System.arraycopy(network.address().getAddress(), 0, data, 0, 4);
        System.arraycopy(network.netmask().getAddress(), 0, data, 4, 4);
        return new IdPayload(IdType.IPV4_ADDR_SUBNET, 0, 0, data);
    }

    /** ID_FQDN, e.g. {@code vpn.example.com}. */
    public static IdPayload fqdn(String name) {
        return new IdPayload(IdType.FQDN, 0, 0, name.getBytes(StandardCharsets.US_ASCII));
    }

    /** ID_USER_FQDN, e.g. {@code alice@example.com}. */
    public static IdPayload userFqdn(String name) {
        return new IdPayload(IdType.USER_FQDN, 0, 0, name.getBytes(StandardCharsets.US_ASCII));
    }

    /** ID_KEY_ID: opaque bytes, for a Cisco group name the group's name as text. */
    public static IdPayload keyId(byte[] keyId) {
        return new IdPayload(IdType.KEY_ID, 0, 0, keyId);
    }

    /**
     * Decodes the body.
     *
     * @throws IkeProtocolException PAYLOAD_MALFORMED when shorter than 4 bytes,
     *     INVALID_ID_INFORMATION when an address type has data of the wrong length
     */
    public static IdPayload decode(ByteBuffer body) throws IkeProtocolException {
        IdType type = new IdType(Wire.u8(body, "ID type"));
        int protocol = Wire.u8(body, "ID protocol");
        int port = Wire.u16(body, "ID port");
        int fixed = type.fixedDataLength();
        if (fixed < 0) {
            return new IdPayload(type, protocol, port, Wire.rest(body));
        }
        if (body.remaining() < fixed) {
            throw new IkeProtocolException(NotifyType.INVALID_ID_INFORMATION,
                    type + " with " + body.remaining() + " data bytes");
        }
        byte[] data = Wire.bytes(body, fixed, "ID data");
        if (body.hasRemaining() && !Wire.isPadding(body)) {
            throw new IkeProtocolException(NotifyType.INVALID_ID_INFORMATION,
                    type + " with " + (fixed + body.remaining()) + " data bytes");
        }
        body.position(body.limit());
        return new IdPayload(type, protocol, port, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * The IPv4 network an IPV4_ADDR (as /32) or IPV4_ADDR_SUBNET identity denotes; empty for other
     * types and for a subnet with a non-contiguous mask.
     */
    public Optional<Ipv4Network> ipv4Network() {
        if (idType.equals(IdType.IPV4_ADDR)) {
            return Optional.of(new Ipv4Network(address(data, 0), 32));
        }
        if (idType.equals(IdType.IPV4_ADDR_SUBNET)) {
            try {
                return Optional.of(Ipv4Network.ofMask(address(data, 0), address(data, 4)).network());
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // non-contiguous mask
            }
        }
        return Optional.empty();
    }

    private static Inet4Address address(byte[] b, int offset) {
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(b, offset, offset + 4));
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // four bytes are always an address
        }
    }

    @Override
    public PayloadType type() {
        return PayloadType.ID;
    }

    @Override
    public byte[] encodeBody() {
        return new BodyWriter().u8(idType.value()).u8(protocol).u16(port).bytes(data).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdPayload p && p.idType.equals(idType) && p.protocol == protocol && p.port == port
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return ((idType.hashCode() * 31 + protocol) * 31 + port) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        boolean text = idType.equals(IdType.FQDN) || idType.equals(IdType.USER_FQDN);
        String shown = text ? new String(data, StandardCharsets.US_ASCII)
                : ipv4Network().map(Object::toString).orElseGet(() -> Wire.hex(data));
        return "ID(" + idType + " " + shown + (protocol != 0 || port != 0 ? " " + protocol + "/" + port : "") + ")";
    }
}
