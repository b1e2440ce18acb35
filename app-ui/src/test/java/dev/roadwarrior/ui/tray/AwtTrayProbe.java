package dev.roadwarrior.ui.tray;

import java.util.List;
import java.util.Optional;

/**
 * Run in a child JVM by {@link AwtTrayOnXvfbTest} (AWT decides once per JVM whether it has a
 * display): opens the tray on the bus given as the first argument, shows a state, prints
 * {@code KIND <kind>} and exits.
 */
public final class AwtTrayProbe {

    private AwtTrayProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        TrayBackend tray = TrayBackends.open(Optional.of(args[0]), TrayState.disconnected(List.of("office")),
                new RecordingActions());
        tray.show(new TrayState(TrayStatus.CONNECTED, List.of("office"), Optional.of("office"), "10.3.0.5"));
        Thread.sleep(500);
        System.out.println("KIND " + tray.kind());
        System.out.flush();
        tray.close();
        Thread.sleep(300);
        System.exit(0);
    }
}
