package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.esp.EspTransform;
import dev.roadwarrior.engine.ike.ChildSaKeys;
import dev.roadwarrior.engine.ike.EspActivity;
import dev.roadwarrior.engine.ike.IkeOutput;
import dev.roadwarrior.engine.ike.IkeSession;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake IKE session following a fixed script instead of IKEv1: HELLO-IKE out on the IKE port;
 * REPLY-IKE in moves to NAT-T (HELLO-NATT out); REPLY-NATT in installs fixed SAs and reports the
 * tunnel up; FAIL in fails the session; PROMPT in asks for a passcode, whose answer is recorded;
 * REKEY in installs a second SA pair whose outbound side waits, ACTIVATE in switches to it and
 * removes the first pair; RECONFIGURE in reports the tunnel up with {@link #OTHER_CONFIG}; REOPEN
 * in asks for new sockets and, once they are open, sends HELLO-AGAIN from them; any other datagram
 * throws, like a buggy session would.
 */
final class ScriptedSession implements IkeSession {

    /** How the session behaves. */
    enum Mode {
        /** The script above. */
        NORMAL,
        /** REPLY-IKE brings the tunnel up at once, without NAT-T. */
        NO_NATT,
        /** {@link #disconnect} does nothing and the session never finishes. */
        IGNORES_DISCONNECT
    }

    static final EspTransform TRANSFORM = EspTransform.AES_128_SHA1;
    static final int INBOUND_SPI = 0x1000_0001;
    static final int OUTBOUND_SPI = 0x2000_0002;
    static final byte[] INBOUND_KEYMAT = keymat(1);
    static final byte[] OUTBOUND_KEYMAT = keymat(2);
    static final String ALGORITHMS = "ESP AES-128/HMAC-SHA1-96";
    static final TunnelConfig CONFIG = new TunnelConfig(Ipv4Network.parseAddress("10.9.0.2"), 24, 1400,
            Ipv4Network.parseAddress("127.0.0.1"), List.of(Ipv4Network.parse("10.9.0.0/16")), List.of(),
            List.of(), List.of(), List.of());
    static final int NEW_INBOUND_SPI = 0x1000_0003;
    static final int NEW_OUTBOUND_SPI = 0x2000_0004;
    /** The settings after RECONFIGURE: another virtual address. */
    static final TunnelConfig OTHER_CONFIG = new TunnelConfig(Ipv4Network.parseAddress("10.9.0.7"), 24, 1400,
            CONFIG.gateway(), CONFIG.includeNetworks(), List.of(), List.of(), List.of(), List.of());
    /** A configuration with DNS servers and a split-DNS domain. */
    static final TunnelConfig SPLIT_DNS_CONFIG = new TunnelConfig(CONFIG.address(), 24, 1400, CONFIG.gateway(),
            CONFIG.includeNetworks(), List.of(), List.of(Ipv4Network.parseAddress("10.9.0.53")), List.of(),
            List.of("corp.example"));

    final Mode mode;
    final InetSocketAddress localIke;
    final InetSocketAddress localNatt;
    final InetSocketAddress gateway;
    private final TunnelConfig config;
    /** What {@link #answer} received, as "promptId=passcode". */
    final List<String> answers = new CopyOnWriteArrayList<>();
    /** The data plane reports received by {@link #traffic}. */
    final List<EspActivity> activity = new CopyOnWriteArrayList<>();
    /** The local addresses of the sockets opened after REOPEN, or the failure, as text. */
    final List<String> reopened = new CopyOnWriteArrayList<>();
    private final List<IkeOutput> outputs = new ArrayList<>();
    private boolean natt;
    private boolean finished;

    ScriptedSession(Mode mode, InetSocketAddress localIke, InetSocketAddress localNatt, InetSocketAddress gateway) {
        this(mode, localIke, localNatt, gateway, CONFIG);
    }

    ScriptedSession(Mode mode, InetSocketAddress localIke, InetSocketAddress localNatt, InetSocketAddress gateway,
            TunnelConfig config) {
        this.mode = mode;
        this.localIke = localIke;
        this.localNatt = localNatt;
        this.gateway = gateway;
        this.config = config;
    }

    /** A 32-byte test message: the name, then zeros (long enough to pass as IKE on port 4500). */
    static byte[] message(String name) {
        return Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 32);
    }

    @Override
    public void start(long nowMillis) {
        emit(new EngineEvent.StateChanged(ConnectionState.CONNECTING));
        outputs.add(new IkeOutput.Send(message("HELLO-IKE"), false));
    }

    @Override
    public void receive(byte[] datagram, boolean viaNatt, long nowMillis) {
        if (!viaNatt && Arrays.equals(datagram, message("REPLY-IKE"))) {
            if (mode == Mode.NO_NATT) {
                tunnelUp();
            } else {
                natt = true;
                outputs.add(new IkeOutput.Send(message("HELLO-NATT"), true));
            }
        } else if (viaNatt && Arrays.equals(datagram, message("REPLY-NATT"))) {
            tunnelUp();
        } else if (Arrays.equals(datagram, message("PROMPT"))) {
            emit(new EngineEvent.CredentialsRequired("p1", List.of(CredentialKind.PASSCODE), "Enter the code", "",
                    false));
        } else if (Arrays.equals(datagram, message("REKEY"))) {
            outputs.add(new IkeOutput.InstallChildSa(new ChildSaKeys(NEW_INBOUND_SPI, NEW_OUTBOUND_SPI, TRANSFORM,
                    INBOUND_KEYMAT.clone(), OUTBOUND_KEYMAT.clone(), 3600, 0, natt), false));
        } else if (Arrays.equals(datagram, message("ACTIVATE"))) {
            outputs.add(new IkeOutput.ActivateOutbound(NEW_OUTBOUND_SPI));
            outputs.add(new IkeOutput.RemoveChildSa(INBOUND_SPI, OUTBOUND_SPI));
        } else if (Arrays.equals(datagram, message("RECONFIGURE"))) {
            emit(new EngineEvent.TunnelUp(OTHER_CONFIG, ALGORITHMS));
        } else if (Arrays.equals(datagram, message("REOPEN"))) {
            outputs.add(new IkeOutput.OpenSockets());
        } else if (Arrays.equals(datagram, message("FAIL"))) {
            emit(new EngineEvent.Failed(new ConnectException(FailureReason.DELETED_BY_GATEWAY, "")));
            finished = true;
        } else {
            throw new IllegalArgumentException("unexpected datagram of " + datagram.length + " bytes");
        }
    }

    private void tunnelUp() {
        outputs.add(new IkeOutput.InstallChildSa(new ChildSaKeys(INBOUND_SPI, OUTBOUND_SPI, TRANSFORM,
                INBOUND_KEYMAT.clone(), OUTBOUND_KEYMAT.clone(), 3600, 0, natt)));
        emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
        emit(new EngineEvent.TunnelUp(config, ALGORITHMS));
    }

    @Override
    public void tick(long nowMillis) {
        throw new AssertionError("no deadline was set");
    }

    @Override
    public long nextDeadline() {
        return Long.MAX_VALUE;
    }

    @Override
    public void answer(String promptId, Map<CredentialKind, char[]> values, long nowMillis) {
        char[] code = values.get(CredentialKind.PASSCODE);
        answers.add(promptId + "=" + new String(code));
        Arrays.fill(code, '\0');
    }

    @Override
    public void traffic(EspActivity espActivity, long nowMillis) {
        activity.add(espActivity);
    }

    @Override
    public void networkChanged(boolean localAddressChanged, long nowMillis) {
    }

    @Override
    public void socketsOpened(InetSocketAddress ike, InetSocketAddress nattSocket, long nowMillis) {
        reopened.add(ike + " " + nattSocket);
        outputs.add(new IkeOutput.Send(message("HELLO-AGAIN"), false));
    }

    @Override
    public void socketsFailed(String detail, long nowMillis) {
        reopened.add("failed: " + detail);
    }

    @Override
    public void disconnect(long nowMillis) {
        if (mode == Mode.IGNORES_DISCONNECT) {
            return;
        }
        outputs.add(new IkeOutput.Send(message("DELETE"), natt));
        emit(new EngineEvent.StateChanged(ConnectionState.DISCONNECTING));
        emit(new EngineEvent.Disconnected());
        finished = true;
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public boolean nattActive() {
        return natt;
    }

    @Override
    public List<IkeOutput> drainOutputs() {
        List<IkeOutput> drained = List.copyOf(outputs);
        outputs.clear();
        return drained;
    }

    private void emit(EngineEvent event) {
        outputs.add(new IkeOutput.Emit(event));
    }

    private static byte[] keymat(int seed) {
        byte[] k = new byte[TRANSFORM.keymatLength()];
        Arrays.fill(k, (byte) seed);
        k[0] = (byte) 0xA5;
        return k;
    }
}
