package dev.roadwarrior.daemon;

import dev.roadwarrior.connect.ConnectRequests;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.ipc.ControlCodec;
import dev.roadwarrior.ipc.ControlMessage.Connect;
import dev.roadwarrior.ipc.ControlMessage.Secrets;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileValidator;
import dev.roadwarrior.profiles.io.ProfileJson;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import java.util.Optional;

/**
 * Makes the engine's request from a client's connect message the way a client in-process does:
 * the profile is read as strictly as a stored profile file, validated for connecting, then
 * mapped by {@link ConnectRequests}. The request takes over the message's password arrays.
 */
final class ConnectMapping {

    private ConnectMapping() {
    }

    /** The request for {@code connect}. */
    static ConnectRequest toRequest(Connect connect) throws DaemonCore.BadProfileException {
        Secrets secrets = connect.secrets();
        byte[] psk = secrets.groupPassword();
        Profile profile;
        Optional<Secret> group = psk.length == 0 ? Optional.empty() : Optional.of(Secret.of(psk));
        try {
            profile = ProfileJson.fromBytes(ControlCodec.bytes(connect.profile()), "the profile sent");
            ProfileValidator.validateForConnect(profile, group);
        } catch (ProfileException e) {
            throw new DaemonCore.BadProfileException(e.getMessage());
        } finally {
            group.ifPresent(Secret::destroy);
        }
        try {
            return ConnectRequests.of(profile, psk, secrets.username(), secrets.password(), secrets.keyPassphrase());
        } catch (IllegalArgumentException e) {
            throw new DaemonCore.BadProfileException(e.getMessage());
        }
    }
}
