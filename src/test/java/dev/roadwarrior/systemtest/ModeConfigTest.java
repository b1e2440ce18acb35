package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mode Config against strongSwan: push (the gateway sends SET, swanctl {@code pull = no}) as
 * well as pull, and the Cisco Unity attributes a strongSwan pool can carry: split exclude (local
 * LAN), banner, default domain, split-DNS domains and the save-password permission.
 */
@ExtendWith(LabExtension.class)
class ModeConfigTest {

    private RoadwarriorClient client;

    @BeforeAll
    static void tools() {
        LabExtension.assumeTools("ping");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void pushedConfigurationIsAcknowledgedAndUsed(Lab lab) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder().pull(false).build());
        importLabProfile(lab, Map.of("client-auto-mode", "push"));

        LabProcess running = connectUntilUp(gateway, "--save-password");

        lab.run(LabNode.CLIENT, "ping", "-c", "2", "-W", "2", Topology.PROTECTED_IP);
        assertTrue(gateway.log().contains("parsed TRANSACTION response") && gateway.log().contains("CPA(ADDR"),
                "strongSwan pushed (CFG_SET) and the client acknowledged (CFG_ACK):\n" + gateway.log());
        assertTrue(running.output().contains("The gateway does not allow saving the password; it was not saved."),
                running.output());
        client.disconnect(running);
    }

    @Test
    void aPullProfileTakesWhatAPushingGatewaySends(Lab lab) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder().pull(false).build());
        importLabProfile(lab, Map.of());

        LabProcess running = connectUntilUp(gateway);

        lab.run(LabNode.CLIENT, "ping", "-c", "2", "-W", "2", Topology.PROTECTED_IP);
        client.disconnect(running);
    }

    @Test
    void unityAttributesReachTheHost(Lab lab) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder()
                .localTs("0.0.0.0/0")
                .poolAttribute("split_exclude", "203.0.113.0/24")
                .poolAttribute("28672", "Welcome to the lab")
                .poolAttribute("28673", "0.0.0.1")
                .poolAttribute("28674", "lab.example")
                .poolAttribute("28675", "corp.example")
                .build());
        importLabProfile(lab, Map.of());

        LabProcess running = connectUntilUp(gateway, "--save-password");

        String out = running.output();
        assertTrue(out.contains("Message from the gateway:\nWelcome to the lab"), out);
        assertTrue(out.contains("Password saved (the gateway allows it)."), out);
        assertTrue(out.contains("warning: The gateway named split-DNS domains, but this computer's DNS setup cannot "
                + "route names by domain"), "the lab edits resolv.conf, which has no routing domains:\n" + out);
        String resolv = Files.readString(java.nio.file.Path.of("/etc/netns", lab.namespace(LabNode.CLIENT), "resolv.conf"));
        assertTrue(resolv.contains("search lab.example"), resolv);
        assertTrue(resolv.contains("nameserver " + Topology.POOL_DNS), resolv);
        assertTrue(lab.run(LabNode.CLIENT, "ip", "route", "get", Topology.ROUTER_WAN_IP).stdout()
                .contains("dev " + Topology.CLIENT_IF), "the local-LAN network stays outside the tunnel");
        assertTrue(lab.run(LabNode.CLIENT, "ip", "route", "get", "198.51.100.1").stdout().contains("dev rw"),
                "everything else goes into the tunnel");
        lab.run(LabNode.CLIENT, "ping", "-c", "2", "-W", "2", Topology.PROTECTED_IP);
        client.disconnect(running);

        String shown = lab.exec(LabNode.CLIENT, Duration.ofSeconds(60), Map.of("ROADWARRIOR_HOME",
                client.home().toString()), List.of(RoadwarriorClient.repo().resolve("roadwarrior").toString(), "show",
                "lab", "--reveal-secrets")).orThrow().stdout();
        assertTrue(shown.contains("alice-password"), "the XAuth password is in the secret store:\n" + shown);
    }

    /**
     * The gateway sends a network twice (the pool's split_include and the Unity plugin's own one
     * from local_ts) and one inside another: the client routes each destination once and works.
     */
    @Test
    void repeatedAndOverlappingSplitNetworksBecomeOneRoute(Lab lab) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder()
                .poolAttribute("split_include", Topology.PROTECTED_NET + ", 10.77.0.0/16, " + Topology.PROTECTED_NET)
                .build());
        importLabProfile(lab, Map.of());

        LabProcess running = connectUntilUp(gateway);

        String routes = lab.run(LabNode.CLIENT, "ip", "-4", "route", "show").stdout();
        assertEquals(1, routes.lines().filter(l -> l.startsWith("10.77.0.0/16 dev rw")).count(), routes);
        assertFalse(routes.contains(Topology.PROTECTED_NET + " dev rw"), "the /24 inside the /16 is not routed twice:\n"
                + routes);
        lab.run(LabNode.CLIENT, "ping", "-c", "2", "-W", "2", Topology.PROTECTED_IP);
        assertTrue(running.isAlive(), running.output());
        client.disconnect(running);
    }

    private LabProcess connectUntilUp(StrongswanGateway gateway, String... options) {
        List<String> all = new java.util.ArrayList<>(List.of("--password-stdin"));
        all.addAll(List.of(options));
        LabProcess running = client.connect("lab", all, List.of("alice-password"));
        RoadwarriorClient.awaitTunnel(running, gateway);
        return running;
    }

    private void importLabProfile(Lab lab, Map<String, String> changes) throws IOException {
        client = new RoadwarriorClient(lab);
        client.importProfile(ProposalsTest.labProfile(client.home(), changes), "lab");
    }
}
