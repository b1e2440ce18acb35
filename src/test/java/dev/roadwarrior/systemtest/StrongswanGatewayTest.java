package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gateway's life cycle and that charon accepts every configuration the builder renders. */
@ExtendWith(LabExtension.class)
class StrongswanGatewayTest {

    @Test
    void startsStopsKillsAndRestarts(Lab lab) {
        final StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        assertTrue(gateway.isRunning());
        assertTrue(gateway.listConns().contains("rw: IKEv1"), gateway.listConns());
        assertTrue(gateway.log().contains("created TUN device: ipsec0"), "kernel-libipsec in use");

        gateway.stop();
        assertFalse(gateway.isRunning());
        assertFalse(gateway.swanctl("--stats").succeeded(), "vici is gone while charon is stopped");

        gateway.start();
        assertTrue(gateway.listConns().contains("rw: IKEv1"), "configuration loaded again after start");

        gateway.kill();
        assertFalse(gateway.isRunning());
        gateway.restart();
        assertTrue(gateway.isRunning());
        assertTrue(gateway.listConns().contains("rw: IKEv1"), gateway.listConns());
    }

    @Test
    void loadsMainModeAndCertificateVariants(Lab lab) {
        final GatewayCertificate certificate = TestPki.gatewayCertificate(lab);
        final GatewayConfig base = GatewayConfig.defaults().toBuilder()
                .aggressive(false)
                .fragmentation(GatewayConfig.Fragmentation.FORCE)
                .dpd(Duration.ofSeconds(10), Duration.ofSeconds(30))
                .ikeReauthTime(Duration.ofHours(2))
                .childRekeyTime(Duration.ofMinutes(20))
                .forceEncapsulation(true)
                .build();
        final StrongswanGateway gateway = StrongswanGateway.start(lab, base);
        final String psk = gateway.listConns();
        assertTrue(psk.contains("remote pre-shared key authentication:"), psk);
        assertTrue(psk.contains("id: rwgroup"), psk);
        assertTrue(psk.contains("remote XAuth authentication:"), psk);

        gateway.load(base.toBuilder().auth(GatewayConfig.Auth.HYBRID).certificate(certificate).build());
        final String hybrid = gateway.listConns();
        assertTrue(hybrid.contains("local public key authentication:"), hybrid);
        assertTrue(hybrid.contains("certs: O=Roadwarrior Lab, CN=" + Topology.GATEWAY_WAN_IP), hybrid);
        assertFalse(hybrid.contains("remote pre-shared key"), hybrid);

        gateway.load(base.toBuilder().auth(GatewayConfig.Auth.RSA_XAUTH).certificate(certificate).build());
        final String rsa = gateway.listConns();
        assertTrue(rsa.contains("remote public key authentication:"), rsa);
        assertTrue(rsa.contains("remote XAuth authentication:"), rsa);
        assertTrue(gateway.swanctl("--list-certs").orThrow().stdout().contains("has private key"),
                "gateway key loaded from swanctl/private");
    }

    @Test
    void rejectedConfigurationFailsLoudly(Lab lab) {
        final StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        final GatewayConfig broken = GatewayConfig.defaults().toBuilder().ikeProposals("no-such-cipher").build();
        final LabException e = assertThrows(LabException.class, () -> gateway.load(broken));
        assertEquals(LabException.Reason.COMMAND_FAILED, e.reason());
    }

    /** A plugin in charon's load= line that does not exist stops the test at once, naming it. */
    @Test
    void aPluginThatFailsToLoadFailsTheTestAtOnce(Lab lab) {
        final GatewayConfig config = GatewayConfig.defaults().toBuilder()
                .extraPlugins(List.of("roadwarrior-no-such-plugin")).build();
        final long start = System.nanoTime();
        final LabException e = assertThrows(LabException.class, () -> StrongswanGateway.start(lab, config));
        final long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("broken lab detected in " + millis + " ms: " + e.getMessage());
        assertEquals(LabException.Reason.LAB_BROKEN, e.reason());
        assertTrue(e.getMessage().contains("plugin 'roadwarrior-no-such-plugin' (Debian package unknown"), e.getMessage());
        assertTrue(millis < 15_000, millis + " ms");
    }
}
