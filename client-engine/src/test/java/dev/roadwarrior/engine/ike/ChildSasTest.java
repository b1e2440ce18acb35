package dev.roadwarrior.engine.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.esp.EspTransform;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.DeletePayload;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.task.Task;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lives of ESP SA pairs: make-before-break renewal, grace, gateway deletes, lifetimes in time and bytes. */
class ChildSasTest {

    private final EstablishedSa established = new EstablishedSa(TestRequests.aggressivePskXauth());
    private final List<IkeOutput> outputs = new ArrayList<>();
    private final TaskManager tasks = new TaskManager(established.client, message -> Optional.empty(), e -> {
    }, outputs::add, RetransmitPolicy.DEFAULT, new Random(1));
    private final Informational informational = new Informational(established.client, tasks);
    private final ChildSas children = new ChildSas(outputs::add, informational, new Random(2), 3600);

    private static ChildSaKeys keys(int in, int out, long seconds, long kilobytes) {
        EspTransform t = EspTransform.AES_128_SHA1;
        return new ChildSaKeys(in, out, t, new byte[t.keymatLength()], new byte[t.keymatLength()], seconds, kilobytes,
                true);
    }

    @Test
    void theFirstPairCarriesTrafficAtOnceAndIsRenewedOnceBeforeItsLifetime() {
        children.install(keys(0x101, 0x201, 25, 0), 0, 0);
        assertEquals(List.of(new IkeOutput.InstallChildSa(((IkeOutput.InstallChildSa) outputs.get(0)).keys(), true)),
                outputs);
        assertTrue(children.up());
        long rekeyAt = children.nextDeadline();
        assertTrue(rekeyAt >= 20_750 && rekeyAt <= 22_000, "soft lifetime " + rekeyAt);
        assertEquals(ChildSas.Due.NOTHING, children.tick(rekeyAt - 1));
        assertEquals(ChildSas.Due.REKEY, children.tick(rekeyAt));
        children.rekeyStarted();
        assertEquals(ChildSas.Due.NOTHING, children.tick(rekeyAt + 1), "one renewal at a time");
        assertTrue(children.nextDeadline() > rekeyAt, "no deadline left in the past (the engine would spin)");
    }

    @Test
    void aNewPairTakesOverAfterTheGatewayHadTimeAndTheOldOneIsDeletedAfterTheGrace() throws Exception {
        children.install(keys(0x101, 0x201, 30, 0), 0, 0);
        children.rekeyStarted();
        outputs.clear();
        children.install(keys(0x102, 0x202, 30, 0), 21_000, 21_300);
        assertEquals(1, outputs.size());
        assertFalse(((IkeOutput.InstallChildSa) outputs.get(0)).activate(), "outbound waits");
        assertEquals(ChildSas.Due.NOTHING, children.tick(21_299), "the old pair's rekey time has passed, but a new one waits");
        assertEquals(1, outputs.size());
        children.tick(21_300);
        assertEquals(new IkeOutput.ActivateOutbound(0x202), outputs.get(1));
        children.tick(26_299);
        assertEquals(2, outputs.size(), "the old pair still accepts packets in flight");
        children.tick(26_300);
        assertEquals(new IkeOutput.RemoveChildSa(0x101, 0x201), outputs.get(3));
        IkeMessage delete = established.openAtGateway(((IkeOutput.Send) outputs.get(2)).datagram());
        assertEquals(ExchangeType.INFORMATIONAL, delete.header().exchangeType());
        DeletePayload d = delete.first(DeletePayload.class).orElseThrow();
        assertEquals(ProtocolId.ESP, d.protocolId());
        assertEquals(0x101, ByteBuffer.wrap(d.spis().get(0)).getInt(), "named by our inbound SPI");
        assertTrue(children.up());
    }

    @Test
    void aPairTheGatewayStartedWaitsForItsConfirmation() {
        children.install(keys(0x101, 0x201, 3600, 0), 0, 0);
        outputs.clear();
        children.install(keys(0x103, 0x203, 3600, 0), 10_000, Long.MAX_VALUE);
        children.tick(11_999);
        assertFalse(outputs.stream().anyMatch(o -> o instanceof IkeOutput.ActivateOutbound));
        children.confirm(0x103, 12_000);
        children.tick(12_000);
        assertEquals(new IkeOutput.ActivateOutbound(0x203), outputs.get(1));
    }

