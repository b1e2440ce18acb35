package dev.roadwarrior.daemon;

import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.ipc.ProfileSource;
import dev.roadwarrior.ipc.RemoteVpnEngine;
import dev.roadwarrior.ipc.ServiceException;
import dev.roadwarrior.ipc.ServicePaths;

/**
 * Finds the engine for a client: the Roadwarrior service when it runs, else, for root only, an
 * engine in this process.
 */
public final class EngineLocator {

    private EngineLocator() {
    }

    /**
     * An engine, with where it runs.
     *
     * @param engine the engine
     * @param inService true: the service runs the connection, which outlives this process once up;
     *     false: the connection lives and dies with this process
     */
    public record Located(VpnEngine engine, boolean inService) implements AutoCloseable {
        /** Closes the line to the service, if any. */
        @Override
        public void close() {
            if (engine instanceof RemoteVpnEngine remote) {
                remote.close();
            }
        }
    }

    /**
     * The service's engine when its socket answers, else an in-process engine when this process
     * runs as root.
     *
     * @param profiles where the service's engine finds the profiles to send
     * @throws ServiceException {@link ServiceException.Reason#NOT_RUNNING} for a user other than
     *     root when no service runs, NOT_ALLOWED when the service refuses this user, and the other
     *     reasons of {@link RemoteVpnEngine#open}
     */
    public static Located locate(ServicePaths paths, ProfileSource profiles) throws ServiceException {
        try {
            return new Located(RemoteVpnEngine.open(paths.socket(), profiles), true);
        } catch (ServiceException e) {
            if (e.reason() != ServiceException.Reason.NOT_RUNNING || !isRoot()) {
                throw e;
            }
        }
        return new Located(Engines.inProcess(), false);
    }

    /** Whether this process runs as root. */
    public static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }
}
