package dev.roadwarrior.ipc;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the Roadwarrior service keeps its socket and its record of host changes.
 *
 * <ul>
 * <li>By default the socket is {@code /run/roadwarrior/roadwarrior.sock} (systemd's
 *     {@code RuntimeDirectory}) and the journal of host changes with the resolv.conf backup lives
 *     in {@code /var/lib/roadwarrior} ({@code StateDirectory}). The journal must outlive a reboot:
 *     a daemon killed with a tunnel up may leave resolv.conf edited, which a reboot does not undo,
 *     so the next start must still find the record.</li>
 * <li>{@code ROADWARRIOR_RUNTIME_DIR} moves both into that one directory ({@code host/} holds the
 *     journal), for tests and for a service per network namespace.</li>
 * </ul>
 *
 * @param runtimeDir the directory of the socket
 * @param socket the control socket
 * @param hostStateDir the journal of host changes and the resolv.conf backup
 */
public record ServicePaths(Path runtimeDir, Path socket, Path hostStateDir) {

    /** The environment variable that moves the service's files. */
    public static final String RUNTIME_DIR_ENV = "ROADWARRIOR_RUNTIME_DIR";
    /** The runtime directory of the system service. */
    public static final Path DEFAULT_RUNTIME_DIR = Path.of("/run/roadwarrior");
    /** The state directory of the system service. */
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/roadwarrior");
    /** The socket's file name. */
    public static final String SOCKET_NAME = "roadwarrior.sock";

    /** The paths for this process's environment. */
    public static ServicePaths fromEnvironment() {
        return of(System.getenv());
    }

    /** The paths for {@code env}. */
    public static ServicePaths of(Map<String, String> env) {
        String dir = env.get(RUNTIME_DIR_ENV);
        if (dir == null || dir.isEmpty()) {
            return new ServicePaths(DEFAULT_RUNTIME_DIR, DEFAULT_RUNTIME_DIR.resolve(SOCKET_NAME), DEFAULT_STATE_DIR);
        }
        Path runtime = Path.of(dir).toAbsolutePath().normalize();
        return new ServicePaths(runtime, runtime.resolve(SOCKET_NAME), runtime.resolve("host"));
    }
}
