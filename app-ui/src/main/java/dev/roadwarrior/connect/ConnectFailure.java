package dev.roadwarrior.connect;

/**
 * A connect that could not start: the profile is unknown or unusable, a needed value is missing,
 * the user cancelled, or the engine refused. The message is a sentence for the user
 * (from {@link ErrorMessages}).
 */
public final class ConnectFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean badInput;

    /**
     * @param sentence what went wrong, in words
     * @param badInput whether the input (profile, options) is at fault rather than the system
     */
    public ConnectFailure(String sentence, boolean badInput, Throwable cause) {
        super(sentence, cause);
        this.badInput = badInput;
    }

    /** Whether the input (profile, options) is at fault; the CLI then exits with its bad-input code. */
    public boolean badInput() {
        return badInput;
    }
}
