package dev.roadwarrior.ui.connection;

import dev.roadwarrior.connect.Prompt;
import dev.roadwarrior.connect.PromptAnswer;
import dev.roadwarrior.connect.UserInteraction;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The app's {@link UserInteraction}: a prompt of the connect service becomes the pending prompt
 * of the view model and a dialog; the first answer (from the dialog or from
 * {@link ConnectionViewModel#answerPrompt}) or a cancel wins, later ones are wiped.
 *
 * <p>Threading: {@link #ask} and {@link #inform} on the connect's worker (they wait for / hand
 * over to the UI thread through the bridge); the rest on the UI thread, {@link #cancel} on any.
 */
final class PromptBroker implements UserInteraction {

    private final EngineEventBridge bridge;
    private final DialogService dialogs;
    private final ConnectionModel model;
    private final ReadOnlyObjectWrapper<Prompt> pending = new ReadOnlyObjectWrapper<>(this, "prompt");
    private volatile CompletableFuture<Optional<PromptAnswer>> current;

    PromptBroker(EngineEventBridge bridge, DialogService dialogs, ConnectionModel model) {
        this.bridge = bridge;
        this.dialogs = dialogs;
        this.model = model;
    }

    @Override
    public Optional<PromptAnswer> ask(Prompt prompt) {
        CompletableFuture<Optional<PromptAnswer>> answer = new CompletableFuture<>();
        bridge.run(() -> {
            current = answer;
            pending.set(prompt);
            dialogs.askCredentials(prompt).whenComplete((a, error) -> offer(answer, a == null ? Optional.empty() : a));
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        } finally {
            bridge.run(() -> {
                if (current == answer) {
                    current = null;
                    pending.set(null);
                }
            });
        }
    }

    @Override
    public void inform(String sentence) {
        bridge.run(() -> model.notice(sentence));
    }

    /** Answers the pending prompt; without one the answer is wiped. */
    void answer(PromptAnswer answer) {
        CompletableFuture<Optional<PromptAnswer>> c = current;
        if (c == null) {
            answer.wipe();
        } else {
            offer(c, Optional.of(answer));
        }
    }

    /** Cancels the pending prompt, if any. */
    void cancel() {
        CompletableFuture<Optional<PromptAnswer>> c = current;
        if (c != null) {
            c.complete(Optional.empty());
        }
    }

    ReadOnlyObjectProperty<Prompt> pending() {
        return pending.getReadOnlyProperty();
    }

    private static void offer(CompletableFuture<Optional<PromptAnswer>> target, Optional<PromptAnswer> answer) {
        if (!target.complete(answer)) {
            answer.ifPresent(PromptAnswer::wipe);
        }
    }
}
