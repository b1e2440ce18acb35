package dev.roadwarrior.systemtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes the lab's home router misbehave the way real ones do: iptables rules in its
 * {@code FORWARD} chain drop UDP datagrams (too big ones, or a random share) in both directions,
 * and the router can move to another public address, which gives every flow a new NAT mapping.
 *
 * <p>The kernel has no {@code netem} qdisc, so loss is made with iptables' {@code statistic}
 * match; the NAT move needs the {@code conntrack} tool (Debian package conntrack), because
 * existing flows keep their mapping until their conntrack entry goes.
 */
final class RouterControl {
    private final Lab lab;
    private int rules;

    RouterControl(Lab lab) {
        this.lab = lab;
    }

    /** A DROP rule in the router's {@code FORWARD} chain, tagged with a comment so its counter can be read. */
    final class DropRule {
        private final String tag;
        private final String[] match;

        private DropRule(String tag, String... match) {
            this.tag = tag;
            this.match = match;
        }

        /** How many datagrams the rule has dropped so far. */
        long droppedPackets() {
            final String listing = lab.run(LabNode.ROUTER, "iptables", "-L", "FORWARD", "-v", "-x", "-n").stdout();
            for (String line : listing.split("\n")) {
                if (line.contains("/* " + tag + " */")) {
                    return Long.parseLong(line.strip().split("\\s+")[0]);
                }
            }
            throw new LabException(LabException.Reason.COMMAND_FAILED, "rule " + tag + " not found:\n" + listing);
        }

        /** Deletes the rule: traffic flows normally again. */
        void remove() {
            lab.run(LabNode.ROUTER, command("-D"));
        }

        private String[] command(String operation) {
            final List<String> command = new ArrayList<>(List.of("iptables", operation, "FORWARD", "-p", "udp"));
            command.addAll(List.of(match));
            command.addAll(List.of("-m", "comment", "--comment", tag, "-j", "DROP"));
            return command.toArray(String[]::new);
        }

        @Override
        public String toString() {
            return tag + " " + String.join(" ", match);
        }
    }

    /** Drops every UDP datagram whose IP length exceeds {@code bytes} (an MTU-limited path that loses fragments). */
    DropRule dropUdpLongerThan(int bytes) {
        return add("big-udp", "-m", "length", "--length", (bytes + 1) + ":65535");
    }

    /** Drops each UDP datagram with {@code probability} (0 to 1), whichever way it goes. */
    DropRule dropUdpAtRandom(double probability) {
        return add("random-udp", "-m", "statistic", "--mode", "random", "--probability",
                String.format(Locale.ROOT, "%.3f", probability));
    }

    /**
     * Moves the router's public side to {@code address} (added next to the old one on the WAN
     * interface): the NAT rule becomes {@code SNAT --to-source address} and the UDP conntrack
     * entries are flushed, so the client's next datagram leaves from the new address, and what
     * the gateway still sends to the old mapping reaches no one.
     *
     * @return the conntrack tool's report (how many entries it deleted)
     */
    String movePublicAddress(String address) {
        lab.run(LabNode.ROUTER, "ip", "addr", "add", address + "/24", "dev", Topology.WAN_IF);
        lab.run(LabNode.ROUTER, "iptables", "-t", "nat", "-R", "POSTROUTING", "1", "-o", Topology.WAN_IF,
                "-j", "SNAT", "--to-source", address);
        // exit 1 when there was nothing to delete: not an error here
        final ExecResult flushed = lab.exec(LabNode.ROUTER, "conntrack", "-D", "-p", "udp");
        return flushed.stderr().strip();
    }

    private DropRule add(String name, String... match) {
        final DropRule rule = new DropRule("rwlab-" + name + "-" + ++rules, match);
        lab.run(LabNode.ROUTER, rule.command("-A"));
        return rule;
    }
}
