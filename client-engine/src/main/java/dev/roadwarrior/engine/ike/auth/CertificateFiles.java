package dev.roadwarrior.engine.ike.auth;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.FailureReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads the certificate and key files a profile carries, in the forms users pick them: PEM (one
 * or more blocks; certificates, PKCS#1 or PKCS#8 keys, encrypted or not), DER (a certificate, a
 * PKCS#7 bundle, a PKCS#8 or PKCS#1 key) and PKCS#12. The JDK parses what it can; Bouncy Castle
 * reads PEM and decrypts OpenSSL-encrypted keys.
 *
 * <p>Every problem ends as a {@link ConnectException} with
 * {@link FailureReason#CERTIFICATE_FILE_UNUSABLE} naming the file and what is wrong, so that a
 * connection fails before any packet is sent.
 */
public final class CertificateFiles {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private CertificateFiles() {
    }

    /**
     * The certificates in a file (PEM, DER, PKCS#7).
     *
     * @param what the file's role in words, for the error ("the certificate authority file")
     */
    public static List<X509Certificate> certificates(byte[] file, String what) throws ConnectException {
        if (file.length == 0) {
            throw unusable(what + " is empty");
        }
        try {
            List<X509Certificate> certs = isPem(file) ? pemCertificates(file) : derCertificates(file);
            if (certs.isEmpty()) {
                throw unusable(what + " holds no certificate");
            }
            return certs;
        } catch (IOException | CertificateException | RuntimeException e) {
            throw unusable(what + " is not a PEM or DER certificate (" + e.getMessage() + ")");
        }
    }

    /**
     * Our certificate and private key. Either file may be a PKCS#12 file holding both; otherwise
     * the certificate file holds our certificate (and possibly its CA chain) and the key file
     * the key.
     *
     * @param passphrase for an encrypted key or a PKCS#12 file
     */
    public static ClientCredential clientCredential(byte[] certificateFile, byte[] keyFile,
            Optional<char[]> passphrase) throws ConnectException {
        if (isPkcs12(keyFile) || isPkcs12(certificateFile)) {
            return fromPkcs12(isPkcs12(keyFile) ? keyFile : certificateFile, passphrase);
        }
        List<X509Certificate> certs = certificates(certificateFile, "the client certificate file");
        PrivateKey key = privateKey(keyFile, passphrase);
        for (X509Certificate c : certs) {
            if (matches(c, key)) {
                List<X509Certificate> rest = new ArrayList<>(certs);
                rest.remove(c);
                rest.removeIf(CertificateFiles::selfSigned);
                return new ClientCredential(c, rest, key);
            }
        }
        throw unusable("the private key does not belong to the client certificate "
                + certs.get(0).getSubjectX500Principal());
    }

    /**
     * Whether reading our key needs a passphrase: the key file (or a PKCS#12 certificate file) is
     * encrypted with something other than an empty passphrase. Unreadable files need none (the
     * connection will fail with the reason).
     */
    public static boolean needsPassphrase(byte[] certificateFile, byte[] keyFile) {
        if (isPkcs12(keyFile) || isPkcs12(certificateFile)) {
            try {
                fromPkcs12(isPkcs12(keyFile) ? keyFile : certificateFile, Optional.of(new char[0]));
                return false;
            } catch (ConnectException e) {
                return true;
            }
        }
        if (isPem(keyFile)) {
            String text = new String(keyFile, StandardCharsets.US_ASCII);
            return text.contains("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED");
        }
        try {
            return keyFile.length > 0 && EncryptedPrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(keyFile)) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static ClientCredential fromPkcs12(byte[] file, Optional<char[]> passphrase) throws ConnectException {
        char[] password = passphrase.orElse(new char[0]);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(file), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (key == null || chain == null || chain.length == 0) {
                        continue;
                    }
                    List<X509Certificate> rest = new ArrayList<>();
                    for (int i = 1; i < chain.length; i++) {
                        if (!selfSigned((X509Certificate) chain[i])) {
                            rest.add((X509Certificate) chain[i]);
                        }
                    }
                    checkRsa(key);
                    return new ClientCredential((X509Certificate) chain[0], rest, key);
                }
            }
            throw unusable("the PKCS#12 file holds no private key with a certificate");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw unusable(passphrase.isEmpty() ? "the PKCS#12 file is encrypted and no passphrase was given"
                        : "wrong passphrase for the PKCS#12 file");
            }
            throw new ConnectException(FailureReason.CERTIFICATE_FILE_UNUSABLE,
                    "the PKCS#12 file cannot be read (" + e.getMessage() + ")", e);
        } catch (UnrecoverableKeyException e) {
            throw unusable("wrong passphrase for the key in the PKCS#12 file");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw unusable("the PKCS#12 file cannot be read (" + e.getMessage() + ")");
        }
    }

    private static PrivateKey privateKey(byte[] file, Optional<char[]> passphrase) throws ConnectException {
        if (file.length == 0) {
            throw unusable("the private key file is empty");
        }
        try {
            PrivateKey key = isPem(file) ? pemKey(file, passphrase) : derKey(file, passphrase);
            checkRsa(key);
            return key;
        } catch (IOException | RuntimeException e) {
            throw unusable("the private key file cannot be read (" + e.getMessage() + ")");
        }
    }

    private static PrivateKey pemKey(byte[] file, Optional<char[]> passphrase) throws IOException, ConnectException {
        try (PEMParser pem = new PEMParser(reader(file))) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                if (o instanceof PEMKeyPair pair) {
                    return rsa(pair.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo info) {
                    return rsa(info);
                }
                if (o instanceof PEMEncryptedKeyPair encrypted) {
                    char[] pass = required(passphrase);
                    try {
                        return rsa(encrypted.decryptKeyPair(
                                new JcePEMDecryptorProviderBuilder().setProvider(BC).build(pass)).getPrivateKeyInfo());
                    } catch (IOException e) {
                        throw unusable("wrong passphrase for the private key file");
                    }
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    return rsa(decrypt(encrypted, required(passphrase)));
                }
            }
        }
        throw unusable("the private key file holds no private key");
    }

    private static PrivateKey derKey(byte[] file, Optional<char[]> passphrase) throws IOException, ConnectException {
        ASN1Primitive der;
        try {
            der = ASN1Primitive.fromByteArray(file);
        } catch (IOException | RuntimeException e) {
            throw unusable("the private key file is neither PEM, DER nor PKCS#12");
        }
        try {
            EncryptedPrivateKeyInfo encrypted = EncryptedPrivateKeyInfo.getInstance(der);
            return rsa(decrypt(new PKCS8EncryptedPrivateKeyInfo(encrypted), required(passphrase)));
        } catch (RuntimeException e) {
            // not encrypted PKCS#8 (Bouncy Castle reports a wrong structure with various unchecked exceptions)
        }
        try {
            return rsa(PrivateKeyInfo.getInstance(der));
        } catch (RuntimeException e) {
            // not PKCS#8
        }
        try {
            RSAPrivateKey rsa = RSAPrivateKey.getInstance(der);
            return rsa(new PrivateKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa));
        } catch (RuntimeException e) {
            throw unusable("the private key file holds no PKCS#8 or PKCS#1 key");
        }
    }

    /** An RSA key from its PKCS#8 structure; other algorithms are refused before conversion. */
    private static PrivateKey rsa(PrivateKeyInfo info) throws IOException, ConnectException {
        if (!info.getPrivateKeyAlgorithm().getAlgorithm().equals(PKCSObjectIdentifiers.rsaEncryption)) {
            throw unusable("the private key is not an RSA key (algorithm "
                    + info.getPrivateKeyAlgorithm().getAlgorithm() + "); only RSA keys are supported");
        }
        return new JcaPEMKeyConverter().getPrivateKey(info);
    }

    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char[] passphrase)
            throws ConnectException {
        try {
            return encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase));
        } catch (PKCSException e) {
            throw unusable("wrong passphrase for the private key file");
        } catch (OperatorCreationException e) {
            throw unusable("the private key file's encryption is not supported (" + e.getMessage() + ")");
        }
    }

    private static char[] required(Optional<char[]> passphrase) throws ConnectException {
        return passphrase.orElseThrow(() -> unusable("the private key file is encrypted and no passphrase was given"));
    }

    private static List<X509Certificate> pemCertificates(byte[] file) throws IOException, CertificateException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> out = new ArrayList<>();
        try (PEMParser pem = new PEMParser(reader(file))) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    out.add(converter.getCertificate(holder));
                }
            }
        }
        return out;
    }

    private static List<X509Certificate> derCertificates(byte[] file) throws CertificateException {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(file))) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    private static void checkRsa(PrivateKey key) throws ConnectException {
        if (!"RSA".equals(key.getAlgorithm())) {
            throw unusable("the private key is " + key.getAlgorithm() + "; only RSA keys are supported");
        }
    }

    private static boolean matches(X509Certificate c, PrivateKey key) {
        return c.getPublicKey() instanceof RSAKey pub && key instanceof RSAKey priv
                && pub.getModulus().equals(priv.getModulus());
    }

    private static boolean selfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    private static boolean isPkcs12(byte[] file) {
        try {
            return file.length > 0 && Pfx.getInstance(ASN1Primitive.fromByteArray(file)) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isPem(byte[] file) {
        return new String(file, StandardCharsets.US_ASCII).contains("-----BEGIN ");
    }

    private static Reader reader(byte[] file) {
        return new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.US_ASCII);
    }

    private static ConnectException unusable(String detail) {
        return new ConnectException(FailureReason.CERTIFICATE_FILE_UNUSABLE, detail);
    }
}
