package dev.roadwarrior.engine.ike.codec;

import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.PayloadType;
import java.nio.ByteBuffer;

/**
 * The ISAKMP header (RFC 2408 §3.1) that starts every IKEv1 datagram.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                          Initiator                            !
 * !                            Cookie                             !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                          Responder                            !
 * !                            Cookie                             !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Next Payload ! MjVer ! MnVer ! Exchange Type !     Flags     !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                          Message ID                           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                            Length                             !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * With the encryption flag set, everything after the header is encrypted and Length counts the
 * ciphertext (padding included); the next payload field stays in the clear.
 *
 * @param initiatorCookie CKY-I
 * @param responderCookie CKY-R (0 in the first message)
 * @param nextPayload the type of the first payload
 * @param version major version in the high, minor in the low nibble: {@link #VERSION_1_0}
 * @param exchangeType the exchange type
 * @param flags {@link #FLAG_ENCRYPTION}, {@link #FLAG_COMMIT}, {@link #FLAG_AUTH_ONLY}
 * @param messageId 0 in phase 1, random per phase 2 / informational / transaction exchange
 *     (an unsigned 32-bit value held in an int)
 * @param length the total length of the datagram in bytes
 */
public record IkeHeader(long initiatorCookie, long responderCookie, PayloadType nextPayload, int version,
        ExchangeType exchangeType, int flags, int messageId, int length) {

    /** Size of the header in bytes. */
    public static final int SIZE = 28;
    public static final int VERSION_1_0 = 0x10;
    public static final int FLAG_ENCRYPTION = 0x01;
    public static final int FLAG_COMMIT = 0x02;
    public static final int FLAG_AUTH_ONLY = 0x04;

    public IkeHeader {
        if (version < 0 || version > 0xff || flags < 0 || flags > 0xff || length < 0) {
            throw new IllegalArgumentException("header version/flags/length out of range");
        }
    }

    /**
     * A version 1.0 header for a message to be built; the message codec fills in next payload
     * and length.
     */
    public static IkeHeader of(long initiatorCookie, long responderCookie, ExchangeType exchangeType, int flags,
            int messageId) {
        return new IkeHeader(initiatorCookie, responderCookie, PayloadType.NONE, VERSION_1_0, exchangeType, flags,
                messageId, SIZE);
    }

    /**
     * Reads the header of a datagram and checks its length field against the datagram. To get
     * the body of an encrypted message take bytes {@link #SIZE} to {@link #length()}.
     *
     * @throws IkeProtocolException PAYLOAD_MALFORMED when the datagram is shorter than a header or
     *     the length field is below 28 or beyond the datagram; INVALID_MAJOR_VERSION unless the
     *     major version is 1
     */
    public static IkeHeader decode(byte[] datagram) throws IkeProtocolException {
        if (datagram.length < SIZE) {
            throw malformed("datagram of " + datagram.length + " bytes is shorter than the ISAKMP header");
        }
        ByteBuffer in = ByteBuffer.wrap(datagram);
        long ci = in.getLong();
        long cr = in.getLong();
        PayloadType next = new PayloadType(in.get() & 0xff);
        int version = in.get() & 0xff;
        ExchangeType exchange = new ExchangeType(in.get() & 0xff);
        int flags = in.get() & 0xff;
        int messageId = in.getInt();
        int length = in.getInt();
        if (version >>> 4 != 1) {
            throw new IkeProtocolException(NotifyType.INVALID_MAJOR_VERSION,
                    "ISAKMP version 0x" + Integer.toHexString(version));
        }
        if (length < SIZE || length > datagram.length) {
            throw malformed("header length " + Integer.toUnsignedString(length) + " in a datagram of "
                    + datagram.length + " bytes");
        }
        return new IkeHeader(ci, cr, next, version, exchange, flags, messageId, length);
    }

    /** Writes the 28 header bytes. */
    public void encode(ByteBuffer out) {
        out.putLong(initiatorCookie).putLong(responderCookie).put((byte) nextPayload.value()).put((byte) version)
                .put((byte) exchangeType.value()).put((byte) flags).putInt(messageId).putInt(length);
    }

    public boolean isEncrypted() {
        return (flags & FLAG_ENCRYPTION) != 0;
    }

    public boolean isCommit() {
        return (flags & FLAG_COMMIT) != 0;
    }

    /** CKY-I followed by CKY-R, as the key derivation and ISAKMP SPIs use them. */
    public byte[] cookies() {
        return ByteBuffer.allocate(16).putLong(initiatorCookie).putLong(responderCookie).array();
    }

    public IkeHeader withNextPayload(PayloadType next) {
        return new IkeHeader(initiatorCookie, responderCookie, next, version, exchangeType, flags, messageId, length);
    }

    public IkeHeader withLength(int newLength) {
        return new IkeHeader(initiatorCookie, responderCookie, nextPayload, version, exchangeType, flags, messageId,
                newLength);
    }

    static IkeProtocolException malformed(String detail) {
        return new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, detail);
    }

    @Override
    public String toString() {
        return String.format("ISAKMP(%016x/%016x %s flags=%x mid=%08x next=%s len=%d)", initiatorCookie,
                responderCookie, exchangeType, flags, messageId, nextPayload, length);
    }
}
