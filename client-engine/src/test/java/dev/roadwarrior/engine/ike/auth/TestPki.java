package dev.roadwarrior.engine.ike.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throw-away certificates for tests, made with Bouncy Castle: CAs, intermediates and end-entity
 * certificates with chosen names, validity and key usage. RSA keys are made once per JVM and
 * reused (2048-bit generation is slow).
 */
public final class TestPki {

    private static final List<KeyPair> KEYS = new ArrayList<>();
    private static final AtomicLong SERIAL = new AtomicLong(1);

    private TestPki() {
    }

    /** The n-th shared RSA key pair (2048 bits). */
    public static synchronized KeyPair key(int n) {
        try {
            while (KEYS.size() <= n) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                KEYS.add(g.generateKeyPair());
            }
            return KEYS.get(n);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate and the key that belongs to it. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
    }

    /** A self-signed CA certificate for {@code subject} with key {@code n}. */
    public static Issued ca(String subject, int n) {
        KeyPair pair = key(n);
        return new Issued(build(subject, pair, new X500Name(subject), pair.getPrivate(), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), true, List.of(), true), pair.getPrivate());
    }

    /** An intermediate CA issued by {@code issuer}. */
    public static Issued intermediate(Issued issuer, String subject, int n) {
        KeyPair pair = key(n);
        return new Issued(build(subject, pair, name(issuer), issuer.key(),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)), true, List.of(),
                true), pair.getPrivate());
    }

    /** An end-entity certificate valid from yesterday for 30 days, for signatures. */
    public static Issued endEntity(Issued issuer, String subject, int n, List<GeneralName> altNames) {
        return endEntity(issuer, subject, n, altNames, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), true);
    }

    /** An end-entity certificate with the given validity; {@code signing}: keyUsage digitalSignature. */
    public static Issued endEntity(Issued issuer, String subject, int n, List<GeneralName> altNames, Instant from,
            Instant until, boolean signing) {
        KeyPair pair = key(n);
        return new Issued(build(subject, pair, name(issuer), issuer.key(),
                from, until, false, altNames, signing), pair.getPrivate());
    }

    public static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    public static GeneralName ip(String address) {
        return new GeneralName(GeneralName.iPAddress, address);
    }

    public static GeneralName email(String address) {
        return new GeneralName(GeneralName.rfc822Name, address);
    }

    /** PEM text of certificates and keys (keys as unencrypted PKCS#1 / PKCS#8, as BC writes them). */
    public static byte[] pem(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A PKCS#12 file holding {@code issued} with its chain, protected by {@code password}. */
    public static byte[] pkcs12(Issued issued, char[] password, X509Certificate... chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            X509Certificate[] all = new X509Certificate[chain.length + 1];
            all[0] = issued.certificate();
            System.arraycopy(chain, 0, all, 1, chain.length);
            store.setKeyEntry("client", issued.key(), password, all);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X500Name name(Issued issuer) {
        return X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    }

    private static X509Certificate build(String subject, KeyPair pair, X500Name issuer, PrivateKey issuerKey,
            Instant from, Instant until, boolean ca, List<GeneralName> altNames, boolean signing) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(from), Date.from(until),
                    new X500Name(subject), pair.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : signing ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.keyEncipherment));
            if (!altNames.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(altNames.toArray(new GeneralName[0])));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
