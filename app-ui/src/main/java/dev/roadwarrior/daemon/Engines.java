package dev.roadwarrior.daemon;

import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.ike.IkeClient;
import dev.roadwarrior.engine.ike.RetransmitPolicy;
import dev.roadwarrior.engine.runtime.LocalVpnEngine;
import dev.roadwarrior.engine.spi.NetworkConfigurator;
import dev.roadwarrior.engine.time.EngineClock;
import dev.roadwarrior.platform.linux.CommandRunner;
import dev.roadwarrior.platform.linux.DnsConfigurator;
import dev.roadwarrior.platform.linux.LinuxNetworkConfigurator;
import dev.roadwarrior.profiles.RoadwarriorPaths;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Builds the engine with the real IKE client, crypto and host adapters: in the daemon or, as root, in-process. */
public final class Engines {

    private Engines() {
    }

    /**
     * An engine running in this process, configuring this host (needs root). Its journal of host
     * changes lives in /var/lib/roadwarrior, or under {@code $ROADWARRIOR_HOME/run/host} when
     * ROADWARRIOR_HOME moves all state (tests, scripted use). Starts the {@link HostWarmup}.
     */
    public static VpnEngine inProcess() {
        HostWarmup.start();
        RoadwarriorPaths paths = RoadwarriorPaths.fromEnvironment();
        return local(hostConfigurator(paths.singleHome() ? paths.stateDir().resolve("host")
                : LinuxNetworkConfigurator.DEFAULT_STATE_DIR));
    }

    /** An engine in this process that configures the host through {@code configurator}. */
    static LocalVpnEngine local(NetworkConfigurator configurator) {
        JcaIkeCrypto crypto = new JcaIkeCrypto();
        SecureRandom random = new SecureRandom();
        EngineClock clock = EngineClock.system();
        return new LocalVpnEngine((request, localIke, localNatt, gateway) -> new IkeClient(request, crypto, localIke,
                localNatt, gateway, RetransmitPolicy.DEFAULT, random, clock.wall()), configurator, clock,
                new InetSocketAddress(0), new InetSocketAddress(0));
    }

    /**
     * The Linux host adapter with its journal and the resolv.conf backup in {@code stateDir}; DNS
     * by the mechanism this host uses for /etc/resolv.conf.
     */
    static LinuxNetworkConfigurator hostConfigurator(Path stateDir) {
        CommandRunner commands = CommandRunner.system();
        return new LinuxNetworkConfigurator(stateDir, DnsConfigurator.detect(Path.of("/etc/resolv.conf"), stateDir,
                commands), commands);
    }
}
