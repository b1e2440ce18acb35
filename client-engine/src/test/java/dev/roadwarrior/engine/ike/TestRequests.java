package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.Identity;
import dev.roadwarrior.engine.api.ConnectRequest.IdentityType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** A typical request: Aggressive Mode PSK + XAuth, Mode Config pull, NAT-T. */
final class TestRequests {

    private TestRequests() {
    }

    static ConnectRequest aggressivePskXauth() {
        return new ConnectRequest("test", "192.0.2.1", 500,
                new ConnectRequest.Phase1(ConnectRequest.ExchangeMode.AGGRESSIVE, ConnectRequest.AuthMethod.PSK_XAUTH,
                        new Identity(IdentityType.KEY_ID, "group"), new Identity(IdentityType.ANY, ""),
                        List.of(new ConnectRequest.Phase1Proposal(7, 256, 2, 14)), 86400, 0),
                new ConnectRequest.Phase2(List.of(new ConnectRequest.EspProposal(12, 256, 2)), Optional.empty(), 3600, 0),
                new ConnectRequest.Credentials("secret".getBytes(StandardCharsets.UTF_8), Optional.of("alice"),
                        Optional.of("pw".toCharArray())),
                new ConnectRequest.Transport(ConnectRequest.NatTraversalMode.ENABLE, 4500, 15,
                        ConnectRequest.FragmentationMode.DISABLE, 540, true),
                new ConnectRequest.HostConfig(ConnectRequest.ModeConfigMode.PULL, Optional.empty(), 32, 1380, true,
                        List.of(), true, Optional.empty(), List.of(), true, List.of(), List.of(), true));
    }
}
