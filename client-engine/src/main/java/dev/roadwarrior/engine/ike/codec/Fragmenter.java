package dev.roadwarrior.engine.ike.codec;

import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits an encoded datagram (as sent: header included, already encrypted) into Cisco IKE
 * fragments, for peers that announced the FRAGMENTATION vendor ID.
 *
 * <p>Each fragment is a message of its own: an ISAKMP header with the original cookies, message
 * ID 0, no flags and the given exchange type (strongSwan's choice: the phase 1 exchange type, even
 * for Quick Mode and transaction messages; racoon instead copies the original header), followed
 * by one fragment payload. Fragments are numbered from 1 and the last carries the last flag.
 */
public final class Fragmenter {

    /** ISAKMP header plus fragment payload header. */
    public static final int OVERHEAD = IkeHeader.SIZE + 8;
    private static final int MAX_FRAGMENTS = 255;

    private Fragmenter() {
    }

    /**
     * The fragment messages of {@code datagram}; always fragments, even when it would fit in one
     * message: the caller decides when fragmentation is due.
     *
     * @param exchangeType the exchange type of the fragment messages (the phase 1 exchange)
     * @param fragmentId the ID shared by all fragments of this datagram, 0 to 65535
     * @param maxMessageSize the largest fragment message in bytes: the UDP payload allowed by the
     *     path MTU less any non-ESP marker; more than {@link #OVERHEAD}
     * @throws IllegalArgumentException when the datagram is shorter than a header or would need
     *     more than 255 fragments
     */
    public static List<byte[]> split(byte[] datagram, ExchangeType exchangeType, int fragmentId, int maxMessageSize) {
        if (datagram.length < IkeHeader.SIZE || maxMessageSize <= OVERHEAD) {
            throw new IllegalArgumentException("cannot fragment " + datagram.length + " bytes into messages of "
                    + maxMessageSize);
        }
        int share = maxMessageSize - OVERHEAD;
        int count = (datagram.length + share - 1) / share;
        if (count > MAX_FRAGMENTS) {
            throw new IllegalArgumentException(datagram.length + " bytes need " + count + " fragments");
        }
        ByteBuffer original = ByteBuffer.wrap(datagram);
        IkeHeader header = IkeHeader.of(original.getLong(), original.getLong(), exchangeType, 0, 0);
        List<byte[]> fragments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] data = Arrays.copyOfRange(datagram, i * share, Math.min(datagram.length, (i + 1) * share));
            FragmentPayload fragment = new FragmentPayload(fragmentId, i + 1, i == count - 1, data);
            fragments.add(new IkeMessage(header, List.of(fragment)).encode());
        }
        return List.copyOf(fragments);
    }
}
