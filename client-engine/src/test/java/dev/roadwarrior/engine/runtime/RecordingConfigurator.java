package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.spi.NetworkConfigurator;
import dev.roadwarrior.engine.spi.TunDevice;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the calls made to it; hands out {@link MemoryTun}s; can be told to fail {@code apply}. */
final class RecordingConfigurator implements NetworkConfigurator {

    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile MemoryTun tun;
    volatile TunnelConfig applied;
    volatile IOException applyFailure;
    volatile boolean routesDnsByDomain = true;

    @Override
    public TunDevice openTun(String namePrefix, int mtu) {
        calls.add("openTun " + namePrefix + " " + mtu);
        tun = new MemoryTun(namePrefix + "0");
        return tun;
    }

    @Override
    public void apply(TunDevice device, TunnelConfig config) throws IOException {
        calls.add("apply " + device.name());
        if (applyFailure != null) {
            throw applyFailure;
        }
        applied = config;
    }

    @Override
    public boolean routesDnsByDomain() {
        return routesDnsByDomain;
    }

    @Override
    public void revert() {
        calls.add("revert");
        if (tun != null) {
            tun.close();
        }
    }

    @Override
    public void recoverLeftovers() {
        calls.add("recoverLeftovers");
    }
}
