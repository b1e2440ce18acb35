package dev.roadwarrior.ui.notify;

import java.util.Objects;

/**
 * One desktop notification about a connection.
 *
 * @param kind    what happened
 * @param profile the profile's name
 * @param detail  the virtual IP for {@link Kind#CONNECTED}, the failure sentence for {@link Kind#FAILED}
 *                (the same words the window shows), otherwise empty
 */
public record Notice(Kind kind, String profile, String detail) {

    /** What happened; each has a freedesktop category and a state icon. */
    public enum Kind {
        CONNECTED("network.connected", "roadwarrior-connected"),
        DISCONNECTED("network.disconnected", "roadwarrior-disconnected"),
        RECONNECTING("network", "roadwarrior-connecting"),
        FAILED("network.error", "roadwarrior-error");

        private final String category;
        private final String icon;

        Kind(String category, String icon) {
            this.category = category;
            this.icon = icon;
        }

        /** The notification spec's category hint, e.g. {@code network.connected}. */
        public String category() {
            return category;
        }

        /** The themed icon name. */
        public String icon() {
            return icon;
        }
    }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(detail, "detail");
    }
}
