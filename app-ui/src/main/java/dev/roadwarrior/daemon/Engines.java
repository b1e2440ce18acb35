package dev.roadwarrior.daemon;

import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.ike.IkeClient;
import dev.roadwarrior.engine.ike.RetransmitPolicy;
import dev.roadwarrior.engine.runtime.LocalVpnEngine;
import dev.roadwarrior.platform.linux.LinuxNetworkConfigurator;
import dev.roadwarrior.platform.linux.CommandRunner;
import dev.roadwarrior.platform.linux.DnsConfigurator;
import dev.roadwarrior.profiles.RoadwarriorPaths;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Builds the engine with the real IKE client, crypto and host adapters: in the daemon or, as root, in-process. */
public final class Engines {

    private Engines() {
    }

    /** An engine running in this process, configuring this host (needs root). */
    public static VpnEngine inProcess() {
        JcaIkeCrypto crypto = new JcaIkeCrypto();
        SecureRandom random = new SecureRandom();
        return new LocalVpnEngine((request, localIke, localNatt, gateway) -> new IkeClient(request, crypto, localIke,
                localNatt, gateway, RetransmitPolicy.DEFAULT, random), hostConfigurator());
    }

    /**
     * The host adapter: its journal of host changes lives in /var/lib/roadwarrior, or under
     * {@code $ROADWARRIOR_HOME/run/host} when ROADWARRIOR_HOME moves all state (tests, scripted use).
     */
    private static LinuxNetworkConfigurator hostConfigurator() {
        RoadwarriorPaths paths = RoadwarriorPaths.fromEnvironment();
        if (!paths.singleHome()) {
            return LinuxNetworkConfigurator.forHost();
        }
        Path state = paths.stateDir().resolve("host");
        CommandRunner commands = CommandRunner.system();
        return new LinuxNetworkConfigurator(state, DnsConfigurator.detect(Path.of("/etc/resolv.conf"), state, commands),
                commands);
    }
}
