package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Proposals against strongSwan: the elliptic-curve groups and AES-GCM (Roadwarrior extensions of
 * the profile format) negotiate and carry traffic; a profile the gateway cannot agree with ends
 * within seconds with "no proposal chosen" and what was offered.
 */
@ExtendWith(LabExtension.class)
class ProposalsTest {

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

    @ParameterizedTest(name = "group {0} with AES-GCM-{2}")
    @CsvSource({"19, ecp256, 16", "20, ecp384, 12", "21, ecp521, 8"})
    void ecpGroupsAndAesGcmNegotiateAndCarryTraffic(int group, String curve, int icv, Lab lab) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder()
                .ikeProposals("aes256-sha256-" + curve).espProposals("aes256gcm" + icv + "-" + curve).build());
        importLabProfile(lab, Map.of("phase1-cipher", "aes", "phase1-keylen", "256", "phase1-hash", "sha2-256",
                "phase1-dhgroup", Integer.toString(group), "phase2-transform", "esp-aes-gcm" + icv, "phase2-keylen", "256",
                "phase2-pfsgroup", Integer.toString(group)));

        LabProcess running = client.connect("lab", List.of("--password-stdin"), List.of("alice-password"));
        RoadwarriorClient.awaitTunnel(running, gateway);
        int bits = group == 19 ? 256 : group == 20 ? 384 : 521;
        assertTrue(running.output().contains("ECP-" + bits), running.output());
        assertTrue(running.output().contains("AES_GCM_" + icv + "-256"), running.output());
        lab.run(LabNode.CLIENT, "ping", "-c", "2", "-W", "2", Topology.PROTECTED_IP);
        String sas = gateway.listSas();
        assertTrue(sas.contains("ECP_" + bits), sas);
        assertTrue(sas.contains("AES_GCM_" + icv + "_256") || sas.contains("AES_GCM_" + icv + "-256"), sas);
        client.disconnect(running);
    }

    @Test
    void phase1MismatchEndsQuicklySayingWhatWasOffered(Lab lab) throws IOException {
        StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder().ikeProposals("aes256-sha256-ecp256").build());
        importLabProfile(lab, Map.of("phase1-cipher", "3des", "phase1-hash", "md5", "phase1-dhgroup", "2"));

        long start = System.nanoTime();
        ExecResult r = connectUntilExit();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertNoProposalChosen(lab, r, "offered 3DES-CBC-192 / MD5 / MODP-1024");
        assertTrue(millis < 10_000, "ends within seconds, not after retransmissions: " + millis + " ms");
    }

    @Test
    void phase2MismatchEndsQuicklySayingWhatWasOffered(Lab lab) throws IOException {
        StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder().espProposals("aes256gcm16").build());
        importLabProfile(lab, Map.of("phase2-transform", "esp-3des", "phase2-hmac", "md5"));

        long start = System.nanoTime();
        ExecResult r = connectUntilExit();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertNoProposalChosen(lab, r, "offered ESP TRIPLE_DES_CBC-192 / HMAC_MD5_96 / no PFS");
        assertTrue(millis < 10_000, "ends within seconds, not after retransmissions: " + millis + " ms");
    }

    private static void assertNoProposalChosen(Lab lab, ExecResult r, String offered) {
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("accepted none of the offered encryption settings"), r.describe());
        assertTrue(r.stderr().contains(offered), r.describe());
        assertFalse(r.stderr().contains("Exception") || r.stdout().contains("\tat "), "no stack trace: " + r.describe());
        String links = lab.run(LabNode.CLIENT, "ip", "-o", "link").stdout();
        assertFalse(links.matches("(?s).*\\d+: rw\\d+.*"), "no TUN device left:\n" + links);
    }

    private ExecResult connectUntilExit() {
        return client.connectUntilExit("lab", List.of("--password-stdin"), List.of("alice-password"),
                Duration.ofSeconds(90));
    }

    /** Imports the lab profile, with some {@code key -> value} lines replaced, as "lab". */
    private void importLabProfile(Lab lab, Map<String, String> changes) throws IOException {
        client = new RoadwarriorClient(lab);
        client.importProfile(labProfile(client.home(), changes), "lab");
    }

    /** {@code lab-psk-xauth.vpn} with the values of some keys replaced, written to {@code dir}. */
    static Path labProfile(Path dir, Map<String, String> changes) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(RoadwarriorClient.repo().resolve(
                "src/test/resources/profiles/lab-psk-xauth.vpn"))) {
            String key = line.length() > 2 ? line.substring(2, Math.max(2, line.indexOf(':', 2))) : "";
            text.append(changes.containsKey(key) ? line.substring(0, 2) + key + ":" + changes.get(key) : line).append('\n');
        }
        return Files.writeString(dir.resolve("lab.vpn"), text);
    }
}
