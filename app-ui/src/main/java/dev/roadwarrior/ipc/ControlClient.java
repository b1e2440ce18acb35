package dev.roadwarrior.ipc;

import dev.roadwarrior.ipc.ControlMessage.ErrorReply;
import dev.roadwarrior.ipc.ControlMessage.Event;
import dev.roadwarrior.ipc.ControlMessage.FromService;
import dev.roadwarrior.ipc.ControlMessage.Hello;
import dev.roadwarrior.ipc.ControlMessage.Reply;
import dev.roadwarrior.ipc.ControlMessage.Request;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The client end of the control socket: sends requests, matches replies to them by id, and hands
 * events to a {@link Listener}.
 *
 * <p>Threading: all methods may be called from any thread. A thread named {@code rw-control}
 * reads the socket; events and the loss of the line reach the listener in order on another
 * thread, {@code rw-control-events}, so a listener may itself make blocking calls. Both are
 * daemon threads and end with {@link #close}.
 */
public final class ControlClient implements Closeable {

    /** How long {@link #open} waits for the greeting and {@link #call} for a reply. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(ControlClient.class.getName());

    /** Receives what the service pushes. Called on the {@code rw-control-events} thread, in order. */
    public interface Listener {
        /** An event of a connection. */
        void onEvent(Event event);

        /** The line to the service broke (not called after {@link #close}). */
        void onLost(ServiceException reason);
    }

    private final SocketChannel channel;
    private final Listener listener;
    private final Map<Long, CompletableFuture<FromService>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<FromService> greeting = new CompletableFuture<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rw-control-events");
        t.setDaemon(true);
        return t;
    });

    private ControlClient(SocketChannel channel, Listener listener) {
        this.channel = channel;
        this.listener = listener;
    }

    /**
     * Connects to the service at {@code socket} and waits for its greeting.
     *
     * @throws ServiceException {@link ServiceException.Reason#NOT_RUNNING} when nothing listens,
     *     {@link ServiceException.Reason#NOT_ALLOWED} when the socket's permissions or the service
     *     refuse this user, {@link ServiceException.Reason#PROTOCOL_MISMATCH}, or
     *     {@link ServiceException.Reason#NO_ANSWER}
     */
    public static ControlClient open(Path socket, Listener listener) throws ServiceException {
        if (!Files.exists(socket)) {
            throw new ServiceException(ServiceException.Reason.NOT_RUNNING, "no socket " + socket);
        }
        if (!Files.isWritable(socket)) { // access(2) with this process's groups, as connect() will check
            throw new ServiceException(ServiceException.Reason.NOT_ALLOWED, "no write permission on " + socket);
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new ServiceException(ServiceException.Reason.LOST, Optional.empty(), e.toString(), e);
        }
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (ConnectException e) {
            close(channel);
            throw new ServiceException(ServiceException.Reason.NOT_RUNNING, Optional.empty(),
                    "nothing listens on " + socket, e);
        } catch (IOException e) {
            close(channel);
            ServiceException.Reason reason = String.valueOf(e.getMessage()).contains("Permission denied")
                    ? ServiceException.Reason.NOT_ALLOWED : ServiceException.Reason.NOT_RUNNING;
            throw new ServiceException(reason, Optional.empty(), e.toString(), e);
        }
        ControlClient client = new ControlClient(channel, listener);
        Thread reader = new Thread(client::readLoop, "rw-control");
        reader.setDaemon(true);
        reader.start();
        FromService first = client.await(client.greeting);
        if (first instanceof ErrorReply e) {
            client.close();
            throw ServiceException.refused(e.code(), e.message());
        }
        if (!(first instanceof Hello hello) || hello.protocol() != ControlCodec.PROTOCOL) {
            client.close();
            throw new ServiceException(ServiceException.Reason.PROTOCOL_MISMATCH,
                    "this program speaks protocol " + ControlCodec.PROTOCOL + ", the service sent " + first);
        }
        return client;
    }

    /**
     * Sends a request and waits for its reply.
     *
     * @param request builds the request from the id to use
     * @throws ServiceException {@link ServiceException.Reason#REFUSED} (or NOT_ALLOWED) when the
     *     service answered with an error, LOST or NO_ANSWER
     */
    public Reply call(LongFunction<Request> request) throws ServiceException {
        FromService reply = await(send(request));
        if (reply instanceof ErrorReply e) {
            throw ServiceException.refused(e.code(), e.message());
        }
        return (Reply) reply;
    }

    /**
     * Sends a request without waiting; the future completes with its reply (an {@link ErrorReply}
     * too), or exceptionally with a {@link ServiceException} when the line breaks.
     */
    public CompletableFuture<FromService> send(LongFunction<Request> request) {
        long id = ids.incrementAndGet();
        CompletableFuture<FromService> reply = new CompletableFuture<>();
        pending.put(id, reply);
        byte[] line = (ControlCodec.encode(request.apply(id)) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (channel) {
                ByteBuffer b = ByteBuffer.wrap(line);
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            }
        } catch (IOException e) {
            pending.remove(id);
            reply.completeExceptionally(new ServiceException(ServiceException.Reason.LOST, Optional.empty(),
                    e.toString(), e));
        } finally {
            java.util.Arrays.fill(line, (byte) 0); // the line may hold secrets
        }
        return reply;
    }

    /** Closes the line; pending calls fail with LOST; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            close(channel);
            events.shutdown();
            failPending(new ServiceException(ServiceException.Reason.LOST, "closed"));
        }
    }

    private void readLoop() {
        ServiceException end = new ServiceException(ServiceException.Reason.LOST, "the service closed the line");
        try (InputStream in = new BufferedInputStream(Channels.newInputStream(channel))) {
            String line;
            while ((line = ControlCodec.readLine(in)) != null) {
                dispatch(line);
            }
        } catch (IOException | ControlException e) {
            end = new ServiceException(ServiceException.Reason.LOST, Optional.empty(), e.toString(), e);
        }
        failPending(end);
        if (closed.compareAndSet(false, true)) {
            ServiceException lost = end;
            events.execute(() -> listener.onLost(lost));
            events.shutdown();
            close(channel);
        }
    }

    private void dispatch(String line) {
        FromService message;
        try {
            message = ControlCodec.decodeFromService(line);
        } catch (ControlException e) {
            LOG.log(System.Logger.Level.DEBUG, "ignored a line from the service: {0}", e.getMessage());
            return;
        }
        if (message instanceof Event event) {
            events.execute(() -> listener.onEvent(event));
        } else if (message instanceof Reply reply) {
            complete(reply.id(), reply);
        } else if (message instanceof ErrorReply error && error.id().isPresent()) {
            complete(error.id().get(), error);
        } else if (!greeting.complete(message)) { // hello, or refused; later: a line the service could not read
            LOG.log(System.Logger.Level.WARNING, "the service could not read a request: {0}", message);
        }
    }

    private void complete(long id, FromService reply) {
        CompletableFuture<FromService> future = pending.remove(id);
        if (future != null) {
            future.complete(reply);
        }
    }

    private void failPending(ServiceException e) {
        greeting.completeExceptionally(e);
        pending.values().forEach(f -> f.completeExceptionally(e));
        pending.clear();
    }

    private FromService await(CompletableFuture<FromService> future) throws ServiceException {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ServiceException s ? s
                    : new ServiceException(ServiceException.Reason.LOST, Optional.empty(), e.toString(), e);
        } catch (TimeoutException e) {
            throw new ServiceException(ServiceException.Reason.NO_ANSWER, "no reply within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ServiceException.Reason.NO_ANSWER, "interrupted");
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
