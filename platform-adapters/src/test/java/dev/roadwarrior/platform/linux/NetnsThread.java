package dev.roadwarrior.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.roadwarrior.platform.jna.LibC;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on a thread that has joined a named network namespace with {@code setns()}. The
 * network namespace is per thread: sockets, ioctls and TUN devices created by these tasks live
 * in the namespace, while the rest of the JVM stays where it was.
 */
final class NetnsThread implements AutoCloseable {

    private static final int CLONE_NEWNET = 0x40000000;

    interface SetNs extends Library {
        SetNs INSTANCE = Native.load("c", SetNs.class);

        int setns(int fd, int nstype) throws LastErrorException;
    }

    private final int nsFd;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "netns"));

    NetnsThread(String namespace) {
        nsFd = LibC.INSTANCE.open("/run/netns/" + namespace, LibC.O_CLOEXEC);
    }

    /** Runs {@code task} in the namespace and returns its result, rethrowing what it throws. */
    <T> T call(Callable<T> task) throws Exception {
        Future<T> f = executor.submit(() -> {
            SetNs.INSTANCE.setns(nsFd, CLONE_NEWNET); // again for each task: cheap, and survives a replaced thread
            return task.call();
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }

    interface Action {
        void run() throws Exception;
    }

    void run(Action action) throws Exception {
        call(() -> {
            action.run();
            return null;
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
        LibC.INSTANCE.close(nsFd);
    }
}
