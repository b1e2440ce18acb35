package dev.roadwarrior.ui.instance;

import dev.roadwarrior.profiles.RoadwarriorPaths;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One desktop app per user: the first instance listens on a per-user Unix socket; a later start
 * ({@code roadwarrior} or {@code roadwarrior open FILE}) hands its request to it and exits.
 *
 * <p>The socket is {@code $XDG_RUNTIME_DIR/roadwarrior/app.sock} (that directory is the user's
 * alone), else {@code /tmp/roadwarrior-USER/app.sock} in a directory of mode 0700, or
 * {@code $ROADWARRIOR_HOME/run/app.sock} when ROADWARRIOR_HOME moves all state. The protocol is one
 * line each way: {@code show} or {@code open <absolute path>}, answered {@code ok}.
 *
 * <p>Threading: {@link #claim} runs on the caller's thread; requests reach the handler on the
 * accept thread ({@code roadwarrior-instance}), one at a time.
 */
public final class SingleInstance implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SingleInstance.class.getName());

    /** What a later start asks the running app to do: show its window, and import {@code file} if given. */
    public record Request(Optional<Path> file) {
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private SingleInstance(Path socket, ServerSocketChannel server, Consumer<Request> handler) {
        this.socket = socket;
        this.server = server;
        this.acceptor = new Thread(() -> serve(handler), "roadwarrior-instance");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The socket for this user and environment. */
    public static Path socketPath(Map<String, String> env) {
        RoadwarriorPaths paths = RoadwarriorPaths.fromEnvironment();
        if (paths.singleHome()) {
            return paths.stateDir().resolve("app.sock");
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isEmpty() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime, "roadwarrior", "app.sock");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "roadwarrior-" + System.getProperty("user.name"),
                "app.sock");
    }

    /**
     * Becomes the running instance, or hands {@code request} to the one already running.
     *
     * @return the claim (close it on exit) when this process is the first; empty when another
     *     instance took the request
     * @throws IOException when the socket can be neither reached nor created
     */
    public static Optional<SingleInstance> claim(Path socket, Request request, Consumer<Request> handler)
            throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (handOver(socket, request)) {
                return Optional.empty();
            }
            Files.deleteIfExists(socket);
            createPrivateDirectory(socket.getParent());
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(socket));
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
                return Optional.of(new SingleInstance(socket, server, handler));
            } catch (IOException e) {
                server.close();
                LOG.log(Level.FINE, "another instance bound the socket first", e);
            }
        }
        throw new IOException("cannot claim or reach " + socket);
    }

    /** Sends the request to a running instance; false when none answers. */
    static boolean handOver(Path socket, Request request) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            String line = request.file().map(f -> "open " + f.toAbsolutePath()).orElse("show") + "\n";
            ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8));
            return "ok".equals(in.readLine());
        } catch (IOException e) {
            return false;
        }
    }

    private void serve(Consumer<Request> handler) {
        while (server.isOpen()) {
            try (SocketChannel ch = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                        StandardCharsets.UTF_8));
                String line = in.readLine();
                Optional<Request> request = parse(line);
                ch.write(ByteBuffer.wrap((request.isPresent() ? "ok\n" : "error\n").getBytes(StandardCharsets.UTF_8)));
                request.ifPresent(handler);
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.log(Level.FINE, "instance request failed", e);
                }
            }
        }
    }

    private static Optional<Request> parse(String line) {
        if ("show".equals(line)) {
            return Optional.of(new Request(Optional.empty()));
        }
        if (line != null && line.startsWith("open /")) {
            return Optional.of(new Request(Optional.of(Path.of(line.substring(5)))));
        }
        return Optional.empty();
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    /** Stops listening and removes the socket. */
    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the instance socket", e);
        }
    }
}
