/**
 * The engine runtime: the only part of the engine with sockets and threads. It reads no clock of
 * its own: {@link dev.roadwarrior.engine.runtime.LocalVpnEngine}'s caller hands it a monotonic and
 * a wall clock.
 *
 * <p>A connection is the event loop {@link dev.roadwarrior.engine.runtime.Connection}, with its
 * timers ({@link dev.roadwarrior.engine.runtime.ConnectionTimers}), the dispatcher of the
 * session's outputs ({@link dev.roadwarrior.engine.runtime.OutputDispatcher}) and the one place
 * that announces its state and events ({@link dev.roadwarrior.engine.runtime.Announcer}).
 *
 * <p>{@link dev.roadwarrior.engine.runtime.LocalVpnEngine} runs one connection at a time in this
 * process. Per connection there are two threads:
 * <ul>
 *   <li>{@code rw-ike}: resolves the gateway, owns the two UDP sockets (IKE port and NAT-T port)
 *       and a selector ({@link dev.roadwarrior.engine.runtime.GatewaySockets}, reopened from new
 *       ports when the session reconnects), drives the sans-IO
 *       {@link dev.roadwarrior.engine.ike.IkeSession} (datagrams in, timer ticks, data plane
 *       reports and network changes in, outputs carried out), decapsulates ESP
 *       ({@link dev.roadwarrior.engine.runtime.DataPlane}) and writes it to the TUN device, sends NAT
 *       keepalives, configures and restores the host
 *       ({@link dev.roadwarrior.engine.runtime.HostTunnel}), and delivers the events.</li>
 *   <li>{@code rw-tun}: blocks reading the TUN device and sends each packet as UDP-encapsulated ESP
 *       with the current outbound SA.</li>
 * </ul>
 *
 * <p>ESP is carried only in UDP (RFC 3948) on the NAT-T socket: raw IP protocol 50 needs raw
 * sockets, which Java does not offer. A gateway that does not agree to UDP encapsulation makes the
 * connection fail with {@link dev.roadwarrior.engine.api.FailureReason#NOT_SUPPORTED}.
 */
package dev.roadwarrior.engine.runtime;
