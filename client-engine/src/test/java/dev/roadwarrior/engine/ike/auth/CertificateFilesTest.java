package dev.roadwarrior.engine.ike.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.auth.TestPki.Issued;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcaPKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The certificate and key file forms users pick: PEM, DER, PKCS#12, encrypted or not. */
class CertificateFilesTest {

    private static final String PASS = "key-pass";
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static Issued ca;
    private static Issued client;

    @BeforeAll
    static void pki() {
        ca = TestPki.ca("O=Test, CN=Test CA", 0);
        client = TestPki.endEntity(ca, "O=Test, CN=alice", 1, List.of(TestPki.email("alice@example.net")));
    }

    @Test
    void readsPemAndDerCertificates() throws Exception {
        assertEquals(List.of(ca.certificate()), CertificateFiles.certificates(TestPki.pem(ca.certificate()), "ca"));
        assertEquals(List.of(ca.certificate()), CertificateFiles.certificates(ca.certificate().getEncoded(), "ca"));
        byte[] bundle = TestPki.pem(client.certificate(), ca.certificate());
        assertEquals(List.of(client.certificate(), ca.certificate()), CertificateFiles.certificates(bundle, "ca"));
    }

    @Test
    void unreadableCertificateFilesNameTheFile() {
        for (byte[] junk : List.of(new byte[0], "hello".getBytes(StandardCharsets.US_ASCII), new byte[] {0x30, 0x03, 1},
                TestPki.pem(client.key()))) {
            ConnectException e = assertThrows(ConnectException.class,
                    () -> CertificateFiles.certificates(junk, "the certificate authority file"));
            assertEquals(FailureReason.CERTIFICATE_FILE_UNUSABLE, e.reason());
            assertTrue(e.detail().startsWith("the certificate authority file"), e.detail());
        }
    }

    @Test
    void readsUnencryptedKeysInPemAndDer() throws Exception {
        byte[] cert = TestPki.pem(client.certificate(), ca.certificate());
        byte[] pkcs1 = TestPki.pem(client.key()); // BC writes RSA PRIVATE KEY
        byte[] pkcs8Pem = TestPki.pem(new JcaPKCS8Generator(client.key(), null));
        byte[] pkcs8Der = client.key().getEncoded();
        byte[] pkcs1Der = PrivateKeyInfo.getInstance(pkcs8Der).parsePrivateKey().toASN1Primitive().getEncoded();
        for (byte[] key : List.of(pkcs1, pkcs8Pem, pkcs8Der, pkcs1Der)) {
            ClientCredential c = CertificateFiles.clientCredential(cert, key, Optional.empty());
            assertEquals(client.certificate(), c.certificate());
            assertEquals(List.of(), c.intermediates(), "the self-signed root is not sent");
            assertEquals(client.key(), c.privateKey());
            assertFalse(CertificateFiles.needsPassphrase(cert, key));
        }
    }

