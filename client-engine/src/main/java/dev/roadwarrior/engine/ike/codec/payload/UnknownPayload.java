package dev.roadwarrior.engine.ike.codec.payload;

import java.util.Arrays;

/**
 * A payload of a type this codec has no record for (private-use types, GDOI payloads, ...). The
 * body is kept and re-encoded unchanged, so a message round-trips byte for byte.
 *
 * @param type the payload type as received
 * @param body the body after the generic header
 */
public record UnknownPayload(PayloadType type, byte[] body) implements Payload {

    public UnknownPayload {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public byte[] encodeBody() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownPayload p && p.type.equals(type) && Arrays.equals(p.body, body);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "Unknown(" + type + ", " + body.length + " bytes)";
    }
}
