package dev.roadwarrior.engine.ike.keymat;

/** Byte-array helpers for this package. */
final class Bytes {

    private Bytes() {
    }

    /** A message ID as on the wire: four bytes, big-endian. */
    static byte[] messageId(int messageId) {
        return new byte[] {(byte) (messageId >>> 24), (byte) (messageId >>> 16), (byte) (messageId >>> 8), (byte) messageId};
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }
}
