package dev.roadwarrior.engine.ike.codec.payload;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Signature payload (RFC 2408 §3.12): SIG_I/SIG_R of signature authentication.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                                                               !
 * ~                      Signature Data                           ~
 * !                                                               !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param data the signature
 */
public record SignaturePayload(byte[] data) implements Payload {

    public SignaturePayload {
        data = data.clone();
    }

    public static SignaturePayload decode(ByteBuffer body) {
        return new SignaturePayload(Wire.rest(body));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public PayloadType type() {
        return PayloadType.SIG;
    }

    @Override
    public byte[] encodeBody() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignaturePayload p && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SIG(" + data.length + " bytes" + ")";
    }
}
