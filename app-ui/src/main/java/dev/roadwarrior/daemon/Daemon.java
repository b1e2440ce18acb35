package dev.roadwarrior.daemon;

import dev.roadwarrior.engine.runtime.LocalVpnEngine;
import dev.roadwarrior.ipc.ServicePaths;
import dev.roadwarrior.platform.linux.CommandRunner;
import dev.roadwarrior.platform.linux.LinuxNetworkConfigurator;
import dev.roadwarrior.platform.linux.NftKillSwitch;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Roadwarrior service ({@code roadwarrior daemon}): the engine and the host adapters, run as
 * root, behind the control socket.
 *
 * <p>Start: creates the runtime directory (mode 0755) if needed, refuses to start while another
 * service answers on the socket, undoes the host changes a killed predecessor left (its journal
 * in {@link ServicePaths#hostStateDir()}), then listens. Stop: disconnects the running
 * connection, which restores the host, waits for that, and removes the socket.
 */
public final class Daemon {

    /** How long a stop waits for the running connection to be torn down. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(Daemon.class.getName());

    private final DaemonCore core;
    private final ControlServer server;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Daemon(DaemonCore core, ControlServer server) {
        this.core = core;
        this.server = server;
    }

    /**
     * Starts the service.
     *
     * @param version this build's version, for the greeting
     * @param blockWhileDisconnected keep the kill switch engaged while no connection is up
     * @throws IOException when the socket cannot be made, or another service runs
     */
    public static Daemon start(ServicePaths paths, String version, boolean blockWhileDisconnected)
            throws IOException {
        Path runtime = paths.runtimeDir();
        if (!Files.isDirectory(runtime)) {
            Files.createDirectories(runtime, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        if (answers(paths.socket())) {
            throw new IOException("another Roadwarrior service runs on " + paths.socket());
        }
        HostWarmup.start();
        LinuxNetworkConfigurator configurator = Engines.hostConfigurator(paths.hostStateDir());
        configurator.recoverLeftovers();
        KillSwitchGuard killSwitch = new KillSwitchGuard(new NftKillSwitch(paths.hostStateDir(), CommandRunner.system()),
                blockWhileDisconnected);
        killSwitch.start();
        LocalVpnEngine engine = Engines.local(configurator);
        DaemonCore core = new DaemonCore(engine, ConnectMapping::toRequest, killSwitch);
        ControlServer server = ControlServer.start(paths.socket(), core, version);
        LOG.log(Level.INFO, "Roadwarrior service {0} started; host changes are journaled in {1}", version,
                paths.hostStateDir());
        return new Daemon(core, server);
    }

    /** Whether a live service accepts connections on {@code socket} (a stale socket file refuses them). */
    private static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Asks the thread in {@link #awaitStopRequest()} to stop the service; safe in a signal handler. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /** Blocks until {@link #requestStop()} is called. */
    public void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    /**
     * Disconnects the running connection, waits up to {@link #STOP_GRACE} for the host to be
     * restored, then closes the socket and the clients; idempotent.
     *
     * @return whether the connection ended in time
     */
    public boolean stop() {
        if (!stopped.compareAndSet(false, true)) {
            return true;
        }
        LOG.log(Level.INFO, "stopping");
        boolean clean = core.stop(STOP_GRACE);
        if (!clean) {
            LOG.log(Level.ERROR, "the connection did not end within {0} s; the next start undoes what is left",
                    STOP_GRACE.toSeconds());
        }
        server.close();
        LOG.log(Level.INFO, "stopped");
        return clean;
    }
}
