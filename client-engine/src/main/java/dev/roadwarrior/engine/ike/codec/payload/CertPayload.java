package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Certificate payload (RFC 2408 §3.9): an encoding type and the certificate (or CRL) data.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Cert Encoding !                                               !
 * +-+-+-+-+-+-+-+-+                                               !
 * ~                       Certificate Data                        ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param encoding the certificate encoding, e.g. {@link #X509_SIGNATURE}
 * @param data the DER data
 */
public record CertPayload(int encoding, byte[] data) implements Payload {

    public static final int PKCS7 = 1;
    public static final int PGP = 2;
    public static final int DNS_SIGNED_KEY = 3;
    /** An X.509 certificate used for signatures (the usual one). */
    public static final int X509_SIGNATURE = 4;
    public static final int X509_KEY_EXCHANGE = 5;
    public static final int KERBEROS_TOKENS = 6;
    public static final int CRL = 7;
    public static final int ARL = 8;
    public static final int SPKI = 9;
    public static final int X509_ATTRIBUTE = 10;

    public CertPayload {
        if (encoding < 0 || encoding > 0xff) {
            throw new IllegalArgumentException("certificate encoding out of range: " + encoding);
        }
        data = data.clone();
    }

    public static CertPayload decode(ByteBuffer body) throws IkeProtocolException {
        return new CertPayload(Wire.u8(body, "certificate encoding"), Wire.rest(body));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public PayloadType type() {
        return PayloadType.CERT;
    }

    @Override
    public byte[] encodeBody() {
        return new BodyWriter().u8(encoding).bytes(data).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertPayload p && p.encoding == encoding && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return encoding * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CERT(encoding=" + encoding + ", " + data.length + " bytes)";
    }
}
