package dev.roadwarrior.profiles.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An IKE identity ({@code ident-client-type}/{@code -data}, {@code ident-server-type}/{@code -data}).
 *
 * @param type the identity type
 * @param data the identity value; empty means "obtain automatically" (the certificate subject for
 *     asn1dn, the local or gateway address for address)
 */
public record Identity(IdentityType type, Optional<String> data) {

    public Identity {
        Objects.requireNonNull(type, "type");
        data = Objects.requireNonNullElse(data, Optional.<String>empty()).filter(d -> !d.isEmpty());
    }

    /** An identity without data. */
    public static Identity of(IdentityType type) {
        return new Identity(type, Optional.empty());
    }

    /** An identity with data. */
    public static Identity of(IdentityType type, String data) {
        return new Identity(type, Optional.of(data));
    }
}
