package dev.roadwarrior.ui.connection;

import dev.roadwarrior.connect.Prompt;
import dev.roadwarrior.connect.PromptAnswer;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * The app's {@link DialogService}: real {@link PromptDialog}s and {@link BannerDialog}s, owned
 * by the window the supplier names (the main window; null when it is hidden in the tray).
 *
 * <p>Threading: FX thread.
 */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public CompletionStage<Optional<PromptAnswer>> askCredentials(Prompt prompt) {
        return new PromptDialog(new PromptViewModel(prompt), owner.get()).ask();
    }

    @Override
    public void showBanner(String profile, String text) {
        new BannerDialog(profile, text, owner.get()).show();
    }
}
