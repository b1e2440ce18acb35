package dev.roadwarrior.engine.api;

/**
 * What a gateway can ask the user for during XAuth (draft-ietf-ipsec-isakmp-xauth-06 §6), in the
 * order a prompt lists them.
 */
public enum CredentialKind {
    /** XAUTH_USER_NAME. */
    USER_NAME(false),
    /** XAUTH_USER_PASSWORD: the password, or the gateway's second password such as a token code. */
    PASSWORD(true),
    /** XAUTH_PASSCODE: a one-time code (token). */
    PASSCODE(true),
    /** XAUTH_NEXT_PIN: the next PIN of a token, when the gateway asks for a new one. */
    NEXT_PIN(true),
    /** XAUTH_ANSWER: the answer to the gateway's challenge or question (its message says what). */
    ANSWER(true);

    private final boolean secret;

    CredentialKind(boolean secret) {
        this.secret = secret;
    }

    /** Whether the answer is secret: input is not echoed, the value is never logged or kept. */
    public boolean secret() {
        return secret;
    }
}
