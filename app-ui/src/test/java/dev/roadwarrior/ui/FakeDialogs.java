package dev.roadwarrior.ui;

import dev.roadwarrior.ui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} that answers from queues and records what was shown. */
public final class FakeDialogs implements DialogService {

    public final List<String> shown = new ArrayList<>();
    public final Deque<Boolean> confirms = new ArrayDeque<>();
    public final Deque<Optional<String>> texts = new ArrayDeque<>();
    public final Deque<Optional<Path>> files = new ArrayDeque<>();
    public final Deque<Optional<Integer>> choices = new ArrayDeque<>();

    @Override
    public boolean confirm(String title, String text, String confirmLabel) {
        shown.add("confirm: " + text);
        return confirms.isEmpty() ? false : confirms.pop();
    }

    @Override
    public Optional<Integer> choose(String title, String text, List<String> options) {
        shown.add("choose: " + text);
        return choices.isEmpty() ? Optional.empty() : choices.pop();
    }

    @Override
    public void inform(String title, String text) {
        shown.add("inform: " + text);
    }

    @Override
    public void error(String title, String text) {
        shown.add("error: " + text);
    }

    @Override
    public Optional<String> askText(String title, String label, String initial) {
        shown.add("ask: " + label);
        return texts.isEmpty() ? Optional.empty() : texts.pop();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String filter, List<String> patterns) {
        return files.isEmpty() ? Optional.empty() : files.pop();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName) {
        return files.isEmpty() ? Optional.empty() : files.pop();
    }

    /** The last message shown. */
    public String last() {
        return shown.isEmpty() ? "" : shown.get(shown.size() - 1);
    }
}
