package dev.roadwarrior.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Throw-away RSA certificates made with the {@code openssl} command: a lab CA and a gateway
 * certificate for {@link Topology#GATEWAY_WAN_IP} (subjectAltName IP), valid for 30 days.
 * Files go to {@code <lab log dir>/pki/}.
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
}
