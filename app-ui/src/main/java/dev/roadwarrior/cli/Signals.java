package dev.roadwarrior.cli;

import sun.misc.Signal;

/** SIGINT and SIGTERM handling for commands that stay attached to a running connection. */
final class Signals {

    private Signals() {
    }

    /** Runs {@code action} (once per signal) on SIGINT or SIGTERM instead of exiting the JVM. */
    static void onInterrupt(Runnable action) {
        Signal.handle(new Signal("INT"), s -> action.run());
        Signal.handle(new Signal("TERM"), s -> action.run());
    }
}
