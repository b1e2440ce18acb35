package dev.roadwarrior.engine.ike.codec;

import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.PayloadType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An IKEv1 message in its cleartext form: the ISAKMP header and the payload chain. Immutable.
 *
 * <p>The message keeps the exact bytes of its payload chain: as received for a decoded message, as
 * encoded for a built one. HASH and signature inputs are taken from there ({@link #rawBody},
 * {@link #payloadsAfter}), so they match the peer's bytes even where a re-encoding would differ
 * (non-zero reserved fields, odd attribute forms).
 *
 * <p>Encryption is the caller's: encrypt {@link #encodePayloads()} (padded) and send
 * {@link #encodeWithBody(byte[])}; on receipt decrypt bytes {@link IkeHeader#SIZE} to
 * {@link IkeHeader#length()} and call {@link #decode(IkeHeader, byte[])}.
 *
 * <p>Pitfall: a message whose first payload is a {@link FragmentPayload} is cleartext even when
 * its encryption flag is set (racoon copies the flag from the fragmented message's header).
 */
public final class IkeMessage {

    private final IkeHeader header;
    private final List<Payload> payloads;
    /** The payload chain; offsets[i] is where payload i starts, offsets[size] the chain's end. */
    private final byte[] chain;
    private final int[] offsets;

    /**
     * Builds a message. The header's next payload becomes the first payload's type and its length
     * 28 plus the encoded chain.
     */
    public IkeMessage(IkeHeader header, List<Payload> payloads) {
        this.payloads = List.copyOf(payloads);
        this.offsets = new int[this.payloads.size() + 1];
        this.chain = encodeChain(this.payloads, offsets);
        this.header = header.withNextPayload(this.payloads.isEmpty() ? PayloadType.NONE : this.payloads.get(0).type())
                .withLength(IkeHeader.SIZE + chain.length);
    }

    private IkeMessage(IkeHeader header, List<Payload> payloads, byte[] chain, int[] offsets) {
        this.header = header;
        this.payloads = List.copyOf(payloads);
        this.chain = chain;
        this.offsets = offsets;
    }

    /**
     * Decodes a cleartext datagram (its header's length field bounds the message).
     *
     * @throws IkeProtocolException INVALID_FLAGS when the message is encrypted (and not a
     *     fragment); PAYLOAD_MALFORMED, INVALID_PAYLOAD_TYPE and the errors of the payload
     *     decoders for malformed input
     */
    public static IkeMessage decode(byte[] datagram) throws IkeProtocolException {
        IkeHeader header = IkeHeader.decode(datagram);
        if (header.isEncrypted() && !header.nextPayload().equals(PayloadType.FRAGMENT)) {
            throw new IkeProtocolException(NotifyType.INVALID_FLAGS, "message is encrypted");
        }
        return decode(header, Arrays.copyOfRange(datagram, IkeHeader.SIZE, header.length()));
    }

    /**
     * Decodes the payload chain of a message whose header was already read; for an encrypted
     * message {@code body} is the decrypted plaintext. Bytes after the last payload (the
     * encryption padding) are ignored.
     */
    public static IkeMessage decode(IkeHeader header, byte[] body) throws IkeProtocolException {
        ByteBuffer in = ByteBuffer.wrap(body);
        List<Payload> payloads = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        PayloadType type = header.nextPayload();
        while (!type.equals(PayloadType.NONE)) {
            if (type.equals(PayloadType.PROPOSAL) || type.equals(PayloadType.TRANSFORM)) {
                throw new IkeProtocolException(NotifyType.INVALID_PAYLOAD_TYPE, type + " outside an SA payload");
            }
            if (in.remaining() < 4) {
                throw IkeHeader.malformed(type + " payload header truncated");
            }
            starts.add(in.position());
            PayloadType next = new PayloadType(in.get() & 0xff);
            in.get(); // reserved
            int length = in.getShort() & 0xffff;
            if (length < 4 || length - 4 > in.remaining()) {
                throw IkeHeader.malformed(type + " payload length " + length + " with " + (in.remaining() + 4)
                        + " bytes left");
            }
            ByteBuffer payloadBody = in.slice();
            payloadBody.limit(length - 4);
            in.position(in.position() + length - 4);
            payloads.add(Payload.decode(type, payloadBody));
            type = next;
        }
        int[] offsets = new int[starts.size() + 1];
        for (int i = 0; i < starts.size(); i++) {
            offsets[i] = starts.get(i);
        }
        offsets[starts.size()] = in.position();
        return new IkeMessage(header, payloads, Arrays.copyOf(body, in.position()), offsets);
    }

    /**
     * Encodes payloads as a chain (each with its generic header), e.g. the payloads that follow a
     * HASH payload, to compute the hash before the message is built.
     */
    public static byte[] encodeChain(List<Payload> payloads) {
        return encodeChain(payloads, new int[payloads.size() + 1]);
    }

    private static byte[] encodeChain(List<Payload> payloads, int[] offsets) {
        List<byte[]> bodies = new ArrayList<>();
        int total = 0;
        for (Payload p : payloads) {
            byte[] body = p.encodeBody();
            if (body.length > 0xffff - 4) {
                throw new IllegalArgumentException(p.type() + " payload body too long: " + body.length);
            }
            bodies.add(body);
            total += 4 + body.length;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (int i = 0; i < payloads.size(); i++) {
            offsets[i] = out.position();
            PayloadType next = i + 1 < payloads.size() ? payloads.get(i + 1).type() : PayloadType.NONE;
            out.put((byte) next.value()).put((byte) 0).putShort((short) (4 + bodies.get(i).length)).put(bodies.get(i));
        }
        offsets[payloads.size()] = total;
        return out.array();
    }

    /** The header: as received, or as it will be encoded for a built message. */
    public IkeHeader header() {
        return header;
    }

    public List<Payload> payloads() {
        return payloads;
    }

    /** The cleartext datagram: header (length = 28 + chain) and payload chain. */
    public byte[] encode() {
        return encodeWithBody(chain);
    }

    /** The payload chain without the header: the plaintext to encrypt. */
    public byte[] encodePayloads() {
        return chain.clone();
    }

    /**
     * The header (its length set to 28 plus {@code body}) followed by {@code body}, e.g. the
     * ciphertext of {@link #encodePayloads()} for a message whose header has the encryption flag.
     */
    public byte[] encodeWithBody(byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(IkeHeader.SIZE + body.length);
        header.withLength(IkeHeader.SIZE + body.length).encode(out);
        return out.put(body).array();
    }

    /** Payload {@code index} with its generic header, as received or encoded. */
    public byte[] rawPayload(int index) {
        return Arrays.copyOfRange(chain, offsets[index], offsets[index + 1]);
    }

    /** The body of payload {@code index} without its generic header (e.g. SAi_b, IDir_b). */
    public byte[] rawBody(int index) {
        return Arrays.copyOfRange(chain, offsets[index] + 4, offsets[index + 1]);
    }

    /**
     * All payloads after payload {@code index}, generic headers included, as received or encoded:
     * the input of HASH(1)/HASH(2) when {@code index} is that of the HASH payload.
     */
    public byte[] payloadsAfter(int index) {
        return Arrays.copyOfRange(chain, offsets[index + 1], offsets[payloads.size()]);
    }

    /** The index of the first payload of the given class, or -1. */
    public int indexOf(Class<? extends Payload> type) {
        for (int i = 0; i < payloads.size(); i++) {
            if (type.isInstance(payloads.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The first payload of the given class. */
    public <T extends Payload> Optional<T> first(Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** All payloads of the given class, in order. */
    public <T extends Payload> List<T> all(Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public String toString() {
        return header + " " + payloads;
    }
}
