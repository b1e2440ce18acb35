package dev.roadwarrior.daemon;

import dev.roadwarrior.platform.linux.KillSwitch;
import dev.roadwarrior.platform.linux.KillSwitchRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A kill switch that keeps its rules in memory and records what it was asked to do. */
final class FakeKillSwitch implements KillSwitch {

    final List<String> calls = new ArrayList<>();
    Optional<KillSwitchRules> rules = Optional.empty();

    @Override
    public void engage(KillSwitchRules next) {
        calls.add("engage " + next.gateways());
        rules = Optional.of(next);
    }

    @Override
    public void release() {
        calls.add("release");
        rules = Optional.empty();
    }

    @Override
    public boolean engaged() {
        return rules.isPresent();
    }

    @Override
    public void recoverLeftovers() {
        calls.add("recover");
    }
}
