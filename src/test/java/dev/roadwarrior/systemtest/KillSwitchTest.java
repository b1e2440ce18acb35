package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13, the kill switch: a profile with {@code roadwarrior-kill-switch} connects through the
 * service (run by root in the client namespace, used by root: no host users). While the engine
 * reconnects to a stopped gateway, a ping and a TCP connect to an address outside produce no
 * packet on the router's outside interface, while the IKE retries still go out; after disconnect
 * everything flows; after {@code kill -9} of the service its nftables table stays until the next
 * start removes it.
 */
@ExtendWith(LabExtension.class)
class KillSwitchTest {

    private static final String PASSWORD = "alice-password";
    private static final String STARTED = "INFO Daemon: Roadwarrior service";
    private static final String OUTSIDE = Topology.GATEWAY_WAN_IP; // beyond the router, outside the split tunnel

    private RoadwarriorClient client;
    private Path runtime;
    private int starts;

    @BeforeAll
    static void tools() {
        LabExtension.assumeTools("ping", "tshark", "iperf3", "nft", "bash", "timeout");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (client != null) {
            client.close();
        }
        TestFiles.removeTrees(runtime);
    }

    @Test
    void onlyIkeLeavesWhileReconnectingUntilTheUserDisconnectsAndAKilledServicesTableGoesAtTheNextStart(Lab lab)
            throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        lab.spawn(LabNode.GATEWAY, "iperf3-server", "iperf3", "-s", "-p", "5201");
        client = new RoadwarriorClient(lab);
        client.importProfile(RoadwarriorClient.VpnFile.labPskXauth().n("roadwarrior-kill-switch", 1)
                .write(client.home().resolve("lab.vpn")), "lab");
        runtime = Files.createTempDirectory(Path.of("/tmp"), "rwks", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Waits.until(Duration.ofSeconds(20), () -> NoLeaksTest.tcpConnects(lab, OUTSIDE), () -> "TCP to " + OUTSIDE);
        LabProcess service = startService(lab);

        ExecResult up = cli(lab, "connect", "lab", "--password-stdin");
        assertEquals(0, up.exitCode(), up.describe() + "\nservice:\n" + service.output());
        assertFalse(tableExists(lab), "released while the tunnel is up");
        lab.run(LabNode.CLIENT, "ping", "-c", "1", "-W", "2", OUTSIDE);

        gateway.stop(); // charon deletes the SAs: the engine reconnects to a gateway that no longer answers
        Waits.until(Duration.ofSeconds(30), () -> service.output().contains("lab: RECONNECTING") && tableExists(lab),
                () -> "reconnecting with the kill switch engaged:\n" + service.output());
        Capture blocked = Capture.start(lab, LabNode.ROUTER, Topology.WAN_IF,
                "ip dst host " + OUTSIDE + " and not (udp port 500 or udp port 4500)", "router-wan-blocked");
        Capture ike = Capture.start(lab, LabNode.ROUTER, Topology.WAN_IF,
                "ip dst host " + OUTSIDE + " and (udp port 500 or udp port 4500)", "router-wan-ike");
        ExecResult ping = lab.exec(LabNode.CLIENT, "ping", "-c", "2", "-W", "1", OUTSIDE);
        boolean tcp = NoLeaksTest.tcpConnects(lab, OUTSIDE);
        Waits.sleep(Duration.ofSeconds(3)); // room for an IKE retry
        String status = cli(lab, "status").stdout();
        List<String> escaped = blocked.stop();
        List<String> retries = ike.stop();

        assertNotEquals(0, ping.exitCode(), ping.describe());
        assertFalse(tcp, "TCP outside the tunnel is blocked while reconnecting");
        assertEquals(List.of(), escaped, "nothing but IKE on the router's outside (" + blocked + ")");
        assertFalse(retries.isEmpty(), "the IKE retries still go out (" + ike + ")");
        assertTrue(status.contains("protection  kill switch on")
                && status.contains("Kill switch: traffic is blocked"), status);

        ExecResult down = cli(lab, "disconnect");
        assertEquals(0, down.exitCode(), down.describe() + "\nservice:\n" + service.output());
        assertFalse(tableExists(lab), "the user's disconnect lifts the kill switch");
        lab.run(LabNode.CLIENT, "ping", "-c", "1", "-W", "2", OUTSIDE);
        assertTrue(NoLeaksTest.tcpConnects(lab, OUTSIDE), "TCP flows again");

        LabProcess connecting = lab.spawn(LabNode.CLIENT, "connect-unanswered", env(),
                List.of("sh", "-c", "exec " + String.join(" ", command("connect", "lab", "--password-stdin"))
                        + " <<EOF\n" + PASSWORD + "\nEOF\n"));
        Waits.until(Duration.ofSeconds(30), () -> tableExists(lab), () -> "engaged while connecting:\n" + service.output());
        service.kill();
        assertTrue(tableExists(lab), "a killed service leaves its table");
        assertTrue(Files.exists(runtime.resolve("host/killswitch")), "and its journal");
        connecting.stop(Duration.ofSeconds(5));

        LabProcess restarted = startService(lab);
        assertFalse(tableExists(lab), "the next start removes the table:\n" + restarted.output());
        assertFalse(Files.exists(runtime.resolve("host/killswitch")));
        lab.run(LabNode.CLIENT, "ping", "-c", "1", "-W", "2", OUTSIDE);
    }

    private static boolean tableExists(Lab lab) {
        return lab.exec(LabNode.CLIENT, "nft", "list", "table", "inet", "roadwarrior").exitCode() == 0;
    }

    /** Starts the service and waits until it listens (its log, appended to by each start, says so once more). */
    private LabProcess startService(Lab lab) {
        starts++;
        LabProcess service = lab.spawn(LabNode.CLIENT, "roadwarrior-daemon", Map.of("ROADWARRIOR_RUNTIME_DIR",
                runtime.toString()), List.of(launcher(), "daemon", "--log-level", "debug"));
        Waits.until(Duration.ofSeconds(60), () -> service.output().split(STARTED, -1).length > starts
                || !service.isAlive(), () -> "the service starts:\n" + service.output());
        assertTrue(service.isAlive(), service.output());
        return service;
    }

    /** The CLI as root against the service, the XAuth password on standard input. */
    private ExecResult cli(Lab lab, String... arguments) {
        return lab.exec(LabNode.CLIENT, Duration.ofSeconds(90), env(), List.of("sh", "-c",
                "exec " + String.join(" ", command(arguments)) + " <<EOF\n" + PASSWORD + "\nEOF\n"));
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(launcher()));
        command.addAll(List.of(arguments));
        return command;
    }

    private Map<String, String> env() {
        return Map.of("ROADWARRIOR_RUNTIME_DIR", runtime.toString(), "ROADWARRIOR_HOME", client.home().toString());
    }

    private static String launcher() {
        return RoadwarriorClient.repo().resolve("roadwarrior").toString();
    }
}
