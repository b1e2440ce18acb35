package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.CredentialKind;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The connection's own copy of its credentials, kept in memory from connect to disconnect: each
 * {@link IkeSaSession} gets (and wipes) a copy of its own, and a user name or password the user
 * typed at a prompt joins them, so that a reconnect or phase 1 rekey does not ask again (one-time
 * codes are not kept). Wiped by {@link #destroy}.
 *
 * <p>Threading: confined to the engine thread.
 */
final class KeptCredentials {

    private ConnectRequest request;
    private boolean destroyed;

    /** Copies the credentials of {@code request}; the caller may wipe its own. */
    KeptCredentials(ConnectRequest request) {
        this.request = request.withCredentials(request.credentials().copy());
    }

    /** The request with a fresh copy of the credentials, for one session to use and wipe. */
    ConnectRequest forSession() {
        return request.withCredentials(request.credentials().copy());
    }

    /** The user name and password among a prompt's answers, copied before the session wipes them. */
    static char[][] typed(Map<CredentialKind, char[]> values) {
        return new char[][] {copy(values.get(CredentialKind.USER_NAME)), copy(values.get(CredentialKind.PASSWORD))};
    }

    /** Keeps what {@link #typed} copied, then wipes the copies. */
    void remember(char[][] typed) {
        char[] user = typed[0];
        char[] password = typed[1];
        if ((user != null || password != null) && !destroyed) {
            ConnectRequest.Credentials old = request.credentials();
            request = request.withCredentials(new ConnectRequest.Credentials(old.preSharedKey().clone(),
                    user != null ? Optional.of(new String(user)) : old.xauthUser(),
                    password != null ? Optional.of(password.clone()) : old.xauthPassword().map(char[]::clone),
                    old.caCertificate(), old.clientCertificate(), old.clientKey().clone(),
                    old.keyPassphrase().map(char[]::clone)));
            old.destroy();
        }
        wipe(typed);
    }

    /** Wipes what {@link #typed} copied. */
    static void wipe(char[][] typed) {
        for (char[] c : typed) {
            if (c != null) {
                Arrays.fill(c, '\0');
            }
        }
    }

    void destroy() {
        request.credentials().destroy();
        destroyed = true;
    }

    private static char[] copy(char[] value) {
        return value == null ? null : value.clone();
    }
}
