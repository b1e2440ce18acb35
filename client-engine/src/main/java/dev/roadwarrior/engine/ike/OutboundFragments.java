package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.FragmentationMode;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.Fragmenter;
import java.util.List;

/**
 * Whether and how an outgoing ISAKMP message is cut into IKE fragments: the profile's mode, what
 * the gateway announced, the profile's fragment size and the path MTU learned since. Owns the
 * fragment IDs of one SA.
 *
 * <p>Threading: confined to the engine thread.
 */
final class OutboundFragments {

    private final IkeSa sa;
    private int fragmentId;

    OutboundFragments(IkeSa sa) {
        this.sa = sa;
    }

    /** The datagram itself, or its fragments when fragmentation is due. */
    List<byte[]> datagrams(byte[] datagram) {
        FragmentationMode mode = sa.request().transport().fragmentation();
        // the profile's fragment size, or less when the path towards the gateway turned out smaller (IPv4 + UDP headers)
        int limit = Math.min(sa.request().transport().fragmentSize(), sa.pathMtu() - 28) - (sa.nattActive() ? 4 : 0);
        boolean due = mode == FragmentationMode.FORCE
                || mode == FragmentationMode.ENABLE && sa.peerFeatures().contains(IkeSa.PeerFeature.FRAGMENTATION);
        if (!due || datagram.length <= limit || limit <= Fragmenter.OVERHEAD) {
            return List.of(datagram);
        }
        ExchangeType phase1 = sa.request().phase1().exchange() == ConnectRequest.ExchangeMode.MAIN
                ? ExchangeType.MAIN_MODE : ExchangeType.AGGRESSIVE;
        fragmentId = (fragmentId + 1) & 0xffff;
        return Fragmenter.split(datagram, phase1, fragmentId, limit);
    }
}
