package dev.roadwarrior.engine.ike.codec.payload;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * NAT Discovery payload (RFC 3947 §3.2): HASH(CKY-I | CKY-R | IP | Port) of one endpoint. Sent as
 * type 20 after the RFC 3947 vendor ID, as type 130 after a draft-02/03 vendor ID.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                 HASH of the address and port                  ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param draft true for the draft numbering (payload type 130)
 * @param hash the hash
 */
public record NatDPayload(boolean draft, byte[] hash) implements Payload {

    public NatDPayload {
        hash = hash.clone();
    }

    static NatDPayload decode(boolean draft, ByteBuffer body) {
        return new NatDPayload(draft, Wire.rest(body));
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public PayloadType type() {
        return draft ? PayloadType.NAT_D_DRAFT : PayloadType.NAT_D;
    }

    @Override
    public byte[] encodeBody() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NatDPayload p && p.draft == draft && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash) * 31 + (draft ? 1 : 0);
    }

    @Override
    public String toString() {
        return type() + "(" + Wire.hex(hash) + ")";
    }
}
