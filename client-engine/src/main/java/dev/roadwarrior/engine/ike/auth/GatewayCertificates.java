package dev.roadwarrior.engine.ike.auth;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.FailureReason;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Decides whether the certificates a gateway sent are trusted: the end-entity certificate must
 * be valid now, usable for signatures, and chain (through any intermediates the gateway sent)
 * to one of the profile's certificate authorities, which are the only trust anchors. Revocation
 * is not checked (a road-warrior client usually cannot reach the CRL before the tunnel is up).
 * A profile "CA" that is the gateway's own certificate is accepted as a pinned certificate.
 *
 * <p>Whether the certificate belongs to the gateway the profile names is the caller's check.
 */
public final class GatewayCertificates {

    /** keyUsage bits: digitalSignature, nonRepudiation. */
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private final List<X509Certificate> authorities;
    private final InstantSource clock;

    /**
     * @param authorities the profile's CA certificates (at least one)
     * @param clock the time that "valid now" refers to
     */
    public GatewayCertificates(List<X509Certificate> authorities, InstantSource clock) {
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("no certificate authority");
        }
        this.authorities = List.copyOf(authorities);
        this.clock = clock;
    }

    /** The subjects of the trusted authorities, for certificate requests. */
    public List<X500Principal> authorityNames() {
        return authorities.stream().map(X509Certificate::getSubjectX500Principal).toList();
    }

    /**
     * Validates what the gateway sent and returns its end-entity certificate: the one that issued
     * none of the others (the first when that is ambiguous).
     *
     * @throws ConnectException CERTIFICATE_NOT_TRUSTED with the reason in the detail
     */
    public X509Certificate validate(List<X509Certificate> received) throws ConnectException {
        if (received.isEmpty()) {
            throw notTrusted("the gateway sent no certificate");
        }
        X509Certificate leaf = endEntity(received);
        String name = "the gateway's certificate \"" + leaf.getSubjectX500Principal() + "\"";
        Date now = Date.from(clock.instant());
        try {
            leaf.checkValidity(now);
        } catch (CertificateExpiredException e) {
            throw notTrusted(name + " expired on " + leaf.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw notTrusted(name + " is valid only from " + leaf.getNotBefore().toInstant());
        }
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !(usage.length > NON_REPUDIATION && (usage[DIGITAL_SIGNATURE] || usage[NON_REPUDIATION]))) {
            throw notTrusted(name + " is not meant for signatures (key usage)");
        }
        if (authorities.contains(leaf)) {
            return leaf;
        }
        try {
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate ca : authorities) {
                anchors.add(new TrustAnchor(ca, null));
            }
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
            params.setRevocationEnabled(false);
            params.setDate(now);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(received)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return leaf;
        } catch (GeneralSecurityException e) {
            throw notTrusted(name + ", issued by \"" + leaf.getIssuerX500Principal()
                    + "\", does not chain to the profile's certificate authority \""
                    + authorities.get(0).getSubjectX500Principal() + "\"");
        }
    }

    private static X509Certificate endEntity(List<X509Certificate> certs) {
        for (X509Certificate c : certs) {
            boolean issuesAnother = false;
            for (X509Certificate other : certs) {
                if (other != c && other.getIssuerX500Principal().equals(c.getSubjectX500Principal())) {
                    issuesAnother = true;
                    break;
                }
            }
            if (!issuesAnother) {
                return c;
            }
        }
        return certs.get(0);
    }

    private static ConnectException notTrusted(String detail) {
        return new ConnectException(FailureReason.CERTIFICATE_NOT_TRUSTED, detail);
    }
}
