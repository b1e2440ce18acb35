package dev.roadwarrior.ui.editor;

import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.HostNames;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks of the editor's text fields and the parsing behind them, with the importer's
 * {@link Reason}s: a number out of range is {@link Reason#OUT_OF_RANGE} here as in a {@code .vpn}
 * file. Stateless.
 */
final class Checks {

    private Checks() {
    }

    /** A whole number from {@code min} to {@code max}. */
    static Function<String, Optional<Problem>> number(long min, long max) {
        return s -> {
            if (s.isEmpty()) {
                return Problem.of(Reason.MISSING_REQUIRED_KEY);
            }
            try {
                long v = Long.parseLong(s);
                return v < min || v > max ? Problem.of(Reason.OUT_OF_RANGE, s, Long.toString(min), Long.toString(max))
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Problem.of(Reason.BAD_NUMBER, s);
            }
        };
    }

    /** A gateway host: required, not a template placeholder, a host name or IPv4 address. */
    static Optional<Problem> host(String s) {
        if (s.isEmpty()) {
            return Problem.of(Reason.MISSING_REQUIRED_KEY);
        }
        if (HostNames.isPlaceholderHost(s)) {
            return Problem.of(Reason.TEMPLATE_PLACEHOLDER, s);
        }
        return HostNames.isValidHost(s) ? Optional.empty() : Problem.of(Reason.INVALID_HOST, s);
    }

    /** An IPv4 address, or blank when {@code required} is false. */
    static Optional<Problem> address(String s, boolean required) {
        if (s.isEmpty()) {
            return required ? Problem.of(Reason.MISSING_REQUIRED_KEY) : Optional.empty();
        }
        return Ipv4Network.tryParseAddress(s.trim()).isPresent() ? Optional.empty() : Problem.of(Reason.INVALID_ADDRESS, s);
    }

    /** A contiguous dotted netmask, or blank when {@code required} is false. */
    static Optional<Problem> netmask(String s, boolean required) {
        if (s.isEmpty()) {
            return required ? Problem.of(Reason.MISSING_REQUIRED_KEY) : Optional.empty();
        }
        Optional<Inet4Address> a = Ipv4Network.tryParseAddress(s.trim());
        return a.isPresent() && Ipv4Network.prefixOf(a.get()).isPresent() ? Optional.empty()
                : Problem.of(Reason.INVALID_NETMASK, s);
    }

    /** IPv4 addresses separated by commas, spaces or new lines. */
    static Optional<Problem> addresses(String s) {
        for (String item : items(s)) {
            if (Ipv4Network.tryParseAddress(item.trim()).isEmpty()) {
                return Problem.of(Reason.INVALID_ADDRESS, item);
            }
        }
        return Optional.empty();
    }

    /** Networks, one per line or separated by commas: {@code 10.1.0.0/16} or {@code 10.1.0.0 / 255.255.0.0}. */
    static Optional<Problem> networks(String s) {
        for (String item : s.split("[,\\n]")) {
            if (!item.isBlank() && network(item).isEmpty()) {
                return Problem.of(Reason.INVALID_POLICY_ENTRY, item.trim());
            }
        }
        return Optional.empty();
    }

    /** The items of a list field (commas, spaces, new lines). */
    static List<String> items(String s) {
        List<String> out = new ArrayList<>();
        for (String item : s.split("[,\\s]+")) {
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        return out;
    }

    /** The addresses of a checked address list. */
    static List<Inet4Address> addressList(String s) {
        return items(s).stream().map(i -> Ipv4Network.tryParseAddress(i.trim()).orElseThrow()).toList();
    }

    /** The networks of a checked network list. */
    static List<Ipv4Network> networkList(String s) {
        List<Ipv4Network> out = new ArrayList<>();
        for (String item : s.split("[,\\n]")) {
            if (!item.isBlank()) {
                out.add(network(item).orElseThrow());
            }
        }
        return out;
    }

    /** A network list as the editor shows it: one {@code address/prefix} per line. */
    static String networkText(List<Ipv4Network> nets) {
        return String.join("\n", nets.stream().map(Ipv4Network::toString).toList());
    }

    /** An address list as the editor shows it. */
    static String addressText(List<Inet4Address> addresses) {
        return String.join(", ", addresses.stream().map(Inet4Address::getHostAddress).toList());
    }

    private static Optional<Ipv4Network> network(String item) {
        String t = item.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String right = t.substring(slash + 1).trim();
        Optional<Inet4Address> address = Ipv4Network.tryParseAddress(t.substring(0, slash).trim());
        if (address.isEmpty()) {
            return Optional.empty();
        }
        if (right.contains(".")) {
            return Ipv4Network.tryParseAddress(right).flatMap(Ipv4Network::prefixOf).map(p -> new Ipv4Network(address.get(), p));
        }
        try {
            return Optional.of(Ipv4Network.parse(address.get().getHostAddress() + "/" + right));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
