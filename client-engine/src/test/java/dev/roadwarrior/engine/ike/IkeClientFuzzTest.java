package dev.roadwarrior.engine.ike;

import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.Identity;
import dev.roadwarrior.engine.api.ConnectRequest.IdentityType;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.PayloadType;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Coverage-guided fuzzing of a whole negotiation (Jazzer): the client ({@link IkeSession}, driven as
 * {@link IkeClientTest} drives it) against {@link TestGateway}, where the fuzzer controls every
 * encrypted gateway message once phase 1's keys are known. It rewrites the payloads after HASH
 * (drops, replaces with any decodable payload, inserts, reorders; the HASH and encryption stay
 * right, so the client's handlers see the content), drops, repeats and corrupts datagrams,
 * sends unsolicited informational, transaction and Quick Mode messages, and lets time pass. The
 * client must never throw, must go quiet after each exchange and must not spin on its timer.
 * Seeds and kept inputs lie in {@code IkeClientFuzzTestInputs/negotiation/} under the test
 * resources.
 */
class IkeClientFuzzTest {

    private static final byte[] PSK = "group-secret".getBytes(StandardCharsets.UTF_8);
    private static final InetSocketAddress GATEWAY = new InetSocketAddress("192.0.2.1", 500);
    private static final JcaIkeCrypto CRYPTO = new JcaIkeCrypto();
    private static final int MAX_STEPS = 24;
    /** The engine's warnings about each bad message would cost more than the fuzzing. */
    private static final Logger QUIET = quiet();
    private static final ExchangeType[] UNSOLICITED = {ExchangeType.INFORMATIONAL, ExchangeType.TRANSACTION,
        ExchangeType.QUICK_MODE};

    @FuzzTest(maxDuration = "10m")
    void negotiation(FuzzedDataProvider data) {
        new Run(data).play();
    }

    private static Logger quiet() {
        Logger engine = Logger.getLogger("dev.roadwarrior.engine");
        engine.setLevel(Level.OFF);
        return engine;
    }

    /** Aggressive Mode PSK + XAuth, Mode Config pull, MODP-1024 (cheap enough to fuzz), no NAT-T. */
    private static ConnectRequest request() {
        return new ConnectRequest("fuzz", "192.0.2.1", 500,
                new ConnectRequest.Phase1(ConnectRequest.ExchangeMode.AGGRESSIVE, ConnectRequest.AuthMethod.PSK_XAUTH,
                        new Identity(IdentityType.KEY_ID, "group"), new Identity(IdentityType.ANY, ""),
                        List.of(new ConnectRequest.Phase1Proposal(7, 256, 2, 2)), 3600, 0),
                new ConnectRequest.Phase2(List.of(new ConnectRequest.EspProposal(12, 256, 2)), Optional.empty(), 600, 0),
                new ConnectRequest.Credentials(PSK.clone(), Optional.of("alice"), Optional.of("pw".toCharArray())),
                new ConnectRequest.Transport(ConnectRequest.NatTraversalMode.DISABLE, 4500, 15,
                        ConnectRequest.FragmentationMode.DISABLE, 540, true),
                new ConnectRequest.HostConfig(ConnectRequest.ModeConfigMode.PULL, Optional.empty(), 32, 1380, false,
                        List.of(), false, Optional.empty(), List.of(), false, List.of(), List.of(), false));
    }

    /** One negotiation played by the fuzzer's bytes. */
    private static final class Run {

        private final FuzzedDataProvider data;
        private final TestGateway gateway = new TestGateway(PSK);
        private final IkeSession client;
        private long now = 1_000_000;
        private int reopened;

        Run(FuzzedDataProvider data) {
            this.data = data;
            gateway.xauthPassword = "pw";
            gateway.rewrite = this::rewrite;
            client = new IkeClient(request(), CRYPTO, new InetSocketAddress("192.0.2.2", 40_000),
                    new InetSocketAddress("192.0.2.2", 40_001), GATEWAY, RetransmitPolicy.DEFAULT,
                    new Random(data.consumeLong()), InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
        }

        void play() {
            client.start(now);
            pump();
            for (int step = 0; step < MAX_STEPS && data.remainingBytes() > 0; step++) {
                List<Long> cookies = gateway.cookies();
                switch (data.consumeInt(0, 3)) {
                    case 0 -> advance(data.consumeInt(0, 120_000));
                    case 1 -> {
                        if (!cookies.isEmpty()) {
                            long cookie = cookies.get(cookies.size() - 1);
                            ExchangeType type = UNSOLICITED[data.consumeInt(0, UNSOLICITED.length - 1)];
                            List<Payload> payloads = new ArrayList<>();
                            insert(payloads);
                            deliver(gateway.hashed(cookie, type, data.consumeInt(), payloads));
                        }
                    }
                    case 2 -> {
                        byte[] raw = data.consumeBytes(data.consumeInt(28, 400));
                        if (!cookies.isEmpty() && raw.length >= 8) {
                            ByteBuffer.wrap(raw).putLong(cookies.get(cookies.size() - 1));
                        }
                        deliver(raw);
                    }
                    default -> client.networkChanged(data.consumeBoolean(), now);
                }
                pump();
            }
            client.disconnect(now);
            pump();
        }

        /** The gateway's hostile side: what becomes of the payloads of one encrypted message. */
        private List<Payload> rewrite(List<Payload> payloads) {
            if (data.remainingBytes() == 0 || data.consumeInt(0, 3) != 0) {
                return payloads;
            }
            List<Payload> out = new ArrayList<>(payloads);
            int edits = data.consumeInt(1, 3);
            for (int e = 0; e < edits; e++) {
                int at = out.isEmpty() ? 0 : data.consumeInt(0, out.size() - 1);
                switch (data.consumeInt(0, 3)) {
                    case 0 -> {
                        if (!out.isEmpty()) {
                            out.remove(at);
                        }
                    }
                    case 1 -> {
                        if (!out.isEmpty()) {
                            decoded(out.get(at).type()).ifPresent(p -> out.set(at, p));
                        }
                    }
                    case 2 -> insert(out);
                    default -> {
                        if (out.size() > 1) {
                            out.add(out.remove(at));
                        }
                    }
                }
            }
            return out;
        }

        private void insert(List<Payload> payloads) {
            PayloadType type = new PayloadType(data.consumeBoolean() ? data.consumeInt(0, 21) : data.consumeInt(0, 255));
            decoded(type).ifPresent(p -> payloads.add(data.consumeInt(0, payloads.size()), p));
        }

        private Optional<Payload> decoded(PayloadType type) {
            byte[] body = data.consumeBytes(data.consumeInt(0, 80));
            try {
                return Optional.of(Payload.decode(type, ByteBuffer.wrap(body)));
            } catch (IkeProtocolException notDecodable) {
                return Optional.empty();
            }
        }

        /** Carries the client's datagrams to the gateway and the answers back until both are quiet. */
        private void pump() {
            for (int round = 0; round < 200; round++) {
                List<IkeOutput> out = client.drainOutputs();
                if (out.isEmpty()) {
                    return;
                }
                boolean reopen = false;
                for (IkeOutput o : out) {
                    if (o instanceof IkeOutput.Send s) {
                        List<byte[]> answers;
                        try {
                            answers = gateway.receive(s.datagram());
                        } catch (Exception gatewayGaveUp) {
                            continue; // the test gateway is not the target
                        }
                        answers.forEach(this::deliverFuzzed);
                    } else if (o instanceof IkeOutput.Emit e && e.event() instanceof EngineEvent.CredentialsRequired c) {
                        Map<CredentialKind, char[]> values = new HashMap<>();
                        c.fields().forEach(f -> values.put(f, "x".toCharArray()));
                        client.answer(c.promptId(), values, now);
                    } else {
                        reopen |= o instanceof IkeOutput.OpenSockets;
                    }
                }
                if (reopen) {
                    reopened++;
                    client.socketsOpened(new InetSocketAddress("192.0.2.2", 40_000 + 2 * reopened),
                            new InetSocketAddress("192.0.2.2", 40_001 + 2 * reopened), now);
                }
            }
            fail("the client and the gateway never went quiet");
        }

        /** An answer of the gateway: lost, repeated, corrupted or delivered. */
        private void deliverFuzzed(byte[] answer) {
            switch (data.remainingBytes() == 0 ? 3 : data.consumeInt(0, 7)) {
                case 0 -> {
                    // lost
                }
                case 1 -> {
                    deliver(answer);
                    deliver(answer);
                }
                case 2 -> {
                    byte[] corrupt = answer.clone();
                    corrupt[data.consumeInt(0, corrupt.length - 1)] ^= (byte) data.consumeInt(1, 255);
                    deliver(corrupt);
                }
                default -> deliver(answer);
            }
        }

        private void deliver(byte[] datagram) {
            client.receive(datagram, false, now);
        }

        /** Lets time pass, ticking the client when due; a timer that stays due is a spin. */
        private void advance(long millis) {
            long end = now + millis;
            for (int ticks = 0; ticks < 10_000; ticks++) {
                long due = client.nextDeadline();
                if (due > end) {
                    now = end;
                    return;
                }
                now = Math.max(now, due);
                client.tick(now);
                pump();
            }
            fail("the client's timer stayed due at " + now);
        }
    }
}
