package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Notification payload (RFC 2408 §3.14): an error or status message about an SA. For the ISAKMP
 * SA the SPI is the two cookies (16 bytes) or empty; DPD (RFC 3706) puts the cookies in the SPI
 * and a 4-byte sequence number in the data.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !              Domain of Interpretation  (DOI)                  !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Protocol-ID  !   SPI Size    !      Notify Message Type      !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                Security Parameter Index (SPI)                 ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                       Notification Data                       ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param doi the DOI (1 = IPsec; some peers send 0)
 * @param protocolId the protocol of the SA ({@link ProtocolId})
 * @param notifyType the notify message type
 * @param spi the SPI, 0 to 255 bytes
 * @param data the notification data
 */
public record NotifyPayload(int doi, int protocolId, NotifyType notifyType, byte[] spi, byte[] data)
        implements Payload {

    public NotifyPayload {
        if (protocolId < 0 || protocolId > 0xff || spi.length > 0xff) {
            throw new IllegalArgumentException("notify protocol/SPI out of range");
        }
        spi = spi.clone();
        data = data.clone();
    }

    public static NotifyPayload decode(ByteBuffer body) throws IkeProtocolException {
        int doi = Wire.u32(body, "notify DOI");
        int protocol = Wire.u8(body, "notify protocol");
        int spiSize = Wire.u8(body, "notify SPI size");
        NotifyType type = new NotifyType(Wire.u16(body, "notify type"));
        byte[] spi = Wire.bytes(body, spiSize, "notify SPI");
        return new NotifyPayload(doi, protocol, type, spi, Wire.rest(body));
    }

    @Override
    public byte[] spi() {
        return spi.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public PayloadType type() {
        return PayloadType.NOTIFY;
    }

    @Override
    public byte[] encodeBody() {
        return new BodyWriter().u32(doi).u8(protocolId).u8(spi.length).u16(notifyType.code())
                .bytes(spi).bytes(data).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotifyPayload p && p.doi == doi && p.protocolId == protocolId
                && p.notifyType.equals(notifyType) && Arrays.equals(p.spi, spi) && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return ((doi * 31 + protocolId) * 31 + notifyType.hashCode()) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "N(" + notifyType + " proto=" + protocolId + " spi=" + Wire.hex(spi) + ", " + data.length + " bytes)";
    }
}
