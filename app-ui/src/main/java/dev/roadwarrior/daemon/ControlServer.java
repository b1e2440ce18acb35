package dev.roadwarrior.daemon;

import dev.roadwarrior.ipc.ControlCodec;
import dev.roadwarrior.ipc.ControlMessage.ErrorCode;
import dev.roadwarrior.ipc.ControlMessage.ErrorReply;
import dev.roadwarrior.ipc.ControlMessage.Hello;
import dev.roadwarrior.platform.linux.PeerCredentials;
import dev.roadwarrior.platform.linux.UnixSocketConnection;
import dev.roadwarrior.platform.linux.UnixSocketServer;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's end of the control socket. The socket file is {@code root:roadwarrior}, mode
 * 0660, so the kernel lets only root and members of the group connect; each accepted client's
 * credentials ({@code SO_PEERCRED}, {@code SO_PEERGROUPS}) are checked again, and a client that
 * is neither root nor in the group gets a {@code NOT_ALLOWED} error instead of the greeting and
 * is closed. Without the group only root can connect.
 *
 * <p>Threading: a thread named {@code rw-accept} accepts; each client has its own threads
 * ({@link ClientSession}).
 */
final class ControlServer implements Closeable {

    /** The group whose members may use the service. */
    static final String GROUP = "roadwarrior";
    private static final System.Logger LOG = System.getLogger(ControlServer.class.getName());

    private final UnixSocketServer server;
    private final String groupName;
    private final OptionalInt groupId;
    private final DaemonCore core;
    private final String version;
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger numbers = new AtomicInteger();
    private final Thread acceptor;

    private ControlServer(UnixSocketServer server, String groupName, OptionalInt groupId, DaemonCore core,
            String version) {
        this.server = server;
        this.groupName = groupName;
        this.groupId = groupId;
        this.core = core;
        this.version = version;
        this.acceptor = new Thread(this::acceptLoop, "rw-accept");
        acceptor.setDaemon(true);
    }

    /** Listens on {@code socket} and starts accepting clients for {@code core}. */
    static ControlServer start(Path socket, DaemonCore core, String version) throws IOException {
        return start(socket, core, version, GROUP);
    }

    /** As {@link #start(Path, DaemonCore, String)} for the members of {@code groupName} (tests). */
    static ControlServer start(Path socket, DaemonCore core, String version, String groupName) throws IOException {
        Optional<GroupPrincipal> group;
        try {
            group = Optional.of(FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName(groupName));
        } catch (UserPrincipalNotFoundException e) {
            LOG.log(Level.WARNING, "group {0} does not exist, so only root can use the service "
                    + "(create it with: groupadd --system {0})", groupName);
            group = Optional.empty();
        }
        UnixSocketServer server = UnixSocketServer.listen(socket, PosixFilePermissions.fromString("rw-rw----"), group);
        OptionalInt gid = group.isPresent() ? OptionalInt.of((Integer) Files.getAttribute(server.path(), "unix:gid"))
                : OptionalInt.empty();
        ControlServer control = new ControlServer(server, groupName, gid, core, version);
        control.acceptor.start();
        LOG.log(Level.INFO, "listening on {0} (protocol {1})", server.path(), ControlCodec.PROTOCOL);
        return control;
    }

    private void acceptLoop() {
        while (true) {
            UnixSocketConnection connection;
            try {
                connection = server.accept();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "no longer accepting: {0}", e.toString());
                return;
            }
            PeerCredentials peer = connection.peer();
            if (groupId.isPresent() ? !peer.isRootOrInGroup(groupId.getAsInt()) : peer.uid() != 0) {
                refuse(connection);
                continue;
            }
            ClientSession session = new ClientSession(numbers.incrementAndGet(), connection, core, sessions::remove);
            sessions.add(session);
            LOG.log(Level.DEBUG, "{0} connected", session);
            session.start(new Hello(ControlCodec.PROTOCOL, version));
        }
    }

    private void refuse(UnixSocketConnection connection) {
        PeerCredentials peer = connection.peer();
        LOG.log(Level.WARNING, "refused uid {0} (pid {1}): neither root nor in group {2}",
                Integer.toString(peer.uid()), Integer.toString(peer.pid()), groupName);
        try {
            ControlCodec.write(new ErrorReply(Optional.empty(), ErrorCode.NOT_ALLOWED,
                    "only root and members of group " + groupName + " may use the Roadwarrior service"),
                    connection.outputStream());
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "the refused client went away: {0}", e.toString());
        } finally {
            connection.close();
        }
    }

    /** Stops accepting, removes the socket file and closes every client once its queue is sent; idempotent. */
    @Override
    public void close() {
        server.close();
        sessions.forEach(ClientSession::closeAfterFlush);
    }
}
