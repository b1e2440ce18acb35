package dev.roadwarrior.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.profiles.model.AuthMethod;
import dev.roadwarrior.profiles.model.Authentication;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.profiles.model.Identity;
import dev.roadwarrior.profiles.model.IdentityType;
import dev.roadwarrior.profiles.model.Profile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The certificate files and identities of a profile, as the engine gets them. */
class ConnectRequestsCertificatesTest {

    private static final byte[] CA = {1, 1};
    private static final byte[] CERT = {2, 2};
    private static final byte[] KEY = {3, 3};

    private static ConnectRequest request(AuthMethod method, Identity local, Identity remote) {
        Profile p = Profile.builder("p", "gw.example.net")
                .authentication(new Authentication(method, local, remote,
                        Optional.of(new CertificateFile("ca.pem", CA)), Optional.of(new CertificateFile("me.pem", CERT)),
                        Optional.of(new CertificateFile("me.key", KEY))))
                .build();
        return ConnectRequests.of(p, new byte[0], Optional.of("alice"), Optional.of("pw".toCharArray()),
                Optional.of("s3cr3t-phrase".toCharArray()));
    }

    @Test
    void mutualRsaPassesAllFilesAndThePassphrase() {
        ConnectRequest r = request(AuthMethod.MUTUAL_RSA_XAUTH, Identity.of(IdentityType.ASN1DN),
                Identity.of(IdentityType.ASN1DN, "CN=gw"));
        ConnectRequest.Credentials c = r.credentials();
        assertArrayEquals(CA, c.caCertificate());
        assertArrayEquals(CERT, c.clientCertificate());
        assertArrayEquals(KEY, c.clientKey());
        assertEquals("s3cr3t-phrase", new String(c.keyPassphrase().orElseThrow()));
        assertEquals(ConnectRequest.IdentityType.ASN1_DN, r.phase1().localId().type());
        assertEquals("", r.phase1().localId().data(), "empty: the certificate's subject");
        assertEquals(new ConnectRequest.Identity(ConnectRequest.IdentityType.ASN1_DN, "CN=gw"), r.phase1().remoteId());
        assertTrue(c.toString().contains("key=(set)") && !c.toString().contains("s3cr3t"), c.toString());
    }

    @Test
    void hybridPassesOnlyTheCertificateAuthority() {
        ConnectRequest r = request(AuthMethod.HYBRID_RSA_XAUTH, Identity.of(IdentityType.KEYID, "grp"),
                Identity.of(IdentityType.ANY));
        ConnectRequest.Credentials c = r.credentials();
        assertArrayEquals(CA, c.caCertificate());
        assertEquals(0, c.clientCertificate().length);
        assertEquals(0, c.clientKey().length);
        assertEquals(Optional.empty(), c.keyPassphrase());
    }

    @Test
    void preSharedKeyMethodsPassNoCertificates() {
        ConnectRequest r = request(AuthMethod.MUTUAL_PSK, Identity.of(IdentityType.FQDN, "me"),
                Identity.of(IdentityType.ADDRESS));
        assertEquals(0, r.credentials().caCertificate().length);
        assertEquals(0, r.credentials().clientKey().length);
        assertEquals(new ConnectRequest.Identity(ConnectRequest.IdentityType.ADDRESS, ""), r.phase1().remoteId());
    }
}
