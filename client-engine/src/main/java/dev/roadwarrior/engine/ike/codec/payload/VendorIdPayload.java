package dev.roadwarrior.engine.ike.codec.payload;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Vendor ID payload (RFC 2408 §3.16): an opaque constant announcing an extension or an
 * implementation; see {@code VendorId} in the codec package for the known values.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !                                                               !
 * ~                      Vendor ID (VID)                          ~
 * !                                                               !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param data the vendor ID bytes
 */
public record VendorIdPayload(byte[] data) implements Payload {

    public VendorIdPayload {
        data = data.clone();
    }

    public static VendorIdPayload decode(ByteBuffer body) {
        return new VendorIdPayload(Wire.rest(body));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public PayloadType type() {
        return PayloadType.VENDOR_ID;
    }

    @Override
    public byte[] encodeBody() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VendorIdPayload p && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "VID(" + Wire.hex(data) + ")";
    }
}
