package dev.roadwarrior.systemtest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalTime;

/**
 * The TCP transfer of {@link SoakTest}: a program of its own (run with {@code java -cp
 * <test classes>} in a lab namespace), so that it lives in the namespaces while the test watches.
 *
 * <p>Byte {@code n} of the stream is a fixed function of {@code n} ({@link #fill}), so the
 * receiver checks every byte. {@code receive PORT STATUS_FILE} accepts one sender at a time,
 * answers each new connection with how many bytes it has verified (the sender resumes there), sends
 * that count back every 250 ms, and writes {@code verified corruptAt connections} to the status
 * file every 200 ms ({@code corruptAt} is -1 while every byte matched). {@code send HOST PORT
 * BYTES_PER_SECOND} sends at that rate and, when the count stops growing for {@value
 * #STALL_MILLIS} ms (a dead tunnel), closes the socket and connects again until it succeeds.
 */
final class SoakStream {

    /** The sender gives up on a connection whose count does not grow for this long. */
    static final int STALL_MILLIS = 3_000;

    private static final int CHUNK = 16 * 1024;

    private final Object lock = new Object();
    private long verified;
    private long corruptAt = -1;
    private int connections;
    private Socket current;

    private SoakStream() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("receive")) {
            new SoakStream().receive(Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length == 4 && args[0].equals("send")) {
            send(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]));
        } else {
            System.err.println("usage: SoakStream receive PORT STATUS_FILE | send HOST PORT BYTES_PER_SECOND");
            System.exit(2);
        }
    }

    /** Writes stream bytes {@code offset .. offset + length} into {@code buf}. */
    static void fill(long offset, byte[] buf, int length) {
        for (int i = 0; i < length; i++) {
            long n = offset + i;
            buf[i] = (byte) (mix(n >>> 3) >>> ((n & 7) * 8));
        }
    }

    private static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E5C9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void receive(int port, Path status) throws IOException {
        Thread reporter = new Thread(() -> report(status), "status");
        reporter.setDaemon(true);
        reporter.start();
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            while (true) {
                Socket s = server.accept();
                log("accepted " + s.getRemoteSocketAddress());
                synchronized (lock) {
                    if (current != null) {
                        current.close();
                    }
                    current = s;
                    connections++;
                }
                Thread t = new Thread(() -> serve(s), "connection");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            long start;
            synchronized (lock) {
                start = verified;
            }
            out.writeLong(start);
            out.flush();
            Thread acks = new Thread(() -> ack(s, out), "acks");
            acks.setDaemon(true);
            acks.start();
            InputStream in = s.getInputStream();
            byte[] got = new byte[CHUNK];
            byte[] want = new byte[CHUNK];
            long offset = start;
            while (true) {
                int n = in.read(got);
                if (n < 0) {
                    return;
                }
                fill(offset, want, n);
                synchronized (lock) {
                    if (current != s || corruptAt >= 0) {
                        return;
                    }
                    for (int i = 0; i < n; i++) {
                        if (got[i] != want[i]) {
                            corruptAt = offset + i;
                            return;
                        }
                    }
                    offset += n;
                    verified = offset;
                }
            }
        } catch (IOException e) {
            // the sender went away or a newer connection replaced this one
        }
    }

    private void ack(Socket s, DataOutputStream out) {
        try {
            while (!s.isClosed()) {
                long v;
                synchronized (lock) {
                    v = verified;
                }
                out.writeLong(v);
                out.flush();
                Thread.sleep(250);
            }
        } catch (IOException | InterruptedException e) {
            // the connection ended
        }
    }

    private void report(Path status) {
        Path tmp = status.resolveSibling(status.getFileName() + ".tmp");
        while (true) {
            String line;
            synchronized (lock) {
                line = verified + " " + corruptAt + " " + connections + "\n";
            }
            try {
                Files.writeString(tmp, line, StandardCharsets.US_ASCII);
                Files.move(tmp, status, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Thread.sleep(200);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    private static void send(String host, int port, long bytesPerSecond) throws InterruptedException {
        byte[] buf = new byte[CHUNK];
        int attempt = 0;
        while (true) {
            attempt++;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), STALL_MILLIS);
                s.setSoTimeout(500);
                DataInputStream in = new DataInputStream(s.getInputStream());
                long offset = in.readLong();
                log("connection " + attempt + " resumes at byte " + offset);
                long[] acked = {offset, System.nanoTime()};
                Thread watchdog = new Thread(() -> watch(s, in, acked), "watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
                OutputStream out = s.getOutputStream();
                long began = System.nanoTime();
                long sent = 0;
                while (true) {
                    fill(offset, buf, CHUNK);
                    out.write(buf);
                    offset += CHUNK;
                    sent += CHUNK;
                    long due = began + sent * 1_000_000_000L / bytesPerSecond;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            } catch (IOException e) {
                log("connection " + attempt + " ended: " + e.getMessage());
                Thread.sleep(500);
            }
        }
    }

    private static void log(String line) {
        System.out.println(LocalTime.now() + " " + line);
    }

    /** Reads the receiver's counts; closes the socket when they stop growing. */
    private static void watch(Socket s, DataInputStream in, long[] acked) {
        try {
            while (true) {
                try {
                    long v = in.readLong();
                    if (v > acked[0]) {
                        acked[0] = v;
                        acked[1] = System.nanoTime();
                    }
                } catch (SocketTimeoutException quiet) {
                    // check the stall below
                }
                if (System.nanoTime() - acked[1] > STALL_MILLIS * 1_000_000L) {
                    log("no progress for " + STALL_MILLIS + " ms: reconnecting");
                    s.close();
                    return;
                }
            }
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
