package dev.roadwarrior.engine.ike.phase1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.AuthMethod;
import dev.roadwarrior.engine.api.ConnectRequest.ExchangeMode;
import dev.roadwarrior.engine.api.ConnectRequest.Identity;
import dev.roadwarrior.engine.api.ConnectRequest.IdentityType;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.ike.IkeSa;
import dev.roadwarrior.engine.ike.auth.TestPki;
import dev.roadwarrior.engine.ike.auth.TestPki.Issued;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.CertPayload;
import dev.roadwarrior.engine.ike.codec.payload.CertRequestPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdType;
import dev.roadwarrior.engine.ike.task.TaskResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Main and Aggressive Mode with every authentication method against {@link TestResponder}: both
 * sides check each other's proof, and spoiled gateway proofs end with the reason a user needs.
 */
class Phase1ExchangeTest {

    private static final JcaIkeCrypto CRYPTO = new JcaIkeCrypto();
    private static Issued ca;
    private static Issued gateway;
    private static Issued client;

    @BeforeAll
    static void pki() {
        ca = TestPki.ca("C=DE, O=Lab, CN=Lab CA", 0);
        gateway = TestPki.endEntity(ca, "C=DE, O=Lab, CN=gw.example.net", 1,
                List.of(TestPki.dns("gw.example.net"), TestPki.ip("192.0.2.1")));
        client = TestPki.endEntity(ca, "C=DE, O=Lab, CN=alice", 2, List.of(TestPki.email("alice@example.net")));
    }

    @ParameterizedTest
    @EnumSource(AuthMethod.class)
    void mainModeAuthenticatesBothEnds(AuthMethod method) throws Exception {
        TestResponder.Setup setup = setup(method);
        Outcome o = mainMode(request(ExchangeMode.MAIN, method, new Identity(IdentityType.FQDN, "gw.example.net")),
                setup);
        assertTrue(o.task.gatewayIdentity().contains(method.usesPreSharedKey() ? "pre-shared key" : "certificate"),
                o.task.gatewayIdentity());
        assertEquals(method.usesPreSharedKey() ? List.of() : List.of(ca.certificate().getSubjectX500Principal()),
                o.certificateRequests);
    }

    @ParameterizedTest
    @EnumSource(AuthMethod.class)
    void aggressiveModeAuthenticatesBothEnds(AuthMethod method) throws Exception {
        TestResponder.Setup setup = setup(method);
        IkeSa sa = sa(request(ExchangeMode.AGGRESSIVE, method, new Identity(IdentityType.ANY, "")));
        AggressiveModeTask task = new AggressiveModeTask(sa, Phase1Authenticator.of(sa.request(), Clock.systemUTC()));
        TestResponder gw = new TestResponder(CRYPTO, setup);
        IkeMessage msg1 = task.build();
        assertEquals(method.usesPreSharedKey() ? 0 : 1, msg1.all(CertRequestPayload.class).size());
        TaskResult r = task.process(gw.aggressive1(msg1));
        assertTrue(r.done());
        IkeMessage msg3 = r.send().orElseThrow();
        assertTrue(msg3.header().isEncrypted());
        assertEquals(method == AuthMethod.RSA || method == AuthMethod.RSA_XAUTH, msg3.first(CertPayload.class).isPresent());
        gw.checkAggressive3(msg1, msg3);
        assertTrue(sa.hasKeys());
    }

    @Test
    void mutualRsaSendsTheCertificateSubjectAsIdentity() throws Exception {
        Outcome o = mainMode(request(ExchangeMode.MAIN, AuthMethod.RSA, new Identity(IdentityType.ANY, "")),
                setup(AuthMethod.RSA));
        assertEquals(IdType.DER_ASN1_DN, o.idI.idType());
        assertEquals(client.certificate().getSubjectX500Principal(),
                new X500Principal(o.idI.data()));
    }

    @Test
    void aGatewayCertificateFromAnotherCaIsNotTrusted() {
        Issued otherCa = TestPki.ca("O=Else, CN=Other CA", 3);
        TestResponder.Setup setup = setup(AuthMethod.HYBRID_RSA_XAUTH);
        setup.gatewayCertificate = TestPki.endEntity(otherCa, "C=DE, O=Lab, CN=gw.example.net", 1,
                List.of(TestPki.dns("gw.example.net")));
        assertFailure(FailureReason.CERTIFICATE_NOT_TRUSTED, "does not chain", setup, IdentityType.ANY, "");
    }

