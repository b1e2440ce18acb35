package dev.roadwarrior.engine.ike.codec.payload;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Nonce payload (RFC 2408 §3.13). RFC 2409 §5 asks for 8 to 256 bytes; the tasks check that.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                                                               !
 * ~                      Nonce Data                               ~
 * !                                                               !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param data the nonce (Ni_b or Nr_b)
 */
public record NoncePayload(byte[] data) implements Payload {

    public NoncePayload {
        data = data.clone();
    }

    public static NoncePayload decode(ByteBuffer body) {
        return new NoncePayload(Wire.rest(body));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public PayloadType type() {
        return PayloadType.NONCE;
    }

    @Override
    public byte[] encodeBody() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoncePayload p && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NONCE(" + data.length + " bytes" + ")";
    }
}
