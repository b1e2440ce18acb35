package dev.roadwarrior.ui;

import dev.roadwarrior.ui.common.UiText;
import dev.roadwarrior.ui.instance.SingleInstance;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the desktop app from the command line: hands the request to the instance already running
 * for this user, or becomes that instance and opens the window. The CLI calls {@link #run}, so that
 * {@code cli} itself stays free of JavaFX.
 *
 * <p>Threading: {@link #run} blocks the calling (main) thread until the app quits.
 */
public final class AppLauncher {

    private static final Logger LOG = Logger.getLogger(AppLauncher.class.getName());

    private AppLauncher() {
    }

    /**
     * Runs the app, or hands {@code options} to the running one.
     *
     * @return the exit code: 0, or 1 when the app cannot start (the reason is printed on {@code err})
     */
    public static int run(AppOptions options, PrintWriter out, PrintWriter err) {
        SingleInstance.Request request = new SingleInstance.Request(options.openFile());
        Optional<SingleInstance> claim;
        try {
            claim = SingleInstance.claim(SingleInstance.socketPath(System.getenv()), request, RoadwarriorApp::handOver);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "single-instance socket unavailable; starting anyway", e);
            return start(options, Optional.empty(), err);
        }
        if (claim.isEmpty()) {
            out.println(UiText.get(options.openFile().isPresent() ? "launch.handedFile" : "launch.handedShow"));
            out.flush();
            return 0;
        }
        return start(options, claim, err);
    }

    /** The app's log records are for diagnosis: only warnings and errors reach the terminal it was started from. */
    private static void quietConsole() {
        Logger root = Logger.getLogger("");
        for (java.util.logging.Handler h : root.getHandlers()) {
            if (h instanceof java.util.logging.ConsoleHandler) {
                h.setLevel(Level.WARNING);
                // JavaFX on the class path (not as modules) warns about it; that means nothing to users
                h.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
            }
        }
    }

    private static int start(AppOptions options, Optional<SingleInstance> claim, PrintWriter err) {
        quietConsole();
        RoadwarriorApp.prepare(options);
        try {
            Application.launch(RoadwarriorApp.class);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.SEVERE, "the app could not start", e);
            err.println("error: " + UiText.get("app.cannotStart", e.getMessage()));
            err.flush();
            return 1;
        } finally {
            claim.ifPresent(SingleInstance::close);
        }
    }
}
