package dev.roadwarrior.engine.ike.phase1;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest.Identity;
import dev.roadwarrior.engine.api.ConnectRequest.IdentityType;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.auth.TestPki;
import dev.roadwarrior.engine.ike.auth.TestPki.Issued;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdType;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A gateway certificate must name the identity the gateway claims and the one the profile expects. */
class CertificateIdentitiesTest {

    private static X509Certificate withNames;
    private static X509Certificate cnOnly;
    private static IdPayload dn;

    @BeforeAll
    static void pki() {
        Issued ca = TestPki.ca("C=DE, O=Lab, CN=Lab CA", 0);
        withNames = TestPki.endEntity(ca, "C=DE, O=Lab, CN=gw", 1, List.of(TestPki.dns("vpn.example.net"),
                TestPki.ip("203.0.113.2"), TestPki.email("admin@example.net"))).certificate();
        cnOnly = TestPki.endEntity(ca, "C=DE, O=Lab, CN=legacy.example.net", 1, List.of()).certificate();
        dn = new IdPayload(IdType.DER_ASN1_DN, 17, 500, withNames.getSubjectX500Principal().getEncoded());
    }

    @Test
    void distinguishedNamesMatchInAnyNotation() {
        for (String text : List.of("C=DE, O=Lab, CN=gw", "CN=gw,O=Lab,C=DE", "/C=DE/O=Lab/CN=gw", "c=de, o=lab, cn=GW")) {
            assertDoesNotThrow(() -> CertificateIdentities.check(withNames, dn, id(IdentityType.ASN1_DN, text)), text);
        }
        assertRejected(withNames, dn, id(IdentityType.ASN1_DN, "C=DE, O=Lab, CN=gw2"), FailureReason.IDENTITY_REJECTED);
        assertRejected(withNames, dn, id(IdentityType.ASN1_DN, "C=DE, CN=gw"), FailureReason.IDENTITY_REJECTED);
    }

    @Test
    void namesMatchSubjectAltNamesOrTheCommonName() {
        assertDoesNotThrow(() -> CertificateIdentities.check(withNames, dn, id(IdentityType.FQDN, "VPN.example.net")));
        assertDoesNotThrow(() -> CertificateIdentities.check(withNames, dn, id(IdentityType.ADDRESS, "203.0.113.2")));
        assertDoesNotThrow(() -> CertificateIdentities.check(withNames, dn,
                id(IdentityType.USER_FQDN, "admin@example.net")));
        IdPayload legacyDn = new IdPayload(IdType.DER_ASN1_DN, 17, 500, cnOnly.getSubjectX500Principal().getEncoded());
        assertDoesNotThrow(() -> CertificateIdentities.check(cnOnly, legacyDn, id(IdentityType.FQDN, "legacy.example.net")));
        assertRejected(withNames, dn, id(IdentityType.FQDN, "other.example.net"), FailureReason.IDENTITY_REJECTED);
        assertRejected(withNames, dn, id(IdentityType.ADDRESS, "203.0.113.3"), FailureReason.IDENTITY_REJECTED);
        assertRejected(withNames, dn, id(IdentityType.FQDN, "admin@example.net"), FailureReason.IDENTITY_REJECTED);
    }

    @Test
    void anyAcceptsEveryTrustedCertificateThatNamesTheClaimedIdentity() {
        assertDoesNotThrow(() -> CertificateIdentities.check(withNames, dn, id(IdentityType.ANY, "")));
        assertDoesNotThrow(() -> CertificateIdentities.check(withNames, new IdPayload(IdType.IPV4_ADDR, 17, 500,
                new byte[] {(byte) 203, 0, 113, 2}), id(IdentityType.ANY, "")));
        assertDoesNotThrow(() -> CertificateIdentities.check(withNames, text(IdType.FQDN, "vpn.example.net"),
                id(IdentityType.ADDRESS, "")));
    }

    @Test
    void aClaimTheCertificateDoesNotNameIsNotTrusted() {
        assertRejected(withNames, text(IdType.FQDN, "evil.example.net"), id(IdentityType.ANY, ""),
                FailureReason.CERTIFICATE_NOT_TRUSTED);
        assertRejected(withNames, new IdPayload(IdType.IPV4_ADDR, 17, 500, new byte[] {10, 0, 0, 1}),
                id(IdentityType.ANY, ""), FailureReason.CERTIFICATE_NOT_TRUSTED);
        assertRejected(withNames, new IdPayload(IdType.DER_ASN1_DN, 17, 500, cnOnly.getSubjectX500Principal().getEncoded()),
                id(IdentityType.ANY, ""), FailureReason.CERTIFICATE_NOT_TRUSTED);
        assertRejected(withNames, new IdPayload(IdType.DER_ASN1_DN, 17, 500, new byte[] {1, 2, 3}),
                id(IdentityType.ANY, ""), FailureReason.CERTIFICATE_NOT_TRUSTED);
    }

    @Test
    void aKeyIdIsComparedWithTheClaim() {
        assertDoesNotThrow(() -> CertificateIdentities.check(withNames, text(IdType.KEY_ID, "gw-key"),
                id(IdentityType.KEY_ID, "gw-key")));
        assertRejected(withNames, dn, id(IdentityType.KEY_ID, "gw-key"), FailureReason.IDENTITY_REJECTED);
    }

    @Test
    void ourDistinguishedNameComesFromTheProfileOrTheCertificate() throws Exception {
        IdPayload fromCertificate = Identities.local(id(IdentityType.ASN1_DN, ""), null, Optional.of(withNames));
        assertEquals(dn.idType(), fromCertificate.idType());
        assertEquals(withNames.getSubjectX500Principal(),
                new javax.security.auth.x500.X500Principal(fromCertificate.data()));
        IdPayload typed = Identities.local(id(IdentityType.ASN1_DN, "C=DE, O=Lab, CN=alice"), null, Optional.empty());
        assertEquals(new javax.security.auth.x500.X500Principal("CN=alice, O=Lab, C=DE"),
                new javax.security.auth.x500.X500Principal(typed.data()));
        ConnectException e = assertThrows(ConnectException.class,
                () -> Identities.local(id(IdentityType.ASN1_DN, ""), null, Optional.empty()));
        assertEquals(FailureReason.NOT_SUPPORTED, e.reason());
    }

    private static void assertRejected(X509Certificate c, IdPayload claimed, Identity expected, FailureReason reason) {
        ConnectException e = assertThrows(ConnectException.class, () -> CertificateIdentities.check(c, claimed, expected));
        assertEquals(reason, e.reason(), e.detail());
    }

    private static Identity id(IdentityType type, String data) {
        return new Identity(type, data);
    }

    private static IdPayload text(IdType type, String value) {
        return new IdPayload(type, 17, 500, value.getBytes(StandardCharsets.US_ASCII));
    }
}
