package dev.roadwarrior.engine.ike.phase1;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest.Identity;
import dev.roadwarrior.engine.api.ConnectRequest.IdentityType;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Whether a (trusted) gateway certificate belongs to the gateway: it must name the identity the
 * gateway sent in its ID payload, and the identity the profile expects. A certificate names an
 * identity by its subject (a distinguished name, or the common name for a host name or address)
 * or by a subjectAltName (dNSName, iPAddress, rfc822Name). Distinguished names compare RDN by
 * RDN in either order, so {@code C=DE, O=Lab, CN=gw} (strongSwan, Shrew) equals
 * {@code CN=gw,O=Lab,C=DE} (RFC 4514); an OpenSSL {@code /C=DE/O=Lab/CN=gw} works too.
 */
final class CertificateIdentities {

    private static final int SAN_RFC822 = 1;
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private CertificateIdentities() {
    }

    /**
     * @param certificate the gateway's validated end-entity certificate
     * @param claimed the gateway's ID payload
     * @param expected the profile's gateway identity
     * @throws ConnectException CERTIFICATE_NOT_TRUSTED when the certificate does not name the
     *     claimed identity; IDENTITY_REJECTED when it does not name the expected one
     */
    static void check(X509Certificate certificate, IdPayload claimed, Identity expected) throws ConnectException {
        if (!namesClaimed(certificate, claimed)) {
            throw new ConnectException(FailureReason.CERTIFICATE_NOT_TRUSTED, "the gateway identified as " + claimed
                    + ", which its certificate " + describe(certificate) + " does not name");
        }
        if (expected.type() == IdentityType.ANY || expected.data().isEmpty()) {
            return;
        }
        boolean ok;
        if (expected.type() == IdentityType.KEY_ID) {
            ok = claimed.idType().equals(IdType.KEY_ID)
                    && new String(claimed.data(), StandardCharsets.UTF_8).equals(expected.data());
        } else {
            ok = names(certificate, expected.type(), expected.data());
        }
        if (!ok) {
            throw new ConnectException(FailureReason.IDENTITY_REJECTED, "the gateway's certificate "
                    + describe(certificate) + " does not name " + expected.type() + " " + expected.data()
                    + ", which the profile expects");
        }
    }

    /** The certificate's subject and alternative names, for messages. */
    static String describe(X509Certificate certificate) {
        List<String> alt = new ArrayList<>();
        for (List<?> san : altNames(certificate)) {
            alt.add(String.valueOf(san.get(1)));
        }
        return "\"" + certificate.getSubjectX500Principal() + "\"" + (alt.isEmpty() ? "" : " " + alt);
    }

    /**
     * A distinguished name from profile text (RFC 4514, strongSwan order or OpenSSL slashes).
     *
     * @throws ConnectException NOT_SUPPORTED when the text is no distinguished name
     */
    static X500Name parseDn(String text) throws ConnectException {
        String t = text.strip();
        if (t.startsWith("/")) {
            t = String.join(",", t.substring(1).split("(?<!\\\\)/"));
        }
        try {
            return new X500Name(BCStyle.INSTANCE, t);
        } catch (IllegalArgumentException e) {
            throw new ConnectException(FailureReason.NOT_SUPPORTED, "\"" + text + "\" is not a distinguished name");
        }
    }

    private static boolean namesClaimed(X509Certificate c, IdPayload claimed) throws ConnectException {
        IdType type = claimed.idType();
        if (type.equals(IdType.DER_ASN1_DN)) {
            try {
                return sameDn(X500Name.getInstance(claimed.data()), c);
            } catch (IllegalArgumentException e) {
                return false; // not DER
            }
        }
        String text = new String(claimed.data(), StandardCharsets.UTF_8);
        if (type.equals(IdType.FQDN)) {
            return names(c, IdentityType.FQDN, text);
        }
        if (type.equals(IdType.USER_FQDN)) {
            return names(c, IdentityType.USER_FQDN, text);
        }
        if (type.equals(IdType.IPV4_ADDR) || type.equals(IdType.IPV6_ADDR)) {
            try {
                return names(c, IdentityType.ADDRESS, InetAddress.getByAddress(claimed.data()).getHostAddress());
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return true; // a key ID or an exotic type: a certificate cannot name it; the profile's check decides
    }

    private static boolean names(X509Certificate c, IdentityType type, String value) throws ConnectException {
        if (type == IdentityType.ASN1_DN) {
            return sameDn(parseDn(value), c);
        }
        int sanType = type == IdentityType.FQDN ? SAN_DNS : type == IdentityType.USER_FQDN ? SAN_RFC822 : SAN_IP;
        for (List<?> san : altNames(c)) {
            if ((Integer) san.get(0) == sanType && sameName(type, String.valueOf(san.get(1)), value)) {
                return true;
            }
        }
        for (RDN cn : X500Name.getInstance(c.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN)) {
            if (sameName(type, IETFUtils.valueToString(cn.getFirst().getValue()), value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameName(IdentityType type, String a, String b) {
        if (type == IdentityType.ADDRESS) {
            try {
                return literal(a).equals(literal(b));
            } catch (UnknownHostException | IllegalArgumentException e) {
                return false;
            }
        }
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    /** An address literal; never a DNS lookup. */
    private static InetAddress literal(String text) throws UnknownHostException {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !text.contains(":")) {
            throw new IllegalArgumentException("not an address literal");
        }
        return InetAddress.getByName(text);
    }

    private static boolean sameDn(X500Name name, X509Certificate c) {
        return sameDn(name, c.getSubjectX500Principal().getEncoded());
    }

    /** Whether {@code name} equals the DER distinguished name {@code der} (false when that is malformed). */
    static boolean sameDn(X500Name name, byte[] der) {
        try {
            return BCStyle.INSTANCE.areEqual(name, X500Name.getInstance(der));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Collection<List<?>> altNames(X509Certificate c) {
        try {
            Collection<List<?>> names = c.getSubjectAlternativeNames();
            return names != null ? names : List.of();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
