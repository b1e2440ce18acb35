package dev.roadwarrior.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.connect.Protection;
import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.ipc.ControlMessage.Connect;
import dev.roadwarrior.ipc.ControlMessage.Disconnect;
import dev.roadwarrior.ipc.ControlMessage.Status;
import dev.roadwarrior.ipc.ControlMessage.StatusReply;
import dev.roadwarrior.platform.linux.KillSwitchRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the service engages and releases the kill switch, following the connection. */
class DaemonCoreKillSwitchTest {

    @TempDir
    Path temp;

    private final FakeEngine engine = new FakeEngine();
    private final FakeKillSwitch killSwitch = new FakeKillSwitch();
    private final DaemonCoreTest.Recorder asker = new DaemonCoreTest.Recorder();

    private DaemonCore core(boolean blockWhileDisconnected) {
        KillSwitchGuard guard = new KillSwitchGuard(killSwitch, blockWhileDisconnected);
        guard.start();
        return new DaemonCore(engine, ConnectMapping::toRequest, guard);
    }

    private Connect connect(boolean on) throws Exception {
        return TestProfiles.connect(temp, 1, "n:roadwarrior-kill-switch:" + (on ? 1 : 0));
    }

    private StatusReply status(DaemonCore core) {
        core.handle(asker, new Status(9));
        return (StatusReply) asker.last();
    }

    @Test
    void onWhileConnectingOffWhileUpOnAgainWhileReconnectingAndAfterAFailureUntilTheUserDisconnects() throws Exception {
        DaemonCore core = core(false);
        core.handle(asker, connect(true));
        KillSwitchRules rules = killSwitch.rules.orElseThrow();
        assertEquals("203.0.113.2", rules.gateways().get(0).getHostAddress());
        assertEquals(List.of(500, 4500), rules.ikePorts());
        assertTrue(status(core).blocking());

        engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
        assertFalse(killSwitch.engaged(), "the tunnel's routes carry the traffic");
        assertTrue(status(core).connection().orElseThrow().protections().contains(Protection.KILL_SWITCH));

        engine.emit(new EngineEvent.Progress(ProgressStep.RECONNECTING, "the gateway stopped answering"));
        assertTrue(killSwitch.engaged());
        engine.emit(new EngineEvent.Failed(new ConnectException(FailureReason.GATEWAY_UNREACHABLE, "")));
        assertTrue(killSwitch.engaged(), "a failure keeps traffic blocked");
        assertTrue(status(core).blocking());

        core.handle(asker, new Disconnect(3, Optional.empty()));
        assertFalse(killSwitch.engaged());
        assertFalse(status(core).blocking());
    }

    @Test
    void aDisconnectTheUserAskedForReleasesIt() throws Exception {
        DaemonCore core = core(false);
        core.handle(asker, connect(true));
        engine.emit(new EngineEvent.StateChanged(ConnectionState.AUTHENTICATING));
        core.handle(asker, new Disconnect(2, Optional.empty()));
        engine.emit(new EngineEvent.Disconnected());
        assertFalse(killSwitch.engaged());
        assertEquals(List.of("recover", "engage [/203.0.113.2]", "release"), killSwitch.calls);
    }

    @Test
    void offByDefault() throws Exception {
        DaemonCore core = core(false);
        core.handle(asker, connect(false));
        engine.emit(new EngineEvent.Progress(ProgressStep.RECONNECTING, ""));
        engine.emit(new EngineEvent.Failed(new ConnectException(FailureReason.GATEWAY_UNREACHABLE, "")));
        assertEquals(List.of("recover"), killSwitch.calls);
        assertFalse(status(core).blocking());
    }

    @Test
    void blockingWhileDisconnectedLetsOnlyTheGatewayOutWhileConnecting() throws Exception {
        DaemonCore core = core(true);
        assertTrue(killSwitch.rules.orElseThrow().gateways().isEmpty(), "nothing out at the start");
        core.handle(asker, connect(false));
        assertEquals("203.0.113.2", killSwitch.rules.orElseThrow().gateways().get(0).getHostAddress());
        engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
        assertFalse(killSwitch.engaged());
        core.handle(asker, new Disconnect(2, Optional.empty()));
        engine.emit(new EngineEvent.Disconnected());
        assertTrue(killSwitch.rules.orElseThrow().gateways().isEmpty(), "nothing out again once disconnected");
    }
}
