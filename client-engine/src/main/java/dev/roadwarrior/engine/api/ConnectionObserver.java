package dev.roadwarrior.engine.api;

/**
 * Watches every connection an engine runs, whoever started it (see {@link VpnEngine#attach}):
 * what a tray icon or a window started after {@code roadwarrior connect} uses.
 *
 * <p>Threading: as {@link EngineListener}: called one event at a time and in order, must return
 * quickly and must not block.
 */
@FunctionalInterface
public interface ConnectionObserver {

    /**
     * Handles one event of connection {@code connection} (the profile name). Credential prompts
     * and the save-password permission never arrive here: they belong to whoever started the
     * connection.
     */
    void onEvent(String connection, EngineEvent event);
}
