package dev.roadwarrior.engine.ike.codec.payload;

import java.util.Arrays;

/** A growable big-endian byte sink for payload bodies, with back-patching of length fields. */
final class BodyWriter {

    private byte[] buf = new byte[64];
    private int size;

    BodyWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    BodyWriter u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    BodyWriter u32(int v) {
        return u16(v >>> 16).u16(v);
    }

    BodyWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    int position() {
        return size;
    }

    /** Overwrites the 16-bit field at {@code pos} (a length written before the data it counts). */
    void patchU16(int pos, int v) {
        if (v > 0xffff) {
            throw new IllegalArgumentException("structure longer than 65535 bytes: " + v);
        }
        buf[pos] = (byte) (v >>> 8);
        buf[pos + 1] = (byte) v;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
