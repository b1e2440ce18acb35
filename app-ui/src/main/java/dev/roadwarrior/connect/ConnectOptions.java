package dev.roadwarrior.connect;

import java.util.Objects;
import java.util.Optional;

/**
 * What the caller already knows for a connect, instead of asking (the CLI's options); the desktop
 * app passes {@link #NONE}. The connect takes the arrays and wipes them.
 *
 * @param username the XAuth user name (default: the profile's saved one, or ask)
 * @param password the XAuth password (default: the saved one, or ask)
 * @param keyPassphrase the passphrase of the client's key file (default: the saved one, or ask if encrypted)
 * @param savePassword keep the XAuth password in the secret store if the gateway allows it
 * @param canAsk whether the user can be asked at all (false: no terminal); without, missing
 *     values fail the connect in words
 */
public record ConnectOptions(Optional<String> username, Optional<char[]> password, Optional<char[]> keyPassphrase,
        boolean savePassword, boolean canAsk) {

    /** Nothing known; ask for everything that is needed. */
    public static final ConnectOptions NONE = new ConnectOptions(Optional.empty(), Optional.empty(), Optional.empty(),
            false, true);

    public ConnectOptions {
        username = Objects.requireNonNullElse(username, Optional.<String>empty()).filter(u -> !u.isEmpty());
        password = Objects.requireNonNullElse(password, Optional.empty());
        keyPassphrase = Objects.requireNonNullElse(keyPassphrase, Optional.empty());
    }

    @Override
    public String toString() {
        return "ConnectOptions[username=" + username.orElse("(none)") + ", password=" + (password.isPresent() ? "(set)" : "(none)")
                + ", savePassword=" + savePassword + ", canAsk=" + canAsk + "]";
    }
}
