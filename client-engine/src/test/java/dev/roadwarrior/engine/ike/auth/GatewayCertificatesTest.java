package dev.roadwarrior.engine.ike.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.auth.TestPki.Issued;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Trust in the gateway's certificate: the profile's CA as the only anchor, validity now, key usage. */
class GatewayCertificatesTest {

    private static Issued ca;
    private static Issued gateway;
    private static GatewayCertificates trust;

    @BeforeAll
    static void pki() {
        ca = TestPki.ca("O=Lab, CN=Lab CA", 0);
        gateway = TestPki.endEntity(ca, "O=Lab, CN=gw.example.net", 1, List.of(TestPki.dns("gw.example.net")));
        trust = new GatewayCertificates(List.of(ca.certificate()), Clock.systemUTC());
    }

    @Test
    void aCertificateFromTheProfilesCaIsTrusted() throws Exception {
        assertEquals(gateway.certificate(), trust.validate(List.of(gateway.certificate())));
        assertEquals(List.of(ca.certificate().getSubjectX500Principal()), trust.authorityNames());
    }

    @Test
    void intermediatesTheGatewaySendsAreUsedInAnyOrder() throws Exception {
        Issued sub = TestPki.intermediate(ca, "O=Lab, CN=Sub CA", 2);
        Issued leaf = TestPki.endEntity(sub, "O=Lab, CN=gw2", 3, List.of());
        assertEquals(leaf.certificate(), trust.validate(List.of(leaf.certificate(), sub.certificate())));
        assertEquals(leaf.certificate(), trust.validate(List.of(sub.certificate(), leaf.certificate())));
        assertNotTrusted(List.of(leaf.certificate()), "does not chain");
    }

    @Test
    void aCertificateFromAnotherCaIsNotTrusted() {
        Issued other = TestPki.ca("O=Elsewhere, CN=Other CA", 2);
        Issued stranger = TestPki.endEntity(other, "O=Lab, CN=gw.example.net", 1, List.of(TestPki.dns("gw.example.net")));
        String detail = assertNotTrusted(List.of(stranger.certificate()), "does not chain");
        assertTrue(detail.contains("Other CA") && detail.contains("Lab CA"), detail);
        assertNotTrusted(List.of(stranger.certificate(), other.certificate()), "does not chain");
    }

    @Test
    void expiredAndNotYetValidCertificatesAreNotTrusted() {
        Instant now = Instant.now();
        Issued expired = TestPki.endEntity(ca, "CN=old", 1, List.of(), now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(1)), true);
        assertNotTrusted(List.of(expired.certificate()), "expired");
        Issued future = TestPki.endEntity(ca, "CN=new", 1, List.of(), now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(60)), true);
        assertNotTrusted(List.of(future.certificate()), "valid only from");
        GatewayCertificates later = new GatewayCertificates(List.of(ca.certificate()),
                Clock.fixed(now.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        assertThrows(ConnectException.class, () -> later.validate(List.of(expired.certificate())));
    }

    @Test
    void aCertificateNotMeantForSignaturesIsNotTrusted() {
        Issued encryptOnly = TestPki.endEntity(ca, "CN=enc", 1, List.of(), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(1)), false);
        assertNotTrusted(List.of(encryptOnly.certificate()), "signatures");
    }

    @Test
    void noCertificateIsNotTrusted() {
        assertNotTrusted(List.of(), "no certificate");
    }

    @Test
    void theGatewaysOwnCertificateAsCaIsAPin() throws Exception {
        GatewayCertificates pinned = new GatewayCertificates(List.of(gateway.certificate()), Clock.systemUTC());
        assertEquals(gateway.certificate(), pinned.validate(List.of(gateway.certificate())));
    }

    private static String assertNotTrusted(List<X509Certificate> certs, String words) {
        ConnectException e = assertThrows(ConnectException.class, () -> trust.validate(certs));
        assertEquals(FailureReason.CERTIFICATE_NOT_TRUSTED, e.reason());
        assertTrue(e.detail().contains(words), e.detail());
        return e.detail();
    }
}
