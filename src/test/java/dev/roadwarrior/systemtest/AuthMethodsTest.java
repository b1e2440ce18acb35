package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The six Shrew Soft authentication methods in Main and Aggressive Mode: the real client, from a
 * {@code .vpn} profile, against strongSwan (which calls hybrid "remote auth = xauth with local
 * auth = pubkey"), pings the protected host through the tunnel. Then the failures a certificate
 * brings: a gateway certificate from another CA and a gateway that is not the one the profile
 * names end quickly with a sentence saying so, and so does a client certificate the gateway does
 * not trust. Last, Wireshark's dissector must find no malformed
 * packet in a capture of the client's side.
 *
 * <p>One lab and one gateway serve the whole class; each test loads its gateway configuration.
 * strongSwan ignores the Cisco group hash of hybrid group authentication (it has no such
 * check), so {@code hybrid-grp-xauth} connects like {@code hybrid-rsa-xauth} here.
 */
@ExtendWith(LabExtension.class)
class AuthMethodsTest {

    private static final String USER_PASSWORD = "alice-password";
    private static final String GATEWAY_DN = "O=Roadwarrior Lab, CN=" + Topology.GATEWAY_WAN_IP;
    private static final Duration FAIL_TIMEOUT = Duration.ofSeconds(60);

    private static Lab lab;
    private static GatewayCertificate gatewayCertificate;
    private static TestPki.Issued alice;
    private static StrongswanGateway gateway;
    private static RoadwarriorClient client;

    @BeforeAll
    static void startLab(Lab shared) throws IOException {
        LabExtension.assumeTools("ping", "openssl");
        lab = shared;
        gatewayCertificate = TestPki.gatewayCertificate(lab);
        alice = TestPki.clientCertificate(lab, "alice");
        gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        client = new RoadwarriorClient(lab);
    }

    @AfterEach
    void stopConnects() {
        if (client != null) {
            client.stopAll();
        }
    }

    @AfterAll
    static void stopClient() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @ParameterizedTest(name = "{0}, {1} mode")
    @CsvSource({
        "mutual-psk, main", "mutual-psk, aggressive", "mutual-psk-xauth, main",
        "mutual-rsa, main", "mutual-rsa, aggressive", "mutual-rsa-xauth, main", "mutual-rsa-xauth, aggressive",
        "hybrid-rsa-xauth, main", "hybrid-rsa-xauth, aggressive", "hybrid-grp-xauth, main", "hybrid-grp-xauth, aggressive"})
    void connectsAndCarriesTraffic(String method, String exchange, TestReporter reporter) throws IOException {
        gateway.load(gatewayConfig(method, exchange));
        String name = method + "-" + exchange;
        // certificate methods check the gateway by its DN in Main Mode, by its address in Aggressive Mode
        RoadwarriorClient.VpnFile vpn = profile(method, exchange, gatewayCertificate.caCertificate());
        if (!method.endsWith("psk") && !method.endsWith("psk-xauth")) {
            if (exchange.equals("main")) {
                vpn.s("ident-server-type", "asn1dn").s("ident-server-data", GATEWAY_DN);
            } else {
                vpn.s("ident-server-type", "address").s("ident-server-data", Topology.GATEWAY_WAN_IP);
            }
        } else {
            vpn.s("ident-server-type", "any");
        }
        client.importProfile(vpn.write(client.home().resolve(name + ".vpn")), name);
        boolean xauth = method.endsWith("xauth");
        long start = System.nanoTime();
        LabProcess connect = client.connect(name, xauth ? List.of("--password-stdin") : List.of(),
                xauth ? List.of(USER_PASSWORD) : List.of());
        RoadwarriorClient.awaitTunnel(connect, gateway);
        long millis = (System.nanoTime() - start) / 1_000_000;
        lab.run(LabNode.CLIENT, "ping", "-c", "2", "-W", "2", Topology.PROTECTED_IP);
        String sas = gateway.listSas();
        assertTrue(sas.contains("ESTABLISHED"), sas);
        if (method.startsWith("mutual-rsa")) {
            assertTrue(sas.contains("CN=alice"), "the gateway saw our certificate's identity:\n" + sas);
        }
        if (xauth) {
            assertTrue(sas.contains("XAuth: 'alice'"), sas);
        }
        client.disconnect(connect);
        Waits.until(Duration.ofSeconds(20), () -> !gateway.listSas().contains("ESTABLISHED"),
                () -> "the gateway deleted the SAs:\n" + gateway.listSas());
        reporter.publishEntry(name, "tunnel up after " + millis + " ms (JVM start included)");
        System.out.println("AuthMethodsTest: " + name + " tunnel up after " + millis + " ms");
    }

    @Test
    void mutualRsaReadsAPkcs12FileWithItsPassphrase() throws IOException {
        gateway.load(gatewayConfig("mutual-rsa", "main"));
        Path p12 = TestPki.pkcs12(lab, alice, "p12-secret");
        RoadwarriorClient.VpnFile vpn = RoadwarriorClient.VpnFile.lab("mutual-rsa", "main");
        vpn.s("ident-client-type", "asn1dn").s("ident-server-type", "any")
                .s("auth-server-cert-name", "ca.pem").b("auth-server-cert-data", read(gatewayCertificate.caCertificate()))
                .s("auth-client-cert-name", "alice.p12").b("auth-client-cert-data", read(p12))
                .s("auth-client-key-name", "alice.p12").b("auth-client-key-data", read(p12));
        client.importProfile(vpn.write(client.home().resolve("p12.vpn")), "p12");
        LabProcess connect = client.connect("p12", List.of("--key-passphrase-stdin"), List.of("p12-secret"));
        RoadwarriorClient.awaitTunnel(connect, gateway);
        lab.run(LabNode.CLIENT, "ping", "-c", "1", "-W", "2", Topology.PROTECTED_IP);
        client.disconnect(connect);
    }

    @Test
    void certificatesTravelInIkeFragments() throws IOException {
        gateway.load(gatewayConfig("mutual-rsa-xauth", "main").toBuilder()
                .fragmentation(GatewayConfig.Fragmentation.YES).build());
        RoadwarriorClient.VpnFile vpn = profile("mutual-rsa-xauth", "main", gatewayCertificate.caCertificate())
                .s("ident-server-type", "any").s("network-frag-mode", "enable");
        client.importProfile(vpn.write(client.home().resolve("fragments.vpn")), "fragments");
        LabProcess connect = client.connect("fragments", List.of("--password-stdin"), List.of(USER_PASSWORD));
        RoadwarriorClient.awaitTunnel(connect, gateway);
        lab.run(LabNode.CLIENT, "ping", "-c", "1", "-W", "2", Topology.PROTECTED_IP);
        client.disconnect(connect);
        assertTrue(gateway.log().contains("received fragment #3"), "the 540-byte limit split our certificate message");
    }

    @Test
    void aGatewayCertificateFromAnotherCaEndsQuicklyWithTheReason() throws IOException {
        gateway.load(gatewayConfig("hybrid-rsa-xauth", "main"));
        RoadwarriorClient.VpnFile vpn = profile("hybrid-rsa-xauth", "main", TestPki.foreignCa(lab))
                .s("ident-server-type", "any");
        client.importProfile(vpn.write(client.home().resolve("foreign.vpn")), "foreign");
        long start = System.nanoTime();
        ExecResult r = client.connectUntilExit("foreign", List.of("--password-stdin"), List.of(USER_PASSWORD),
                FAIL_TIMEOUT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFailedWith(r, "certificate is not trusted");
        assertTrue(r.stderr().contains("Foreign CA"), "the detail names the CA: " + r.describe());
        assertTrue(millis < 10_000, "fails within seconds, not after retries: " + millis + " ms");
    }

    @Test
    void aGatewayThatIsNotTheOneTheProfileNamesIsRefused() throws IOException {
        gateway.load(gatewayConfig("mutual-rsa-xauth", "aggressive"));
        RoadwarriorClient.VpnFile vpn = profile("mutual-rsa-xauth", "aggressive", gatewayCertificate.caCertificate())
                .s("ident-server-type", "fqdn").s("ident-server-data", "vpn.example.org");
        client.importProfile(vpn.write(client.home().resolve("elsewhere.vpn")), "elsewhere");
        ExecResult r = client.connectUntilExit("elsewhere", List.of("--password-stdin"), List.of(USER_PASSWORD),
                FAIL_TIMEOUT);
        assertFailedWith(r, "identity");
        assertTrue(r.stderr().contains("vpn.example.org"), r.describe());
    }

    @Test
    void aClientCertificateTheGatewayDoesNotTrustIsNamed() throws IOException {
        gateway.load(gatewayConfig("mutual-rsa", "main"));
        TestPki.Issued mallory = TestPki.selfSignedCertificate(lab, "mallory");
        RoadwarriorClient.VpnFile vpn = profile("mutual-rsa", "main", gatewayCertificate.caCertificate())
                .s("ident-server-type", "any")
                .b("auth-client-cert-data", read(mallory.certificate())).b("auth-client-key-data", read(mallory.privateKey()));
        client.importProfile(vpn.write(client.home().resolve("mallory.vpn")), "mallory");
        long start = System.nanoTime();
        ExecResult r = client.connectUntilExit("mallory", List.of(), List.of(), FAIL_TIMEOUT);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertFailedWith(r, "rejected this client's identity");
        assertTrue(r.stderr().contains("AUTHENTICATION_FAILED"), r.describe());
        assertTrue(millis < 10_000, "fails within seconds: " + millis + " ms");
    }

    @Test
    void wiresharkFindsNoMalformedPacket() throws IOException {
        LabExtension.assumeTools("tshark");
        Path capture = lab.logDir().resolve("client.pcapng");
        LabProcess tshark = lab.spawn(LabNode.CLIENT, "tshark", "tshark", "-n", "-i", Topology.CLIENT_IF, "-f", "udp",
                "-w", capture.toString());
        Waits.until(Duration.ofSeconds(20), () -> tshark.output().contains("Capturing on"),
                () -> "tshark capturing: " + tshark.output());
        for (String[] run : new String[][] {{"mutual-rsa-xauth", "main"}, {"hybrid-grp-xauth", "aggressive"},
                {"mutual-psk", "main"}}) {
            gateway.load(gatewayConfig(run[0], run[1]));
            String name = "capture-" + run[0] + "-" + run[1];
            RoadwarriorClient.VpnFile vpn = profile(run[0], run[1], gatewayCertificate.caCertificate())
                    .s("ident-server-type", "any");
            client.importProfile(vpn.write(client.home().resolve(name + ".vpn")), name);
            boolean xauth = run[0].endsWith("xauth");
            LabProcess connect = client.connect(name, xauth ? List.of("--password-stdin") : List.of(),
                    xauth ? List.of(USER_PASSWORD) : List.of());
            RoadwarriorClient.awaitTunnel(connect, gateway);
            lab.run(LabNode.CLIENT, "ping", "-c", "1", "-W", "2", Topology.PROTECTED_IP);
            client.disconnect(connect);
        }
        tshark.stop(Duration.ofSeconds(10));
        String isakmp = lab.run(LabNode.CLIENT, "tshark", "-n", "-r", capture.toString(), "-Y", "isakmp").stdout();
        assertTrue(isakmp.lines().count() >= 20, "the capture holds the IKE messages:\n" + isakmp);
        assertTrue(isakmp.contains("Identity Protection (Main Mode)") && isakmp.contains("Aggressive"), isakmp);
        String malformed = lab.run(LabNode.CLIENT, "tshark", "-n", "-r", capture.toString(), "-Y", "_ws.malformed")
                .stdout();
        assertEquals("", malformed.strip(), "Wireshark finds malformed packets in " + capture);
    }

    private static void assertFailedWith(ExecResult r, String words) {
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains(words), "the reason in words: " + r.describe());
        assertFalse(r.stderr().contains("Exception") || r.stdout().contains("\tat "), "no stack trace: " + r.describe());
    }

    /** The lab gateway for a Shrew method name. */
    private static GatewayConfig gatewayConfig(String method, String exchange) {
        GatewayConfig.Builder b = GatewayConfig.defaults().toBuilder().aggressive(exchange.equals("aggressive"));
        switch (method) {
            case "mutual-psk":
                return b.auth(GatewayConfig.Auth.PSK).build();
            case "mutual-psk-xauth":
                return b.build();
            case "mutual-rsa":
                return b.auth(GatewayConfig.Auth.RSA).certificate(gatewayCertificate).build();
            case "mutual-rsa-xauth":
                return b.auth(GatewayConfig.Auth.RSA_XAUTH).certificate(gatewayCertificate).build();
            default:
                return b.auth(GatewayConfig.Auth.HYBRID).certificate(gatewayCertificate).build();
        }
    }

    /** A profile for the lab with the method's identities and files; the gateway identity is the caller's. */
    private static RoadwarriorClient.VpnFile profile(String method, String exchange, Path caCertificate)
            throws IOException {
        RoadwarriorClient.VpnFile vpn = RoadwarriorClient.VpnFile.lab(method, exchange);
        if (method.startsWith("mutual-rsa")) {
            vpn.s("ident-client-type", "asn1dn")
                    .s("auth-client-cert-name", "alice.pem").b("auth-client-cert-data", read(alice.certificate()))
                    .s("auth-client-key-name", "alice.key").b("auth-client-key-data", read(alice.privateKey()));
        } else {
            vpn.s("ident-client-type", "keyid").s("ident-client-data", "rwgroup");
        }
        if (method.contains("psk") || method.startsWith("hybrid-grp")) {
            vpn.b("auth-mutual-psk", "rwgroup-secret".getBytes(StandardCharsets.UTF_8));
        }
        if (!method.contains("psk")) {
            vpn.s("auth-server-cert-name", "ca.pem").b("auth-server-cert-data", read(caCertificate));
        }
        return vpn;
    }

    private static byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
