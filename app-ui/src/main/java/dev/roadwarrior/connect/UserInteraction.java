package dev.roadwarrior.connect;

import java.util.Optional;

/**
 * What a connect needs from the user, implemented by the terminal (CLI) and by dialogs (the
 * desktop app).
 *
 * <p>Threading: called on the connect service's worker thread or the thread that calls
 * {@link ConnectService#prepare}, never on the engine's thread; {@link #ask} may block until the
 * user answers.
 */
public interface UserInteraction {

    /**
     * Asks the user for the fields of {@code prompt}.
     *
     * @return the answer; empty when the user cancels, which cancels the connect
     */
    Optional<PromptAnswer> ask(Prompt prompt);

    /** Tells the user something in passing (e.g. "Password saved (the gateway allows it)."); must not block. */
    void inform(String sentence);
}