    @Test
    void aGatewayWithoutCertificateIsNotTrusted() {
        TestResponder.Setup setup = setup(AuthMethod.RSA_XAUTH);
        setup.sendCertificate = false;
        assertFailure(FailureReason.CERTIFICATE_NOT_TRUSTED, "no certificate", setup, IdentityType.ANY, "");
    }

    @Test
    void aBadSignatureDoesNotAuthenticateTheGateway() {
        TestResponder.Setup setup = setup(AuthMethod.HYBRID_RSA_XAUTH);
        setup.spoilSignature = true;
        assertFailure(FailureReason.GATEWAY_AUTHENTICATION_FAILED, "signature", setup, IdentityType.ANY, "");
    }

    @Test
    void aCertificateForAnotherNameIsAnIdentityProblem() {
        assertFailure(FailureReason.IDENTITY_REJECTED, "vpn.example.org", setup(AuthMethod.RSA),
                IdentityType.FQDN, "vpn.example.org");
        assertFailure(FailureReason.IDENTITY_REJECTED, "CN=other", setup(AuthMethod.HYBRID_GRP_XAUTH),
                IdentityType.ASN1_DN, "C=DE, O=Lab, CN=other");
    }

    @Test
    void theCertificateMustNameTheIdentityTheGatewayClaims() {
        TestResponder.Setup setup = setup(AuthMethod.HYBRID_RSA_XAUTH);
        setup.id = new IdPayload(IdType.FQDN, 17, 500, "other.example.net".getBytes(StandardCharsets.US_ASCII));
        assertFailure(FailureReason.CERTIFICATE_NOT_TRUSTED, "other.example.net", setup, IdentityType.ANY, "");
    }

    @Test
    void aDifferentGroupPasswordIsNamedInAggressiveMode() throws Exception {
        // in Main Mode the gateway finds out first and says so in a notify
        TestResponder.Setup setup = setup(AuthMethod.PSK_XAUTH);
        setup.psk = "other".getBytes();
        IkeSa sa = sa(request(ExchangeMode.AGGRESSIVE, AuthMethod.PSK_XAUTH, new Identity(IdentityType.ANY, "")));
        AggressiveModeTask task = new AggressiveModeTask(sa, Phase1Authenticator.of(sa.request(), Clock.systemUTC()));
        IkeMessage msg2 = new TestResponder(CRYPTO, setup).aggressive1(task.build());
        ConnectException e = assertThrows(ConnectException.class, () -> task.process(msg2));
        assertEquals(FailureReason.WRONG_GROUP_PASSWORD, e.reason());
        assertFalse(sa.hasKeys(), "no keys, so no encrypted delete for a gateway that cannot read it");
    }

    @Test
    void aPreSharedKeyGatewayMustSendTheExpectedIdentity() {
        TestResponder.Setup setup = setup(AuthMethod.PSK);
        setup.id = new IdPayload(IdType.FQDN, 17, 500, "gw.example.org".getBytes(StandardCharsets.US_ASCII));
        assertFailure(FailureReason.IDENTITY_REJECTED, "gw.example.net", setup, IdentityType.FQDN, "gw.example.net");
    }

    @Test
    void unusableCertificateFilesFailBeforeAnyPacket() {
        ConnectRequest r = request(ExchangeMode.MAIN, AuthMethod.RSA, new Identity(IdentityType.ANY, ""));
        ConnectRequest noKey = withCredentials(r, new ConnectRequest.Credentials(new byte[0], Optional.empty(),
                Optional.empty(), TestPki.pem(ca.certificate()), TestPki.pem(client.certificate()), new byte[0],
                Optional.empty()));
        ConnectException e = assertThrows(ConnectException.class, () -> Phase1Authenticator.of(noKey, Clock.systemUTC()));
        assertEquals(FailureReason.CERTIFICATE_FILE_UNUSABLE, e.reason());
        ConnectRequest noCa = withCredentials(r, new ConnectRequest.Credentials(new byte[0], Optional.empty(),
                Optional.empty(), new byte[0], new byte[0], new byte[0], Optional.empty()));
        e = assertThrows(ConnectException.class, () -> Phase1Authenticator.of(noCa, Clock.systemUTC()));
        assertTrue(e.detail().contains("certificate authority file"), e.detail());
    }

    private void assertFailure(FailureReason reason, String words, TestResponder.Setup setup, IdentityType type,
            String expected) {
        for (ExchangeMode mode : ExchangeMode.values()) {
            ConnectRequest request = request(mode, setup.method, new Identity(type, expected));
            ConnectException e = assertThrows(ConnectException.class, () -> {
                if (mode == ExchangeMode.MAIN) {
                    mainMode(request, setup);
                } else {
                    IkeSa sa = sa(request);
                    AggressiveModeTask task = new AggressiveModeTask(sa, Phase1Authenticator.of(request, Clock.systemUTC()));
                    task.process(new TestResponder(CRYPTO, setup).aggressive1(task.build()));
                }
            });
            assertEquals(reason, e.reason(), mode + ": " + e.detail());
            assertTrue(e.detail().contains(words), mode + ": " + e.detail());
        }
    }

