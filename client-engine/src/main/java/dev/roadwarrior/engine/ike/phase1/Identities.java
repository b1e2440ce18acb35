package dev.roadwarrior.engine.ike.phase1;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest.Identity;
import dev.roadwarrior.engine.api.ConnectRequest.IdentityType;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdType;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;

/** Phase 1 identities: ours as an ID payload, and the check of the gateway's. */
public final class Identities {

    /** Phase 1 IDs name protocol UDP, port 500, as Cisco clients and vpnc send them. */
    private static final int UDP = 17;
    private static final int ISAKMP_PORT = 500;

    private Identities() {
    }

    /**
     * Our ID payload. An ADDRESS identity without data is our local address; an ASN.1 DN
     * identity without data is the subject of our certificate.
     *
     * @param certificate our certificate, for the methods that have one
     */
    public static IdPayload local(Identity id, Inet4Address localAddress, Optional<X509Certificate> certificate)
            throws ConnectException {
        byte[] data = id.data().getBytes(StandardCharsets.UTF_8);
        switch (id.type()) {
            case ASN1_DN:
                byte[] dn;
                if (!id.data().isEmpty()) {
                    try {
                        dn = CertificateIdentities.parseDn(id.data()).getEncoded();
                    } catch (IOException e) {
                        throw new ConnectException(FailureReason.NOT_SUPPORTED, "local identity " + id.data());
                    }
                } else if (certificate.isPresent()) {
                    dn = certificate.get().getSubjectX500Principal().getEncoded();
                } else {
                    throw new ConnectException(FailureReason.NOT_SUPPORTED,
                            "an ASN.1 DN identity without a value needs a client certificate");
                }
                return new IdPayload(IdType.DER_ASN1_DN, UDP, ISAKMP_PORT, dn);
            case KEY_ID:
                return new IdPayload(IdType.KEY_ID, UDP, ISAKMP_PORT, data);
            case FQDN:
                return new IdPayload(IdType.FQDN, UDP, ISAKMP_PORT, data);
            case USER_FQDN:
                return new IdPayload(IdType.USER_FQDN, UDP, ISAKMP_PORT, data);
            case ADDRESS:
                Inet4Address a = id.data().isEmpty() ? localAddress : Ipv4Network.parseAddress(id.data());
                return new IdPayload(IdType.IPV4_ADDR, UDP, ISAKMP_PORT, a.getAddress());
            default:
                throw new ConnectException(FailureReason.NOT_SUPPORTED, "local identity type " + id.type());
        }
    }

    /**
     * Checks the gateway's ID against the profile (the pre-shared key methods; with certificates
     * see {@link CertificateIdentities}): ANY or an empty value accepts anything, else type and
     * value must match.
     */
    public static void checkRemote(Identity expected, IdPayload received) throws ConnectException {
        if (expected.type() == IdentityType.ANY || expected.data().isEmpty()) {
            return;
        }
        IdType type;
        String value;
        switch (expected.type()) {
            case ADDRESS:
                type = IdType.IPV4_ADDR;
                value = received.data().length == 4 ? addressText(received.data()) : "";
                break;
            case FQDN:
                type = IdType.FQDN;
                value = new String(received.data(), StandardCharsets.UTF_8);
                break;
            case USER_FQDN:
                type = IdType.USER_FQDN;
                value = new String(received.data(), StandardCharsets.UTF_8);
                break;
            case KEY_ID:
                type = IdType.KEY_ID;
                value = new String(received.data(), StandardCharsets.UTF_8);
                break;
            default:
                type = IdType.DER_ASN1_DN;
                value = received.idType().equals(type) && CertificateIdentities.sameDn(
                        CertificateIdentities.parseDn(expected.data()), received.data()) ? expected.data() : "";
                break;
        }
        if (!received.idType().equals(type) || !value.equalsIgnoreCase(expected.data())) {
            throw new ConnectException(FailureReason.IDENTITY_REJECTED,
                    "the gateway identified as " + received + ", the profile expects " + expected.type() + " "
                            + expected.data());
        }
    }

    /** An ID payload in words: its type and value, a distinguished name as text. */
    static String describe(IdPayload id) {
        IdType type = id.idType();
        byte[] data = id.data();
        if (type.equals(IdType.IPV4_ADDR)) {
            return addressText(data);
        }
        if (type.equals(IdType.DER_ASN1_DN)) {
            try {
                return "\"" + X500Name.getInstance(data) + "\"";
            } catch (IllegalArgumentException e) {
                return id.toString();
            }
        }
        if (type.equals(IdType.FQDN) || type.equals(IdType.USER_FQDN) || type.equals(IdType.KEY_ID)) {
            return type + " " + new String(data, StandardCharsets.UTF_8);
        }
        return id.toString();
    }

    private static String addressText(byte[] a) {
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }
}
