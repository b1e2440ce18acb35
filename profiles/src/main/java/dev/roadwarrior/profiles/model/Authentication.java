package dev.roadwarrior.profiles.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Phase 1 authentication: the Shrew "Authentication" tab. The group password (pre-shared key) is
 * a secret and is not part of the profile; it lives in the secret store.
 *
 * @param method the authentication method
 * @param local the identity the client sends (never {@link IdentityType#ANY})
 * @param remote the identity expected from the gateway (never {@link IdentityType#NONE})
 * @param serverCertificate the CA certificate that checks the gateway ("Certificate Authority File")
 * @param clientCertificate the client's certificate
 * @param clientKey the client's private key
 */
public record Authentication(AuthMethod method, Identity local, Identity remote,
        Optional<CertificateFile> serverCertificate, Optional<CertificateFile> clientCertificate,
        Optional<CertificateFile> clientKey) {

    public Authentication {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
        if (local.type() == IdentityType.ANY) {
            throw new IllegalArgumentException("the local identity cannot be 'any'");
        }
        if (remote.type() == IdentityType.NONE) {
            throw new IllegalArgumentException("the remote identity cannot be 'none'");
        }
        serverCertificate = Objects.requireNonNullElse(serverCertificate, Optional.empty());
        clientCertificate = Objects.requireNonNullElse(clientCertificate, Optional.empty());
        clientKey = Objects.requireNonNullElse(clientKey, Optional.empty());
    }
}
