package dev.roadwarrior.ui.tray;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records tray actions as words ("connect home", "disconnect", "show", "quit") with the calling thread. */
final class RecordingActions implements TrayActions {

    private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

    @Override
    public void connect(String profileName) {
        calls.add("connect " + profileName);
    }

    @Override
    public void disconnect() {
        calls.add("disconnect");
    }

    @Override
    public void showWindow() {
        calls.add("show");
    }

    @Override
    public void quit() {
        calls.add("quit");
    }

    /** The next call, waiting up to 20 s; null when none came. */
    String next() throws InterruptedException {
        return calls.poll(20, TimeUnit.SECONDS);
    }

    /** The next call if one comes within a second. */
    String nextSoon() throws InterruptedException {
        return calls.poll(1, TimeUnit.SECONDS);
    }
}
