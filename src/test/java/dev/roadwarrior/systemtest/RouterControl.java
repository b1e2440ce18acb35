package dev.roadwarrior.systemtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Makes the lab's home router misbehave the way real ones do: iptables rules in its
 * {@code FORWARD} chain drop UDP datagrams (too big ones, or a random share) in both directions,
 * duplicate or reorder them, and the router can move to another public address, which gives every flow a new NAT mapping.
 *
 * <p>The kernel has no {@code netem} qdisc, so loss is made with iptables' {@code statistic}
 * match, duplicates with the {@code TEE} target and reordering with an HTB class that holds back
 * every datagram with an odd IP identification behind a slower rate; the NAT move needs the {@code conntrack} tool (Debian package conntrack), because
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
        lab.run(LabNode.ROUTER, "ip", "addr", "replace", address + "/24", "dev", Topology.WAN_IF);
        lab.run(LabNode.ROUTER, "iptables", "-t", "nat", "-R", "POSTROUTING", "1", "-o", Topology.WAN_IF,
                "-j", "SNAT", "--to-source", address);
        // exit 1 when there was nothing to delete: not an error here
        final ExecResult flushed = lab.exec(LabNode.ROUTER, "conntrack", "-D", "-p", "udp");
        return flushed.stderr().strip();
    }

    /**
     * Duplicates every UDP datagram from the gateway to the client (an iptables {@code TEE} clone
     * sent straight to the client), until the returned action runs. Only this direction: a clone
     * towards the gateway would leave before the NAT and carry the client's private address.
     */
    Runnable duplicateToClient() {
        String[] rule = {"FORWARD", "-i", Topology.WAN_IF, "-p", "udp", "-j", "TEE", "--gateway", Topology.CLIENT_IP};
        lab.run(LabNode.ROUTER, concat(new String[] {"iptables", "-t", "mangle", "-A"}, rule));
        return () -> lab.run(LabNode.ROUTER, concat(new String[] {"iptables", "-t", "mangle", "-D"}, rule));
    }

    /**
     * Reorders UDP datagrams leaving the router on both sides: an HTB qdisc sends datagrams with
     * an odd IP identification through a class limited to {@code slowMbit} (a queue of 50),
     * the rest through a fast one, so the held-back half arrives after later datagrams once the
     * slow class has a queue. The returned action removes both qdiscs.
     */
    Runnable reorder(int slowMbit) {
        for (String dev : new String[] {Topology.LAN_IF, Topology.WAN_IF}) {
            lab.run(LabNode.ROUTER, "tc", "qdisc", "add", "dev", dev, "root", "handle", "1:", "htb", "default", "10");
            lab.run(LabNode.ROUTER, "tc", "class", "add", "dev", dev, "parent", "1:", "classid", "1:10", "htb",
                    "rate", "10gbit");
            lab.run(LabNode.ROUTER, "tc", "class", "add", "dev", dev, "parent", "1:", "classid", "1:20", "htb",
                    "rate", slowMbit + "mbit", "ceil", slowMbit + "mbit");
            lab.run(LabNode.ROUTER, "tc", "qdisc", "add", "dev", dev, "parent", "1:20", "pfifo", "limit", "50");
            lab.run(LabNode.ROUTER, "tc", "filter", "add", "dev", dev, "parent", "1:", "protocol", "ip", "u32",
                    "match", "ip", "protocol", "17", "0xff", "match", "u16", "0x0001", "0x0001", "at", "4",
                    "flowid", "1:20");
        }
        return () -> {
            for (String dev : new String[] {Topology.LAN_IF, Topology.WAN_IF}) {
                lab.run(LabNode.ROUTER, "tc", "qdisc", "del", "dev", dev, "root");
            }
        };
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private DropRule add(String name, String... match) {
        final DropRule rule = new DropRule("rwlab-" + name + "-" + ++rules, match);
        lab.run(LabNode.ROUTER, rule.command("-A"));
        return rule;
    }
}
