package dev.roadwarrior.ui.main;

import java.util.ArrayList;
import java.util.List;

/** {@link ProfileConnections} that records the calls and marks a connected row active. */
public final class RecordingConnections implements ProfileConnections {

    public final List<String> calls = new ArrayList<>();

    @Override
    public void track(ProfileRow row) {
        calls.add("track " + row.name());
    }

    @Override
    public void connect(String profile) {
        calls.add("connect " + profile);
    }

    @Override
    public void disconnect(String profile) {
        calls.add("disconnect " + profile);
    }
}