    /** What a Main Mode run showed. */
    private record Outcome(MainModeTask task, IdPayload idI, List<X500Principal> certificateRequests) {
    }

    private static Outcome mainMode(ConnectRequest request, TestResponder.Setup setup) throws Exception {
        IkeSa sa = sa(request);
        MainModeTask task = new MainModeTask(sa, Phase1Authenticator.of(request, Clock.systemUTC()));
        TestResponder gw = new TestResponder(CRYPTO, setup);
        IkeMessage msg1 = task.build();
        assertTrue(msg1.first(IdPayload.class).isEmpty());
        IkeMessage msg3 = task.process(gw.main1(msg1)).send().orElseThrow();
        assertFalse(msg3.header().isEncrypted());
        assertTrue(msg3.first(IdPayload.class).isEmpty(), "identities travel encrypted");
        assertFalse(sa.hasKeys());
        IkeMessage msg5 = task.process(gw.main3(msg3)).send().orElseThrow();
        assertTrue(sa.hasKeys());
        assertTrue(msg5.header().isEncrypted(), "identities travel encrypted");
        IkeMessage msg6 = gw.main5(msg5);
        assertTrue(task.process(msg6).done());
        List<X500Principal> requests = msg3.all(CertRequestPayload.class).stream()
                .map(c -> new X500Principal(c.authority())).toList();
        return new Outcome(task, msg5.first(IdPayload.class).orElseThrow(), requests);
    }

    private static TestResponder.Setup setup(AuthMethod method) {
        TestResponder.Setup s = new TestResponder.Setup();
        s.method = method;
        s.gatewayCertificate = gateway;
        s.clientCertificate = client.certificate();
        if (method.usesPreSharedKey()) {
            s.id = new IdPayload(IdType.FQDN, 17, 500, "gw.example.net".getBytes(StandardCharsets.US_ASCII));
        }
        return s;
    }

    private static IkeSa sa(ConnectRequest request) {
        return new IkeSa(request, CRYPTO, new InetSocketAddress("192.0.2.2", 500), new InetSocketAddress("192.0.2.2", 4500),
                new InetSocketAddress("192.0.2.1", 500));
    }

    private static ConnectRequest request(ExchangeMode mode, AuthMethod method, Identity remote) {
        boolean psk = method.usesPreSharedKey() || method == AuthMethod.HYBRID_GRP_XAUTH;
        boolean own = method == AuthMethod.RSA || method == AuthMethod.RSA_XAUTH;
        ConnectRequest.Credentials credentials = new ConnectRequest.Credentials(
                psk ? "secret".getBytes() : new byte[0], Optional.of("alice"), Optional.of("pw".toCharArray()),
                method.usesPreSharedKey() ? new byte[0] : TestPki.pem(ca.certificate()),
                own ? TestPki.pem(client.certificate()) : new byte[0], own ? TestPki.pem(client.key()) : new byte[0],
                Optional.empty());
        Identity local = own ? new Identity(IdentityType.ASN1_DN, "") : new Identity(IdentityType.KEY_ID, "group");
        return new ConnectRequest("test", "192.0.2.1", 500,
                new ConnectRequest.Phase1(mode, method, local, remote,
                        List.of(new ConnectRequest.Phase1Proposal(7, 256, 2, 14)), 86400, 0),
                new ConnectRequest.Phase2(List.of(new ConnectRequest.EspProposal(12, 256, 2)), Optional.empty(), 3600, 0),
                credentials,
                new ConnectRequest.Transport(ConnectRequest.NatTraversalMode.ENABLE, 4500, 15,
                        ConnectRequest.FragmentationMode.DISABLE, 540, true),
                new ConnectRequest.HostConfig(ConnectRequest.ModeConfigMode.PULL, Optional.empty(), 32, 1380, true,
                        List.of(), true, Optional.empty(), List.of(), true, List.of(), List.of(), true));
    }

    private static ConnectRequest withCredentials(ConnectRequest r, ConnectRequest.Credentials c) {
        return new ConnectRequest(r.name(), r.gatewayHost(), r.ikePort(), r.phase1(), r.phase2(), c, r.transport(),
                r.config());
    }
}
