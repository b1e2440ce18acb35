package dev.roadwarrior.platform.linux;

import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import java.io.IOException;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS through systemd-resolved, per link: {@code resolvectl dns <if> <servers>} and
 * {@code resolvectl domain <if> <domains>}, where the domains are the search domains plus the
 * split-DNS domains as routing domains ({@code ~corp.example}); with no split-DNS domains,
 * {@code ~.} and {@code resolvectl default-route <if> yes} send every name to the tunnel's
 * servers (the other links' servers get none). Undo is {@code resolvectl revert <if>};
 * resolved also forgets a link's settings when the link disappears.
 */
public record ResolvedDns(String device) implements DnsChange {

    public ResolvedDns {
        Change.checkDevice(device);
    }

    @Override
    public void apply(TunnelConfig config, CommandRunner commands) throws IOException {
        List<String> dns = new ArrayList<>(List.of("resolvectl", "dns", device));
        config.dnsServers().stream().map(Inet4Address::getHostAddress).forEach(dns::add);
        run(commands, dns);
        List<String> domain = new ArrayList<>(List.of("resolvectl", "domain", device));
        domain.addAll(config.searchDomains());
        if (config.splitDnsDomains().isEmpty()) {
            domain.add("~.");
        } else {
            config.splitDnsDomains().forEach(d -> domain.add("~" + d));
        }
        run(commands, domain);
        if (config.splitDnsDomains().isEmpty()) {
            run(commands, List.of("resolvectl", "default-route", device, "yes"));
        }
    }

    @Override
    public void undo(CommandRunner commands) throws IOException {
        CommandRunner.Result r = commands.run(List.of("resolvectl", "revert", device), "");
        if (!r.ok() && InterfaceControl.index(device).isPresent()) {
            throw new PlatformException(Reason.DNS, r.exitCode(), "resolvectl revert " + device + ": " + r.output());
        }
    }

    private static void run(CommandRunner commands, List<String> command) throws IOException {
        CommandRunner.Result r = commands.run(command, "");
        if (!r.ok()) {
            throw new PlatformException(Reason.DNS, r.exitCode(), String.join(" ", command) + ": " + r.output());
        }
    }

    @Override
    public String journalLine() {
        return "dns resolved " + device;
    }
}
