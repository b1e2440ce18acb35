package dev.roadwarrior.platform.linux;

import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import java.io.IOException;
import java.util.List;

/**
 * DNS through the {@code resolvconf} program (Debian resolvconf or openresolv): a record named
 * {@code <if>.roadwarrior} with nameserver and search lines, added with {@code resolvconf -a}
 * and removed with {@code resolvconf -d}. Split-DNS domains cannot be expressed; all names go to
 * the tunnel's servers first.
 */
public record ResolvconfDns(String device) implements DnsChange {

    public ResolvconfDns {
        Change.checkDevice(device);
    }

    /** The resolvconf record name. */
    public String recordName() {
        return device + ".roadwarrior";
    }

    @Override
    public void apply(TunnelConfig config, CommandRunner commands) throws IOException {
        StringBuilder input = new StringBuilder();
        config.dnsServers().forEach(s -> input.append("nameserver ").append(s.getHostAddress()).append('\n'));
        if (!config.searchDomains().isEmpty()) {
            input.append("search ").append(String.join(" ", config.searchDomains())).append('\n');
        }
        check(commands.run(List.of("resolvconf", "-a", recordName()), input.toString()), "-a");
    }

    @Override
    public void undo(CommandRunner commands) throws IOException {
        check(commands.run(List.of("resolvconf", "-d", recordName()), ""), "-d");
    }

    private void check(CommandRunner.Result r, String option) throws PlatformException {
        if (!r.ok()) {
            throw new PlatformException(Reason.DNS, r.exitCode(), "resolvconf " + option + " " + recordName() + ": " + r.output());
        }
    }

    @Override
    public String journalLine() {
        return "dns resolvconf " + device;
    }
}
