package dev.roadwarrior.systemtest;

import java.nio.file.Path;

/**
 * PEM files that give the gateway an RSA identity (for {@link GatewayConfig.Auth#RSA_XAUTH} and
 * {@link GatewayConfig.Auth#HYBRID}). {@link StrongswanGateway} copies them into its swanctl
 * directory; the CA certificate is trusted for client certificates too.
 *
 * @param certificate   the gateway certificate
 * @param privateKey    its private key (unencrypted PEM)
 * @param caCertificate the CA that issued it
 */
public record GatewayCertificate(Path certificate, Path privateKey, Path caCertificate) {
}
