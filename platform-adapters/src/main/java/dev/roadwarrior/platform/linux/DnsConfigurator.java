package dev.roadwarrior.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses how DNS is set for a tunnel: {@link #plan} names the change for a device without
 * making it; {@link LinuxNetworkConfigurator} journals it, then applies it.
 */
@FunctionalInterface
public interface DnsConfigurator {

    /** The change that would give {@code device} the tunnel's DNS settings. */
    DnsChange plan(String device);

    /** Per-link DNS through systemd-resolved ({@code resolvectl}). */
    static DnsConfigurator systemdResolved() {
        return ResolvedDns::new;
    }

    /** A record through the {@code resolvconf} program. */
    static DnsConfigurator resolvconf() {
        return ResolvconfDns::new;
    }

    /** Edits {@code resolvConf} in place, keeping the original as {@code resolv.conf.orig} in {@code stateDir}. */
    static DnsConfigurator resolvConfFile(Path resolvConf, Path stateDir) {
        Path backup = stateDir.resolve("resolv.conf.orig");
        return device -> new ResolvConfFile(resolvConf, backup);
    }

    /**
     * The mechanism this host uses, in order: systemd-resolved when it runs (its runtime
     * directory /run/systemd/resolve exists and resolvectl is installed); else resolvconf when
     * installed and not systemd's resolvectl compatibility link; else editing {@code resolvConf}.
     */
    static DnsConfigurator detect(Path resolvConf, Path stateDir, CommandRunner commands) {
        return detect(resolvConf, stateDir, commands, Path.of("/run/systemd/resolve"));
    }

    /** {@link #detect(Path, Path, CommandRunner)} with resolved's runtime directory given (tests). */
    static DnsConfigurator detect(Path resolvConf, Path stateDir, CommandRunner commands, Path resolvedRuntimeDir) {
        if (Files.isDirectory(resolvedRuntimeDir) && commands.find("resolvectl").isPresent()) {
            return systemdResolved();
        }
        boolean resolvconf = commands.find("resolvconf").filter(p -> {
            try {
                return !p.toRealPath().getFileName().toString().equals("resolvectl");
            } catch (IOException e) {
                return false;
            }
        }).isPresent();
        return resolvconf ? resolvconf() : resolvConfFile(resolvConf, stateDir);
    }
}
