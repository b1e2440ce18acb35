package dev.roadwarrior.engine.ike.auth;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Our own certificate and the RSA private key that belongs to it, read by
 * {@link CertificateFiles#clientCredential}.
 *
 * @param certificate our end-entity certificate
 * @param intermediates CA certificates to send along with it (never a self-signed root)
 * @param privateKey the key matching {@code certificate}'s public key
 */
public record ClientCredential(X509Certificate certificate, List<X509Certificate> intermediates,
        PrivateKey privateKey) {

    public ClientCredential {
        intermediates = List.copyOf(intermediates);
    }

    @Override
    public String toString() {
        return "ClientCredential[" + certificate.getSubjectX500Principal() + ", " + intermediates.size()
                + " intermediates, key (set)]";
    }
}