    @Test
    void theGatewayDeletingThePairInUseBeforeItsThirdMessageArrivedConfirmsItsNewPair() {
        children.install(keys(0x101, 0x201, 3600, 0), 0, 0);
        children.install(keys(0x103, 0x203, 3600, 0), 10_000, Long.MAX_VALUE);
        outputs.clear();
        assertFalse(children.deletedByGateway(0x201, 10_500), "no new Quick Mode: the gateway's pair takes over");
        assertEquals(10_500, children.nextDeadline());
        children.tick(10_500);
        assertEquals(List.of(new IkeOutput.RemoveChildSa(0x101, 0x201), new IkeOutput.ActivateOutbound(0x203)), outputs);
        assertTrue(children.up());
        outputs.clear();
        children.discard(0x103);
        assertEquals(List.of(), outputs, "the exchange timing out later leaves the pair in use");
    }

    @Test
    void thePairInUseExpiringBeforeTheGatewaysThirdMessageArrivedHandsOverToItsNewPair() {
        children.install(keys(0x101, 0x201, 20, 0), 0, 0);
        children.install(keys(0x103, 0x203, 20, 0), 16_000, Long.MAX_VALUE);
        outputs.clear();
        assertEquals(ChildSas.Due.NOTHING, children.tick(20_000), "no Quick Mode of our own: the gateway's pair takes over");
        children.tick(children.nextDeadline());
        assertTrue(outputs.contains(new IkeOutput.RemoveChildSa(0x101, 0x201)));
        assertTrue(outputs.contains(new IkeOutput.ActivateOutbound(0x203)));
        assertTrue(children.up());
    }

    @Test
    void aPairTheGatewayDidNotFinishIsDiscarded() {
        children.install(keys(0x101, 0x201, 25, 0), 0, 0);
        children.install(keys(0x103, 0x203, 25, 0), 10_000, Long.MAX_VALUE);
        outputs.clear();
        children.discard(0x103);
        assertEquals(List.of(new IkeOutput.RemoveChildSa(0x103, 0x203)), outputs);
    }

    @Test
    void theGatewayDeletingThePairInUseAsksForANewOneAtOnce() {
        children.install(keys(0x101, 0x201, 3600, 0), 0, 0);
        outputs.clear();
        assertFalse(children.deletedByGateway(0x999, 5_000), "an SPI we do not know");
        assertTrue(children.deletedByGateway(0x201, 5_000), "named by its inbound SPI, our outbound one");
        assertEquals(List.of(new IkeOutput.RemoveChildSa(0x101, 0x201)), outputs);
        assertFalse(children.up());
    }

    @Test
    void theGatewayDeletingAReplacedPairNeedsNothingNew() {
        children.install(keys(0x101, 0x201, 3600, 0), 0, 0);
        children.install(keys(0x102, 0x202, 3600, 0), 1_000, 1_000);
        assertFalse(children.deletedByGateway(0x201, 5_000));
        assertTrue(children.up());
    }

    @Test
    void aKilobyteLifetimeIsRenewedAtNinetyPercentOfItsBytes() {
        children.install(keys(0x101, 0x201, 3600, 1000), 0, 0);
        children.traffic(new EspActivity(0, 0, Map.of(0x101, 900_000L), Map.of(0x201, 10L)));
        assertEquals(ChildSas.Due.NOTHING, children.tick(1_000));
        children.traffic(new EspActivity(0, 0, Map.of(0x101, 900_000L), Map.of(0x201, 921_600L)));
        assertEquals(ChildSas.Due.REKEY, children.tick(1_000));
    }

    @Test
    void aPairWhoseLifetimeRanOutIsRemovedAndReplaced() {
        children.install(keys(0x101, 0x201, 25, 0), 0, 0);
        outputs.clear();
        assertEquals(ChildSas.Due.REKEY, children.tick(25_000), "gone: a new one is needed");
        assertTrue(outputs.contains(new IkeOutput.RemoveChildSa(0x101, 0x201)));
        assertFalse(children.up());
    }

    @Test
    void withoutANegotiatedLifetimeTheProfilesApplies() {
        children.install(keys(0x101, 0x201, 0, 0), 0, 0);
        assertTrue(children.nextDeadline() <= 3_600_000 - 360_000, "renewed before the profile's hour");
    }

    @Test
    void theSuccessorOfAnIsakmpSaAdoptsItsPairsAndDeletesThemAfterTheGrace() {
        ChildSas successor = new ChildSas(outputs::add, informational, new Random(3), 3600);
        children.install(keys(0x101, 0x201, 3600, 0), 0, 0);
        successor.install(keys(0x102, 0x202, 3600, 0), 60_000, 60_300);
        outputs.clear();
        successor.adopt(children, 60_000);
        children.clear(true);
        assertTrue(outputs.isEmpty(), "the old SA has nothing left to delete");
        successor.tick(60_300);
        assertEquals(List.of(new IkeOutput.ActivateOutbound(0x202)), outputs);
        successor.tick(65_300);
        assertTrue(outputs.contains(new IkeOutput.RemoveChildSa(0x101, 0x201)));
    }
}
