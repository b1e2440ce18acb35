package dev.roadwarrior.platform.linux;

import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.engine.spi.NetworkConfigurator;
import dev.roadwarrior.engine.spi.TunDevice;
import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import dev.roadwarrior.platform.jna.LibC;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@link NetworkConfigurator} for Linux: a TUN device through JNA ioctls, the address by ioctl,
 * routes through rtnetlink, DNS by the {@link DnsConfigurator} given.
 *
 * <p>Routes: split tunnel, one route per include network via the TUN device; full tunnel,
 * 0.0.0.0/1 and 128.0.0.0/1 via the TUN device (the default route is left alone, so undoing is
 * trivial). A full tunnel also makes global IPv6 unreachable ({@code ::/1} and {@code 8000::/1},
 * type {@code unreachable}): the tunnel carries IPv4 only, and IPv6 must not pass beside it;
 * link-local and more specific routes (the local subnets) keep working. When the gateway would fall into the tunnel, a host route to it keeps the path the
 * kernel used before; each exclude network likewise keeps its original path. Original paths are
 * looked up (RTM_GETROUTE) before anything changes; host and exclude routes go in before the
 * tunnel routes.
 *
 * <p>Crash safety: every change is appended to a journal in the state directory and synced
 * before it is made (the TUN device right after it exists: it dies with the process anyway).
 * {@link #revert} leaves in the journal only what it failed to undo; {@link #recoverLeftovers}
 * undoes every journaled change, deleting leftover interfaces by name, then deletes the journal.
 * {@link #openTun} refuses to start while a journal is left over.
 *
 * <p>{@link #apply} also sets the device's MTU to the config's; that is not undone (the device
 * goes away on revert).
 *
 * <p>All calls act in the network namespace of the calling thread.
 */
public final class LinuxNetworkConfigurator implements NetworkConfigurator {

    /** State directory for a system-wide daemon; the journal must survive a reboot. */
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/roadwarrior");
    static final List<Ipv4Network> HALVES = List.of(Ipv4Network.parse("0.0.0.0/1"), Ipv4Network.parse("128.0.0.0/1"));
    private static final System.Logger LOG = System.getLogger(LinuxNetworkConfigurator.class.getName());

    private final Journal journal;
    private final DnsConfigurator dns;
    private final CommandRunner commands;
    /** Changes made and not yet undone, oldest first; the journal holds the same list. */
    private final List<Change> done = new ArrayList<>();
    private LinuxTunDevice tun;

    /**
     * @param stateDir where the journal ({@code journal}) lives; created on first use, mode 0700
     * @param dns how DNS is set
     * @param commands runs the helper programs that DNS changes need
     */
    public LinuxNetworkConfigurator(Path stateDir, DnsConfigurator dns, CommandRunner commands) {
        this.journal = new Journal(stateDir.resolve("journal"));
        this.dns = dns;
        this.commands = commands;
    }

    /** For the host: state in {@link #DEFAULT_STATE_DIR}, DNS mechanism detected for /etc/resolv.conf. */
    public static LinuxNetworkConfigurator forHost() {
        CommandRunner commands = CommandRunner.system();
        return new LinuxNetworkConfigurator(DEFAULT_STATE_DIR,
                DnsConfigurator.detect(Path.of("/etc/resolv.conf"), DEFAULT_STATE_DIR, commands), commands);
    }

    @Override
    public TunDevice openTun(String namePrefix, int mtu) throws IOException {
        if (tun != null) {
            throw new IllegalStateException("a TUN device is already open: " + tun.name());
        }
        if (journal.exists()) {
            throw new PlatformException(Reason.LEFTOVER_STATE, 0, journal.file() + " exists; recover leftovers first");
        }
        LinuxTunDevice device = LinuxTunDevice.open(namePrefix, mtu);
        try {
            record(new Change.Tun(device.name()));
        } catch (PlatformException e) {
            device.close();
            throw e;
        }
        tun = device;
        return device;
    }

    /** True unless the DNS change of the tunnel is one that cannot route names by domain. */
    @Override
    public boolean routesDnsByDomain() {
        return done.stream().noneMatch(c -> c instanceof DnsChange d && !d.routesByDomain());
    }

    @Override
    public void apply(TunDevice device, TunnelConfig config) throws IOException {
        if (device != tun || tun.isClosed()) {
            throw new IllegalArgumentException("not the open TUN device of this configurator");
        }
        if (done.size() != 1) {
            throw new IllegalStateException("a configuration is already applied");
        }
        String name = tun.name();
        try {
            if (InterfaceControl.mtu(name) != config.mtu()) {
                InterfaceControl.setMtu(name, config.mtu());
            }
            List<Change.Route> original = originalPaths(config);
            Change.Address address = new Change.Address(name, config.address(), config.prefixLength());
            record(address);
            InterfaceControl.setAddress(name, config.address(), config.prefixLength());
            for (Change.Route route : original) {
                addRoute(route, true);
            }
            for (Ipv4Network network : config.fullTunnel() ? HALVES : config.includeNetworks()) {
                addRoute(new Change.Route(network, Optional.empty(), name), false);
            }
            if (config.fullTunnel()) {
                blockIpv6();
            }
            if (!config.dnsServers().isEmpty()) {
                DnsChange change = dns.plan(name);
                record(change);
                change.apply(config, commands);
            }
        } catch (IOException | RuntimeException e) {
            undoAllBut(1);
            throw e;
        }
    }

    /** Host route to the gateway (when it would enter the tunnel) and exclude routes, over today's paths. */
    private static List<Change.Route> originalPaths(TunnelConfig config) throws PlatformException {
        List<Ipv4Network> keep = new ArrayList<>();
        Inet4Address gateway = config.gateway();
        if (config.fullTunnel() || config.includeNetworks().stream().anyMatch(n -> n.contains(gateway))) {
            keep.add(new Ipv4Network(gateway, 32));
        }
        keep.addAll(config.excludeNetworks());
        List<Change.Route> routes = new ArrayList<>();
        for (Ipv4Network network : keep) {
            Rtnetlink.lookup(network).ifPresentOrElse(routes::add,
                    () -> LOG.log(System.Logger.Level.INFO, "{0} has no unicast route (a local address?); none added", network));
        }
        return routes;
    }

    /**
     * Adds a route; an existing equal route is fatal unless {@code existingIsFine} or it already
     * leads into our own device (it goes with the device), then left alone.
     */
    private void addRoute(Change.Route route, boolean existingIsFine) throws PlatformException {
        record(route);
        if (!Rtnetlink.addRoute(route)) {
            done.remove(done.size() - 1);
            journal.rewrite(done);
            boolean ours = Rtnetlink.lookup(route.destination()).map(r -> r.device().equals(route.device()))
                    .orElse(false);
            if (ours) {
                LOG.log(System.Logger.Level.INFO, "{0} is already routed into {1}", route.destination(), route.device());
            } else if (!existingIsFine) {
                throw new PlatformException(Reason.ROUTE, LibC.EEXIST, "route exists: " + route.journalLine());
            }
        }
    }

    /**
     * Global IPv6 unreachable while a full tunnel carries IPv4 only; a half that already exists
     * (left by someone else) is left alone and not journaled, and a kernel without IPv6 needs none.
     */
    private void blockIpv6() throws PlatformException {
        for (Change.UnreachableIpv6 half : Change.UnreachableIpv6.HALVES) {
            record(half);
            boolean added;
            try {
                added = Rtnetlink.addUnreachable(half);
            } catch (PlatformException e) {
                if (e.errno() != Rtnetlink.EAFNOSUPPORT) {
                    throw e;
                }
                done.remove(done.size() - 1);
                journal.rewrite(done);
                LOG.log(System.Logger.Level.INFO, "this kernel has no IPv6 (ipv6.disable=1): nothing to block");
                return;
            }
            if (!added) {
                done.remove(done.size() - 1);
                journal.rewrite(done);
                LOG.log(System.Logger.Level.INFO, "{0} is already unreachable", half.journalLine());
            }
        }
    }

    @Override
    public OptionalInt pathMtu(Inet4Address destination) {
        try {
            return Rtnetlink.pathMtu(destination);
        } catch (PlatformException e) {
            LOG.log(System.Logger.Level.DEBUG, "no path MTU towards {0}: {1}", destination.getHostAddress(), e.getMessage());
            return OptionalInt.empty();
        }
    }

    @Override
    public void revert() {
        undoAllBut(0);
        tun = null;
    }

    @Override
    public void recoverLeftovers() {
        if (tun != null) {
            throw new IllegalStateException("a tunnel of this process is up; revert it instead");
        }
        try {
            List<Change> leftovers = journal.read();
            for (int i = leftovers.size() - 1; i >= 0; i--) {
                Change c = leftovers.get(i);
                try {
                    undo(c);
                    LOG.log(System.Logger.Level.INFO, "recovered: {0}", c.journalLine());
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot undo leftover " + c.journalLine(), e);
                }
            }
            journal.rewrite(List.of());
        } catch (PlatformException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot recover leftovers from " + journal.file(), e);
        }
        done.clear();
    }

    /** Undoes the changes after the first {@code keep}, newest first; keeps the failures recorded. */
    private void undoAllBut(int keep) {
        List<Change> failed = new ArrayList<>();
        while (done.size() > keep) {
            Change c = done.remove(done.size() - 1);
            try {
                undo(c);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot undo " + c.journalLine(), e);
                failed.add(0, c);
            }
        }
        done.addAll(failed);
        try {
            journal.rewrite(done);
        } catch (PlatformException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot rewrite the journal", e);
        }
    }

    private void undo(Change c) throws IOException {
        if (c instanceof Change.Tun t) {
            if (tun != null && tun.name().equals(t.name())) {
                tun.close();
            } else {
                Rtnetlink.deleteLink(t.name());
            }
        } else if (c instanceof Change.Address a) {
            Rtnetlink.deleteAddress(a);
        } else if (c instanceof Change.Route r) {
            Rtnetlink.deleteRoute(r);
        } else if (c instanceof Change.UnreachableIpv6 u) {
            Rtnetlink.deleteUnreachable(u);
        } else if (c instanceof DnsChange d) {
            d.undo(commands);
        }
    }

    private void record(Change change) throws PlatformException {
        journal.append(change);
        done.add(change);
    }
}
