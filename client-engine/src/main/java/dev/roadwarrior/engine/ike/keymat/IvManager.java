package dev.roadwarrior.engine.ike.keymat;

import dev.roadwarrior.engine.crypto.Hasher;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CBC IV chains of one ISAKMP SA (RFC 2409 Appendix B), one per message ID.
 * <ul>
 * <li>Phase 1 (message ID 0) starts at hash(g^xi | g^xr), truncated to the block size, with the
 *     negotiated hash function itself (not its HMAC).
 * <li>Every other exchange (quick mode, informational, transaction) starts at
 *     hash(phase-1 IV | M-ID), taken from the phase-1 IV as it is when the exchange is first
 *     seen: after phase 1 that is the last cipher block of its last encrypted message. Exchanges
 *     never derive from one another.
 * <li>Within an exchange the IV for the next message, in either direction, is the last cipher
 *     block of the previous one.
 * </ul>
 * A new last block is first {@link #update staged} and only takes effect on {@link #confirm}:
 * for a sent message right away, for a received one after its HASH verified, so a forged or
 * corrupt message cannot break the chain.
 *
 * <p>At most {@value #MAX_EXCHANGES} chains besides phase 1 are kept; the least recently used
 * is dropped beyond that.
 *
 * <p>Threading: confine an instance to the engine thread.
 */
public final class IvManager {

    /** How many non-phase-1 chains are kept. */
    public static final int MAX_EXCHANGES = 8;

    private final Hasher hasher;
    private final int blockSize;
    private final Chain phase1;
    private final Map<Integer, Chain> exchanges = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Chain> eldest) {
            return size() > MAX_EXCHANGES;
        }
    };

    /**
     * @param hasher the negotiated phase-1 hash
     * @param blockSize the negotiated cipher's block size in bytes
     * @param publicI the initiator's KE payload body, g^xi
     * @param publicR the responder's KE payload body, g^xr
     */
    public IvManager(Hasher hasher, int blockSize, byte[] publicI, byte[] publicR) {
        if (blockSize <= 0 || blockSize > hasher.outputLength()) {
            throw new IllegalArgumentException("block size " + blockSize + " does not fit " + hasher.algorithm());
        }
        this.hasher = hasher;
        this.blockSize = blockSize;
        this.phase1 = new Chain(Arrays.copyOf(hasher.digest(publicI, publicR), blockSize));
    }

    /** The IV for the next message with {@code messageId}, starting a chain if there is none. */
    public byte[] iv(int messageId) {
        return chain(messageId).iv.clone();
    }

    /** Stages the last cipher block of a message with {@code messageId} as the next IV. */
    public void update(int messageId, byte[] lastBlock) {
        if (lastBlock.length != blockSize) {
            throw new IllegalArgumentException("last block must have " + blockSize + " bytes, got " + lastBlock.length);
        }
        chain(messageId).pending = lastBlock.clone();
    }

    /** Makes the staged block the IV for {@code messageId}; does nothing if none is staged. */
    public void confirm(int messageId) {
        Chain chain = chain(messageId);
        if (chain.pending != null) {
            chain.iv = chain.pending;
            chain.pending = null;
        }
    }

    /** Drops the chain of a finished exchange. Phase 1 (message ID 0) is never dropped. */
    public void forget(int messageId) {
        exchanges.remove(messageId);
    }

    private Chain chain(int messageId) {
        if (messageId == 0) {
            return phase1;
        }
        return exchanges.computeIfAbsent(messageId,
                id -> new Chain(Arrays.copyOf(hasher.digest(phase1.iv, Bytes.messageId(id)), blockSize)));
    }

    /** The current IV of one exchange and the block staged to replace it. */
    private static final class Chain {
        byte[] iv;
        byte[] pending;

        Chain(byte[] iv) {
            this.iv = iv;
        }
    }
}