    @Test
    void readsEncryptedKeysWithThePassphrase() throws Exception {
        byte[] cert = TestPki.pem(client.certificate());
        StringWriter legacy = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(legacy)) {
            w.writeObject(new JcaMiscPEMGenerator(client.key(),
                    new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).build(PASS.toCharArray())));
        }
        byte[] legacyPem = legacy.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] pkcs8Pem = TestPki.pem(new JcaPKCS8Generator(client.key(),
                new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC).setPassword(PASS.toCharArray()).build()));
        PKCS8EncryptedPrivateKeyInfo info = new JcaPKCS8EncryptedPrivateKeyInfoBuilder(client.key()).build(
                new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC).setProvider(BC).build(PASS.toCharArray()));
        byte[] pkcs8Der = info.getEncoded();
        for (byte[] key : List.of(legacyPem, pkcs8Pem, pkcs8Der)) {
            assertTrue(CertificateFiles.needsPassphrase(cert, key));
            assertEquals(client.key(), CertificateFiles.clientCredential(cert, key, Optional.of(PASS.toCharArray())).privateKey());
            ConnectException missing = assertThrows(ConnectException.class,
                    () -> CertificateFiles.clientCredential(cert, key, Optional.empty()));
            assertEquals(FailureReason.CERTIFICATE_FILE_UNUSABLE, missing.reason());
            assertTrue(missing.detail().contains("no passphrase"), missing.detail());
            ConnectException wrong = assertThrows(ConnectException.class,
                    () -> CertificateFiles.clientCredential(cert, key, Optional.of("nope".toCharArray())));
            assertTrue(wrong.detail().contains("wrong passphrase"), wrong.detail());
        }
    }

    @Test
    void readsPkcs12AsCertificateOrKeyFile() throws Exception {
        Issued sub = TestPki.intermediate(ca, "O=Test, CN=Sub CA", 2);
        Issued leaf = TestPki.endEntity(sub, "O=Test, CN=bob", 3, List.of());
        byte[] p12 = TestPki.pkcs12(leaf, PASS.toCharArray(), sub.certificate(), ca.certificate());
        assertTrue(CertificateFiles.needsPassphrase(new byte[0], p12));
        assertTrue(CertificateFiles.needsPassphrase(p12, new byte[0]));
        for (byte[][] files : new byte[][][] {{p12, p12}, {p12, new byte[0]}, {new byte[0], p12}}) {
            ClientCredential c = CertificateFiles.clientCredential(files[0], files[1], Optional.of(PASS.toCharArray()));
            assertEquals(leaf.certificate(), c.certificate());
            assertEquals(List.of(sub.certificate()), c.intermediates());
            assertEquals(leaf.key(), c.privateKey());
        }
        ConnectException wrong = assertThrows(ConnectException.class,
                () -> CertificateFiles.clientCredential(p12, p12, Optional.of("nope".toCharArray())));
        assertEquals(FailureReason.CERTIFICATE_FILE_UNUSABLE, wrong.reason());
        assertTrue(wrong.detail().contains("wrong passphrase"), wrong.detail());
        ConnectException missing = assertThrows(ConnectException.class,
                () -> CertificateFiles.clientCredential(p12, p12, Optional.empty()));
        assertTrue(missing.detail().contains("no passphrase"), missing.detail());
    }

    @Test
    void emptyOrUnreadableKeyFilesNeedNoPassphraseButFail() {
        assertFalse(CertificateFiles.needsPassphrase(new byte[0], new byte[0]));
        assertFalse(CertificateFiles.needsPassphrase(TestPki.pem(client.certificate()), "junk".getBytes()));
        for (byte[] key : List.of(new byte[0], "junk".getBytes(), new byte[] {0x30, 0x00})) {
            ConnectException e = assertThrows(ConnectException.class, () -> CertificateFiles.clientCredential(
                    TestPki.pem(client.certificate()), key, Optional.empty()));
            assertEquals(FailureReason.CERTIFICATE_FILE_UNUSABLE, e.reason());
        }
    }

    @Test
    void damagedFilesFailWithTheReasonOnly() throws Exception {
        byte[] cert = TestPki.pem(client.certificate());
        List<byte[]> originals = List.of(cert, client.certificate().getEncoded(), TestPki.pem(client.key()),
                client.key().getEncoded(), TestPki.pkcs12(client, PASS.toCharArray()));
        Random random = new Random(4);
        for (byte[] original : originals) {
            for (int i = 0; i < 60; i++) {
                byte[] damaged = i < 30 ? Arrays.copyOf(original, random.nextInt(original.length))
                        : original.clone();
                if (i >= 30) {
                    for (int j = 0; j < 1 + random.nextInt(8); j++) {
                        damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
                    }
                }
                for (byte[][] files : new byte[][][] {{damaged, damaged}, {cert, damaged}}) {
                    try {
                        CertificateFiles.needsPassphrase(files[0], files[1]);
                        CertificateFiles.clientCredential(files[0], files[1], Optional.of(PASS.toCharArray()));
                    } catch (ConnectException e) {
                        assertEquals(FailureReason.CERTIFICATE_FILE_UNUSABLE, e.reason());
                    }
                }
            }
        }
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        ConnectException e = assertThrows(ConnectException.class, () -> CertificateFiles.clientCredential(
                TestPki.pem(client.certificate()), TestPki.pem(ca.key()), Optional.empty()));
        assertEquals(FailureReason.CERTIFICATE_FILE_UNUSABLE, e.reason());
        assertTrue(e.detail().contains("does not belong"), e.detail());
    }

    @Test
    void onlyRsaKeysAreSupported() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] ec = TestPki.pem(g.generateKeyPair().getPrivate());
        ConnectException e = assertThrows(ConnectException.class,
                () -> CertificateFiles.clientCredential(TestPki.pem(client.certificate()), ec, Optional.empty()));
        assertTrue(e.detail().contains("only RSA"), e.detail());
    }
}
