package dev.roadwarrior.daemon;

import dev.roadwarrior.ipc.ControlCodec;
import dev.roadwarrior.ipc.ControlException;
import dev.roadwarrior.ipc.ControlMessage.ErrorCode;
import dev.roadwarrior.ipc.ControlMessage.ErrorReply;
import dev.roadwarrior.ipc.ControlMessage.FromService;
import dev.roadwarrior.ipc.ControlMessage.Request;
import dev.roadwarrior.platform.linux.PeerCredentials;
import dev.roadwarrior.platform.linux.UnixSocketConnection;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client on the control socket: a reader thread that hands its requests to the
 * {@link DaemonCore}, and a writer thread that sends what is queued for it. A client that stops
 * reading is dropped once {@link #QUEUE} messages wait, so it can never hold up the engine or the
 * other clients; a client that goes away is detached from the core.
 */
final class ClientSession implements DaemonCore.Client {

    /** Messages that may wait for a slow client. */
    static final int QUEUE = 1000;
    private static final System.Logger LOG = System.getLogger(ClientSession.class.getName());

    private final int number;
    private final UnixSocketConnection connection;
    private final DaemonCore core;
    private final Consumer<ClientSession> ended;
    private final BlockingQueue<FromService> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread reader;
    private final Thread writer;

    /** @param ended told once the client has gone and the session is detached */
    ClientSession(int number, UnixSocketConnection connection, DaemonCore core, Consumer<ClientSession> ended) {
        this.number = number;
        this.connection = connection;
        this.core = core;
        this.ended = ended;
        this.reader = new Thread(this::readLoop, "rw-client-" + number);
        this.writer = new Thread(this::writeLoop, "rw-client-" + number + "-out");
        reader.setDaemon(true);
        writer.setDaemon(true);
    }

    /** Queues {@code first} (the greeting) and starts the threads. */
    void start(FromService first) {
        send(first);
        writer.start();
        reader.start();
    }

    @Override
    public void send(FromService message) {
        if (!closed.get() && !queue.offer(message)) {
            LOG.log(Level.WARNING, "{0} does not read its messages; dropping it", this);
            close();
        }
    }

    private void readLoop() {
        InputStream in = new BufferedInputStream(connection.inputStream()); // closing it would close the connection
        try {
            String line;
            while ((line = ControlCodec.readLine(in)) != null) {
                Request request;
                try {
                    request = ControlCodec.decodeRequest(line);
                } catch (ControlException e) {
                    LOG.log(Level.INFO, "{0} sent a request that was refused: {1} {2}", this, e.code(), e.getMessage());
                    send(new ErrorReply(e.requestId(), e.code(), e.getMessage()));
                    continue;
                }
                LOG.log(Level.DEBUG, "{0}: {1}", this, request.getClass().getSimpleName());
                core.handle(this, request);
            }
        } catch (ControlException e) {
            LOG.log(Level.WARNING, "{0}: {1}; closing", this, e.getMessage());
            send(new ErrorReply(e.requestId(), ErrorCode.LINE_TOO_LONG, e.getMessage()));
            closeAfterFlush();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "{0}: {1}", this, e.toString());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, this + ": a request failed", e);
        } finally {
            core.detach(this);
            if (!closed.get()) {
                closeAfterFlush();
            }
            ended.accept(this);
            LOG.log(Level.DEBUG, "{0} went away", this);
        }
    }

    private void writeLoop() {
        OutputStream out = connection.outputStream();
        try {
            while (true) {
                FromService message;
                try {
                    message = closed.get() ? queue.poll() : queue.take();
                } catch (InterruptedException e) {
                    continue; // closing: send what is left
                }
                if (message == null) {
                    break;
                }
                ControlCodec.write(message, out);
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "{0}: {1}", this, e.toString());
        } finally {
            connection.close();
        }
    }

    /** Lets the writer send what is queued, then closes the connection. */
    void closeAfterFlush() {
        closed.set(true);
        writer.interrupt(); // wakes it if the queue is empty; otherwise it drains the queue first
    }

    /** Closes the connection at once; the reader then detaches the session. */
    void close() {
        closed.set(true);
        connection.close();
        writer.interrupt();
    }

    @Override
    public String toString() {
        PeerCredentials peer = connection.peer();
        return "client " + number + " (uid " + peer.uid() + ", pid " + peer.pid() + ")";
    }
}
