package dev.roadwarrior.ui.connection;

import dev.roadwarrior.connect.Prompt;
import dev.roadwarrior.connect.PromptAnswer;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The dialogs a connection needs, behind an interface so that view models stay testable: the
 * app's implementation is {@code FxDialogService} (real windows), tests use a fake.
 *
 * <p>Threading: called on the UI thread; must not block (results come through the returned stage).
 */
public interface DialogService {

    /**
     * Shows {@code prompt} (brought to the front, focus in its first empty field, Enter submits,
     * Escape cancels).
     *
     * @return completes with the answer, or empty when the user cancelled
     */
    CompletionStage<Optional<PromptAnswer>> askCredentials(Prompt prompt);

    /** Shows the gateway's banner until the user acknowledges it; returns at once. */
    void showBanner(String profile, String text);
}
