package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.ike.IkeSession;
import java.net.InetSocketAddress;

/**
 * Creates the sans-IO IKE session of one connection once the runtime has resolved the gateway
 * and opened its sockets.
 *
 * <p>Threading: called on the connection's engine thread, once per connection.
 */
@FunctionalInterface
public interface IkeSessionFactory {

    /**
     * @param request the connection request
     * @param localIke the local address and port of the IKE socket (for NAT-D hashes); the address
     *     is the source address the host routes to the gateway, not a wildcard
     * @param localNatt the local address and port of the NAT-T socket
     * @param gateway the gateway's resolved IPv4 address with its IKE port ({@code request.ikePort()});
     *     its NAT-T port is {@code request.transport().nattPort()}
     * @return a new session, not yet started
     */
    IkeSession create(ConnectRequest request, InetSocketAddress localIke, InetSocketAddress localNatt,
            InetSocketAddress gateway);
}
