package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.platform.PlatformException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kill switch's nftables table: its script, its journal, and the real {@code nft} in a namespace. */
class NftKillSwitchTest {

    @TempDir
    Path temp;

    private static KillSwitchRules toGateway(String address) {
        return new KillSwitchRules(List.of(Ipv4Network.parseAddress(address)), List.of(500, 4500, 4500), "rw");
    }

    @Test
    void theScriptReplacesTheTableInOneTransaction() {
        String script = toGateway("203.0.113.2").nftScript();
        assertTrue(script.startsWith("table inet roadwarrior\ndelete table inet roadwarrior\ntable inet roadwarrior {\n"),
                script);
        assertTrue(script.contains("policy drop;"), script);
        assertTrue(script.contains("ip daddr { 203.0.113.2 } udp dport { 500, 4500 } accept"), script);
        assertTrue(script.contains("oifname \"rw*\" accept"), script);
        assertFalse(KillSwitchRules.nothingOut("rw").nftScript().contains("daddr"), "no connection: no gateway allowed");
    }

    @Test
    void aFailedLoadIsAFirewallErrorAndNotEngaged() {
        FakeCommandRunner nft = new FakeCommandRunner();
        nft.exitCode = 1;
        NftKillSwitch killSwitch = new NftKillSwitch(temp, nft);
        PlatformException e = assertThrows(PlatformException.class, () -> killSwitch.engage(toGateway("203.0.113.2")));
        assertEquals(PlatformException.Reason.FIREWALL, e.reason());
        assertFalse(killSwitch.engaged());
        assertEquals("nft -f -", nft.commands.get(0));
    }

    @Test
    void engagedReplacedReleasedAndRecoveredInANamespace() throws Exception {
        assumeTrue(CommandRunner.system().find("nft").isPresent(), "skipped: no nft (Debian package nftables)");
        try (Netns ns = Netns.create()) {
            CommandRunner inNs = new InNamespace(ns.name);
            NftKillSwitch killSwitch = new NftKillSwitch(temp, inNs);
            killSwitch.engage(toGateway("203.0.113.2"));
            assertTrue(killSwitch.engaged());
            assertEquals(List.of("nft inet roadwarrior"), Files.readAllLines(temp.resolve("killswitch")));
            String table = table(inNs);
            assertTrue(table.contains("policy drop") && table.contains("203.0.113.2"), table);

            killSwitch.engage(toGateway("198.51.100.7"));
            table = table(inNs);
            assertTrue(table.contains("198.51.100.7") && !table.contains("203.0.113.2"), "replaced, not added:\n" + table);
            assertEquals(1, Files.readAllLines(temp.resolve("killswitch")).size());

            killSwitch.release();
            assertFalse(killSwitch.engaged());
            assertFalse(inNs.run(List.of("nft", "list", "tables"), "").output().contains("roadwarrior"));
            assertFalse(Files.exists(temp.resolve("killswitch")));

            killSwitch.engage(toGateway("203.0.113.2")); // the "crash": this instance is dropped engaged
            NftKillSwitch next = new NftKillSwitch(temp, inNs);
            next.recoverLeftovers();
            assertFalse(inNs.run(List.of("nft", "list", "tables"), "").output().contains("roadwarrior"));
            assertFalse(Files.exists(temp.resolve("killswitch")));
        }
    }

    private static String table(CommandRunner inNs) throws Exception {
        return inNs.run(List.of("nft", "list", "table", "inet", "roadwarrior"), "").output();
    }

    /** Runs the commands in a namespace with {@code ip netns exec}. */
    private record InNamespace(String name) implements CommandRunner {
        @Override
        public Result run(List<String> command, String input) throws java.io.IOException {
            List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
            full.addAll(command);
            return CommandRunner.system().run(full, input);
        }

        @Override
        public Optional<Path> find(String program) {
            return CommandRunner.system().find(program);
        }
    }
}
