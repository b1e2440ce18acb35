package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * What every ISAKMP SA of one connection is made from: the request and its {@link KeptCredentials},
 * crypto, the local sockets' addresses (new ones after a reconnect), the gateway, retransmission,
 * randomness, the clock and the path MTU learned so far. Makes the {@link IkeClient}'s sessions.
 *
 * <p>Threading: confined to the engine thread.
 */
final class SessionTemplate {

    private final KeptCredentials credentials;
    private final IkeCrypto crypto;
    private final InetSocketAddress gateway;
    private final RetransmitPolicy policy;
    private final RandomGenerator random;
    private final InstantSource wall;
    private final Consumer<IkeOutput> out;
    private InetSocketAddress localIke;
    private InetSocketAddress localNatt;
    private int pathMtu = Integer.MAX_VALUE;

    SessionTemplate(ConnectRequest request, IkeCrypto crypto, InetSocketAddress localIke, InetSocketAddress localNatt,
            InetSocketAddress gateway, RetransmitPolicy policy, RandomGenerator random, InstantSource wall,
            Consumer<IkeOutput> out) {
        this.credentials = new KeptCredentials(request);
        this.crypto = crypto;
        this.localIke = localIke;
        this.localNatt = localNatt;
        this.gateway = gateway;
        this.policy = policy;
        this.random = random;
        this.wall = wall;
        this.out = out;
    }

    KeptCredentials credentials() {
        return credentials;
    }

    /** The local addresses of the sockets opened after a reconnect. */
    void sockets(InetSocketAddress ike, InetSocketAddress natt) {
        localIke = ike;
        localNatt = natt;
    }

    /** The path MTU learned (see {@link IkeSession#pathMtu}), for the sessions made from now on. */
    void pathMtu(int bytes) {
        pathMtu = bytes;
    }

    /** A new session with its own copy of the credentials (not started yet). */
    IkeSaSession session(SessionPurpose purpose, Optional<Inet4Address> preferredAddress) {
        IkeSaSession s = new IkeSaSession(credentials.forSession(), crypto, localIke, localNatt, gateway, policy, random,
                wall, purpose, preferredAddress, out);
        s.pathMtu(pathMtu);
        return s;
    }
}
