package dev.roadwarrior.connect;

import dev.roadwarrior.engine.api.CredentialKind;
import java.util.Optional;

/** One thing a connect may ask the user for: the gateway's XAuth fields and the key passphrase. */
public enum PromptField {
    /** The XAuth user name. */
    USER_NAME(CredentialKind.USER_NAME),
    /** The XAuth password (or the gateway's second password). */
    PASSWORD(CredentialKind.PASSWORD),
    /** A one-time code of a token. */
    PASSCODE(CredentialKind.PASSCODE),
    /** The next PIN of a token. */
    NEXT_PIN(CredentialKind.NEXT_PIN),
    /** The answer to the gateway's challenge. */
    ANSWER(CredentialKind.ANSWER),
    /** The passphrase of the profile's encrypted private key or PKCS#12 file. */
    KEY_PASSPHRASE(null);

    private final CredentialKind kind;

    PromptField(CredentialKind kind) {
        this.kind = kind;
    }

    /** The engine's field, for the XAuth fields. */
    public Optional<CredentialKind> credentialKind() {
        return Optional.ofNullable(kind);
    }

    /** Whether the value is secret: not echoed, never logged or kept unless the user saves it. */
    public boolean secret() {
        return kind == null || kind.secret();
    }

    /** The field for an engine prompt's {@code kind}. */
    public static PromptField of(CredentialKind kind) {
        for (PromptField f : values()) {
            if (f.kind == kind) {
                return f;
            }
        }
        throw new IllegalArgumentException(String.valueOf(kind));
    }

    /** The label the user sees, e.g. "Passcode". */
    public String label() {
        return ErrorMessages.text("field." + name());
    }
}
