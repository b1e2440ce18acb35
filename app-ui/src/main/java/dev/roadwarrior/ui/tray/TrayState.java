package dev.roadwarrior.ui.tray;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the tray shows: an immutable snapshot handed to {@link TrayBackend#show(TrayState)}.
 *
 * @param status        the overall state (icon, tooltip, {@code NeedsAttention} on {@link TrayStatus#ERROR})
 * @param profiles      the profile names, in menu order (one "Connect ‹profile›" entry each)
 * @param activeProfile the profile that is connecting, connected or failed; empty when disconnected
 * @param detail        extra words for the tooltip: the virtual IP when connected ("10.3.0.5"), the failure
 *                      sentence on error, otherwise usually empty
 */
public record TrayState(TrayStatus status, List<String> profiles, Optional<String> activeProfile, String detail) {

    public TrayState {
        Objects.requireNonNull(status, "status");
        profiles = List.copyOf(profiles);
        Objects.requireNonNull(activeProfile, "activeProfile");
        Objects.requireNonNull(detail, "detail");
    }

    /** Nothing connected, with these profiles in the menu. */
    public static TrayState disconnected(List<String> profiles) {
        return new TrayState(TrayStatus.DISCONNECTED, profiles, Optional.empty(), "");
    }

    /** The same state with another profile list (after an import, rename or delete). */
    public TrayState withProfiles(List<String> newProfiles) {
        return new TrayState(status, newProfiles, activeProfile, detail);
    }

    /** True while a connection is being set up or is up: then "Disconnect" is offered, "Connect" is not. */
    public boolean busy() {
        return status == TrayStatus.CONNECTING || status == TrayStatus.CONNECTED;
    }
}
