package dev.roadwarrior.engine.ike.codec.payload;

import java.util.Arrays;

/**
 * The value of a payload whose length is known only to the reader (a hash, a NAT-D hash, a
 * signature, a vendor ID), without the 1 to 3 zero bytes libreswan and Openswan put at the end of
 * a message's last payload to make the message a multiple of 4 bytes (their default
 * {@code ikepad=yes}). Decoders of such payloads keep every byte; the code that knows the
 * expected length compares through {@link #trim}.
 *
 * <p>Stateless; any thread.
 */
public final class ZeroPadding {

    private ZeroPadding() {
    }

    /**
     * The first {@code length} bytes of {@code data} when the bytes after them are 1 to 3 zero
     * bytes; otherwise {@code data} itself (which then simply fails the caller's comparison).
     */
    public static byte[] trim(byte[] data, int length) {
        int extra = data.length - length;
        if (length < 0 || extra < 1 || extra > 3) {
            return data;
        }
        for (int i = length; i < data.length; i++) {
            if (data[i] != 0) {
                return data;
            }
        }
        return Arrays.copyOf(data, length);
    }
}
