package dev.roadwarrior.engine.ike.codec.payload;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Hash payload (RFC 2408 §3.11): HASH_I/HASH_R of phase 1 or HASH(1..3) of Quick Mode and the
 * informational and transaction exchanges (RFC 2409 §5, §5.5, §5.7). In the latter it must be the
 * first payload; it covers all payloads after it.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                                                               !
 * ~                      Hash Data                                ~
 * !                                                               !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param data the hash value
 */
public record HashPayload(byte[] data) implements Payload {

    public HashPayload {
        data = data.clone();
    }

    public static HashPayload decode(ByteBuffer body) {
        return new HashPayload(Wire.rest(body));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public PayloadType type() {
        return PayloadType.HASH;
    }

    @Override
    public byte[] encodeBody() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashPayload p && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "HASH(" + data.length + " bytes" + ")";
    }
}
