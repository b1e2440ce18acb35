package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A data attribute (RFC 2408 §3.3), used in transforms and in the attribute payload. The
 * Attribute Format bit (AF) selects the basic form (TV: a 16-bit value in place of the length) or
 * the variable form (TLV). The form is kept, so a decoded attribute encodes to the same bytes.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !A!       Attribute Type        !    AF=0  Attribute Length     !
 * !F!                             !    AF=1  Attribute Value      !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * .                   AF=0  Attribute Value                       .
 * .                   AF=1  Not Transmitted                       .
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Pitfall: peers may send any number in either form (e.g. a life duration of 28800 as TV or as a
 * 4-byte TLV); read numbers with {@link #longValue()}, which accepts both.
 *
 * @param type the attribute type, 0 to 32767 (without the AF bit)
 * @param basic true for the TV form (AF=1), whose value is exactly 2 bytes
 * @param value the value bytes; at most 65535 of them in the TLV form
 */
public record DataAttribute(int type, boolean basic, byte[] value) {

    private static final int AF = 0x8000;

    public DataAttribute {
        if (type < 0 || type > 0x7fff) {
            throw new IllegalArgumentException("attribute type out of range: " + type);
        }
        if (basic ? value.length != 2 : value.length > 0xffff) {
            throw new IllegalArgumentException("bad value length " + value.length + " for attribute " + type);
        }
        value = value.clone();
    }

    /** A TV attribute with a 16-bit value. */
    public static DataAttribute basic(int type, int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("basic attribute value out of range: " + value);
        }
        return new DataAttribute(type, true, new byte[] {(byte) (value >>> 8), (byte) value});
    }

    /** A TLV attribute; an empty value asks for the attribute in a Mode Config request. */
    public static DataAttribute variable(int type, byte[] value) {
        return new DataAttribute(type, false, value);
    }

    /** A TLV attribute holding a UTF-8 string. */
    public static DataAttribute variable(int type, String value) {
        return variable(type, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A number in the shortest form: TV when it fits 16 bits, else a TLV of 4 bytes (or 8 when it
     * exceeds 32 bits), as RFC 2409 life durations are sent.
     */
    public static DataAttribute ofLong(int type, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative attribute value: " + value);
        }
        if (value <= 0xffff) {
            return basic(type, (int) value);
        }
        return variable(type, value <= 0xffffffffL
                ? ByteBuffer.allocate(4).putInt((int) value).array()
                : ByteBuffer.allocate(8).putLong(value).array());
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /**
     * The value as an unsigned number, from either form; a TLV value may have any length up to 8
     * significant bytes (leading zero bytes are ignored).
     *
     * @throws IkeProtocolException PAYLOAD_MALFORMED for an empty TLV value, ATTRIBUTES_NOT_SUPPORTED
     *     for a number that does not fit 63 bits
     */
    public long longValue() throws IkeProtocolException {
        if (value.length == 0) {
            throw Wire.malformed("attribute " + type + " has no value");
        }
        long v = 0;
        for (byte b : value) {
            if ((v >>> 55) != 0) {
                throw new IkeProtocolException(NotifyType.ATTRIBUTES_NOT_SUPPORTED,
                        "attribute " + type + " value too large");
            }
            v = v << 8 | (b & 0xff);
        }
        return v;
    }

    /** The value as UTF-8 text (Mode Config strings such as banners and domains). */
    public String stringValue() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** Reads one attribute. */
    public static DataAttribute decode(ByteBuffer in) throws IkeProtocolException {
        int typeField = Wire.u16(in, "attribute type");
        if ((typeField & AF) != 0) {
            return new DataAttribute(typeField & 0x7fff, true, Wire.bytes(in, 2, "attribute value"));
        }
        int length = Wire.u16(in, "attribute length");
        return new DataAttribute(typeField, false, Wire.bytes(in, length, "attribute " + typeField + " value"));
    }

    /**
     * Reads attributes until the buffer is exhausted; 1 to 3 zero bytes at the end, too few for an
     * attribute header, are padding and skipped (libreswan pads messages inside the last payload).
     */
    public static List<DataAttribute> decodeAll(ByteBuffer in) throws IkeProtocolException {
        List<DataAttribute> list = new ArrayList<>();
        while (in.hasRemaining()) {
            if (Wire.isPadding(in)) {
                in.position(in.limit());
                break;
            }
            list.add(decode(in));
        }
        return List.copyOf(list);
    }

    void encode(BodyWriter out) {
        if (basic) {
            out.u16(type | AF).bytes(value);
        } else {
            out.u16(type).u16(value.length).bytes(value);
        }
    }

    static void encodeAll(List<DataAttribute> attributes, BodyWriter out) {
        for (DataAttribute a : attributes) {
            a.encode(out);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataAttribute a && a.type == type && a.basic == basic && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return (type * 31 + (basic ? 1 : 0)) * 31 + Arrays.hashCode(value);
    }

    /** Shows basic values; never variable values, which may be XAuth secrets. */
    @Override
    public String toString() {
        return basic ? "Attr(" + type + "=" + ((value[0] & 0xff) << 8 | (value[1] & 0xff)) + ")"
                : "Attr(" + type + ", " + value.length + " bytes)";
    }
}
