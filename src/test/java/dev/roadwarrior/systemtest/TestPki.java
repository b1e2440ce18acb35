package dev.roadwarrior.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Throw-away RSA certificates made with the {@code openssl} command: a lab CA and a gateway
 * certificate for {@link Topology#GATEWAY_WAN_IP} (subjectAltName IP), client certificates from
 * the same CA (also as PKCS#12), and an unrelated CA; valid for 30 days. Files go to
 * {@code <lab log dir>/pki/}.
 */
public final class TestPki {
    private TestPki() {
    }

    /** Creates the CA and the gateway certificate; {@code openssl} runs in the gateway namespace. */
    public static GatewayCertificate gatewayCertificate(Lab lab) {
        final Path dir = lab.logDir().resolve("pki");
        final Path extensions = dir.resolve("gateway.ext");
        try {
            Files.createDirectories(dir);
            Files.writeString(extensions, String.join("\n",
                    "subjectAltName = IP:" + Topology.GATEWAY_WAN_IP,
                    "extendedKeyUsage = serverAuth",
                    "keyUsage = critical, digitalSignature, keyEncipherment",
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot write " + extensions, e);
        }
        final String ca = dir.resolve("ca.pem").toString();
        final String caKey = dir.resolve("ca.key").toString();
        final String cert = dir.resolve("gateway.pem").toString();
        final String key = dir.resolve("gateway.key").toString();
        final String csr = dir.resolve("gateway.csr").toString();
        lab.run(LabNode.GATEWAY, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey,
                "-out", ca, "-days", "30", "-subj", "/O=Roadwarrior Lab/CN=Lab CA",
                "-addext", "basicConstraints=critical,CA:true", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        lab.run(LabNode.GATEWAY, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr,
                "-subj", "/O=Roadwarrior Lab/CN=" + Topology.GATEWAY_WAN_IP);
        lab.run(LabNode.GATEWAY, "openssl", "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", caKey,
                "-CAcreateserial", "-out", cert, "-days", "30", "-extfile", extensions.toString());
        return new GatewayCertificate(Path.of(cert), Path.of(key), Path.of(ca));
    }

    /** A certificate with its unencrypted PEM private key. */
    public record Issued(Path certificate, Path privateKey) {
    }

    /**
     * A client certificate for {@code /O=Roadwarrior Lab/CN=<commonName>} (subjectAltName email
     * {@code <commonName>@lab.example}) from the lab CA; {@link #gatewayCertificate} must have run.
     */
    public static Issued clientCertificate(Lab lab, String commonName) {
        final Path dir = lab.logDir().resolve("pki");
        final Path extensions = dir.resolve(commonName + ".ext");
        try {
            Files.writeString(extensions, String.join("\n",
                    "subjectAltName = email:" + commonName + "@lab.example",
                    "extendedKeyUsage = clientAuth",
                    "keyUsage = critical, digitalSignature",
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot write " + extensions, e);
        }
        final String cert = dir.resolve(commonName + ".pem").toString();
        final String key = dir.resolve(commonName + ".key").toString();
        final String csr = dir.resolve(commonName + ".csr").toString();
        lab.run(LabNode.GATEWAY, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr,
                "-subj", "/O=Roadwarrior Lab/CN=" + commonName);
        lab.run(LabNode.GATEWAY, "openssl", "x509", "-req", "-in", csr, "-CA", dir.resolve("ca.pem").toString(),
                "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial", "-out", cert, "-days", "30",
                "-extfile", extensions.toString());
        return new Issued(Path.of(cert), Path.of(key));
    }

    /** {@code issued} and the lab CA as a PKCS#12 file protected by {@code password}. */
    public static Path pkcs12(Lab lab, Issued issued, String password) {
        final Path dir = lab.logDir().resolve("pki");
        final Path out = dir.resolve(issued.certificate().getFileName().toString().replace(".pem", ".p12"));
        lab.run(LabNode.GATEWAY, "openssl", "pkcs12", "-export", "-in", issued.certificate().toString(),
                "-inkey", issued.privateKey().toString(), "-certfile", dir.resolve("ca.pem").toString(),
                "-passout", "pass:" + password, "-out", out.toString());
        return out;
    }

    /** A self-signed certificate for {@code /O=Elsewhere/CN=<commonName>}: one the lab CA never issued. */
    public static Issued selfSignedCertificate(Lab lab, String commonName) {
        final Path dir = lab.logDir().resolve("pki");
        final String cert = dir.resolve(commonName + ".pem").toString();
        final String key = dir.resolve(commonName + ".key").toString();
        lab.run(LabNode.GATEWAY, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                "-out", cert, "-days", "30", "-subj", "/O=Elsewhere/CN=" + commonName,
                "-addext", "keyUsage=critical,digitalSignature");
        return new Issued(Path.of(cert), Path.of(key));
    }

    /** The certificate of a CA that has nothing to do with the lab's (for "untrusted gateway" tests). */
    public static Path foreignCa(Lab lab) {
        final Path dir = lab.logDir().resolve("pki");
        final String ca = dir.resolve("foreign-ca.pem").toString();
        lab.run(LabNode.GATEWAY, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", dir.resolve("foreign-ca.key").toString(), "-out", ca, "-days", "30",
                "-subj", "/O=Somewhere Else/CN=Foreign CA",
                "-addext", "basicConstraints=critical,CA:true", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return Path.of(ca);
    }
}
