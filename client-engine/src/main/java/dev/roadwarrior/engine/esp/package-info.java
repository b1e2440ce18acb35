/**
 * The userspace ESP data plane: RFC 4303 tunnel mode for IPv4, optionally inside UDP (RFC 3948).
 *
 * <p>The IKE engine creates one {@link dev.roadwarrior.engine.esp.EspSa} per direction from the
 * Quick Mode result ({@link dev.roadwarrior.engine.esp.EspTransform#fromIke} maps the negotiated
 * values; the KEYMAT is split encryption key first, then integrity key) and installs them in a
 * {@link dev.roadwarrior.engine.esp.SaTable}. The runtime passes packets from the TUN device and
 * from the UDP socket through an {@link dev.roadwarrior.engine.esp.EspProcessor}; datagrams on port
 * 4500 are told apart with {@link dev.roadwarrior.engine.esp.UdpEncapsulation}.
 *
 * <p>Nothing here does I/O or starts threads. Ciphers come from {@code javax.crypto}; the Bouncy
 * Castle provider is used only where the JDK lacks an algorithm (CAST-128, GCM with an 8-byte ICV).
 */
package dev.roadwarrior.engine.esp;
