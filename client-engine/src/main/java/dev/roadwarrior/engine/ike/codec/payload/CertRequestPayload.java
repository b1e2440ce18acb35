package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Certificate Request payload (RFC 2408 §3.10): the wanted certificate encoding and, optionally,
 * the DER distinguished name of an acceptable certificate authority.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Cert. Type   !                                               !
 * +-+-+-+-+-+-+-+-+                                               !
 * ~                    Certificate Authority                      ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param encoding the wanted encoding ({@link CertPayload} constants)
 * @param authority the CA's DER distinguished name; empty for "any"
 */
public record CertRequestPayload(int encoding, byte[] authority) implements Payload {

    public CertRequestPayload {
        if (encoding < 0 || encoding > 0xff) {
            throw new IllegalArgumentException("certificate encoding out of range: " + encoding);
        }
        authority = authority.clone();
    }

    public static CertRequestPayload decode(ByteBuffer body) throws IkeProtocolException {
        return new CertRequestPayload(Wire.u8(body, "certificate type"), Wire.rest(body));
    }

    @Override
    public byte[] authority() {
        return authority.clone();
    }

    @Override
    public PayloadType type() {
        return PayloadType.CERTREQ;
    }

    @Override
    public byte[] encodeBody() {
        return new BodyWriter().u8(encoding).bytes(authority).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertRequestPayload p && p.encoding == encoding && Arrays.equals(p.authority, authority);
    }

    @Override
    public int hashCode() {
        return encoding * 31 + Arrays.hashCode(authority);
    }

    @Override
    public String toString() {
        return "CERTREQ(encoding=" + encoding + ", " + authority.length + " bytes CA)";
    }
}
