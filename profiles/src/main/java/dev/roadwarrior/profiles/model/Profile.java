package dev.roadwarrior.profiles.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A VPN profile: every setting of a Shrew Soft site file ({@code .vpn}), typed. Immutable; build
 * one with {@link #builder(String, String)} or change one with {@link #toBuilder()}.
 *
 * <p><b>Not in here:</b> secrets. The group password (pre-shared key), private-key passphrases
 * and a saved XAuth password live in a {@code SecretStore}, keyed by the profile name, so that the
 * profile's JSON can be shown and copied safely.
 *
 * <p><b>Absent keys.</b> Importers map a key missing from a file to what the Shrew connect code
 * does without it (for example no {@code network-natt-mode} means NAT-T disabled), so a profile
 * always holds the effective value and export writes every key explicitly.
 *
 * <p><b>Validity.</b> The records check ranges and types; they do not check that the profile can
 * connect (a template placeholder as host is allowed). {@code ProfileValidator} does that.
 *
 * @param name the profile's name (the store's file name)
 * @param description free text, e.g. a Cisco .pcf {@code Description}
 * @param gateway host and IKE port
 * @param autoConfig how tunnel settings are obtained
 * @param adapter the client's adapter and static address
 * @param natTraversal NAT-T mode, port and keep-alive rate
 * @param fragmentation IKE fragmentation
 * @param deadPeerDetection {@code network-dpd-enable}
 * @param failureNotifications {@code network-notify-enable}: send ISAKMP failure notifications
 * @param requestBanner {@code client-banner-enable}: ask the gateway for its login banner
 * @param nameResolution DNS, split DNS and WINS
 * @param authentication method, identities and certificates
 * @param phase1 the phase 1 proposal
 * @param phase2 the phase 2 proposal and IPComp
 * @param policy which traffic enters the tunnel
 * @param killSwitch Roadwarrior's own setting ({@code roadwarrior-kill-switch} in a {@code .vpn}
 *     file): while this profile connects, reconnects or has failed, until the user disconnects,
 *     nothing but the traffic to the gateway leaves the host
 * @param savedUsername the XAuth user name to offer ({@code client-saved-username}); backslashes
 *     are literal (for example <code>TELECOMITALIA&#92;00519575</code>)
 * @param extraEntries unknown {@code .vpn} lines, in file order, written back on export
 */
public record Profile(
        String name,
        Optional<String> description,
        Gateway gateway,
        AutoConfigMode autoConfig,
        Adapter adapter,
        NatTraversal natTraversal,
        Fragmentation fragmentation,
        boolean deadPeerDetection,
        boolean failureNotifications,
        boolean requestBanner,
        NameResolution nameResolution,
        Authentication authentication,
        Phase1 phase1,
        Phase2 phase2,
        Policy policy,
        boolean killSwitch,
        Optional<String> savedUsername,
        List<ShrewEntry> extraEntries) {

    public Profile {
        Objects.requireNonNull(name, "name");
        description = Objects.requireNonNullElse(description, Optional.<String>empty()).filter(s -> !s.isEmpty());
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(autoConfig, "autoConfig");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(natTraversal, "natTraversal");
        Objects.requireNonNull(fragmentation, "fragmentation");
        Objects.requireNonNull(nameResolution, "nameResolution");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(phase1, "phase1");
        Objects.requireNonNull(phase2, "phase2");
        Objects.requireNonNull(policy, "policy");
        savedUsername = Objects.requireNonNullElse(savedUsername, Optional.<String>empty()).filter(s -> !s.isEmpty());
        extraEntries = List.copyOf(Objects.requireNonNullElse(extraEntries, List.of()));
    }

    /**
     * A builder with the defaults of a new site in the Shrew GUI: port 500, Mode Config pull,
     * virtual adapter with MTU 1380 and automatic address, NAT-T enable/4500/15 s, fragmentation
     * enable/540, DPD, notifications and banner on, DNS and domain from the gateway,
     * hybrid RSA + XAuth with an fqdn local identity and any remote identity, aggressive mode,
     * auto proposals with DH group 2, lifetimes 86400 s and 3600 s, PFS disabled, no IPComp,
     * policy auto with the topology from the gateway; kill switch off.
     */
    public static Builder builder(String name, String host) {
        return new Builder(name, host);
    }

    /** A builder holding this profile's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** This profile under another name. */
    public Profile withName(String newName) {
        return toBuilder().name(newName).build();
    }

    /** Mutable builder for {@link Profile}; {@link #build()} runs the records' checks. */
    public static final class Builder {
        private String name;
        private Optional<String> description = Optional.empty();
        private Gateway gateway;
        private AutoConfigMode autoConfig = AutoConfigMode.PULL;
        private Adapter adapter = new Adapter(AdapterMode.VIRTUAL, 1380, true, Optional.empty());
        private NatTraversal natTraversal = new NatTraversal(NatTraversalMode.ENABLE, 4500, 15);
        private Fragmentation fragmentation = new Fragmentation(FragmentationMode.ENABLE, 540);
        private boolean deadPeerDetection = true;
        private boolean failureNotifications = true;
        private boolean requestBanner = true;
        private NameResolution nameResolution = new NameResolution(
                new DnsSettings(true, true, List.of(), true, Optional.empty()),
                new SplitDnsSettings(false, false, List.of()),
                new WinsSettings(false, false, List.of()));
        private Authentication authentication = new Authentication(AuthMethod.HYBRID_RSA_XAUTH,
                Identity.of(IdentityType.FQDN), Identity.of(IdentityType.ANY),
                Optional.empty(), Optional.empty(), Optional.empty());
        private Phase1 phase1 = new Phase1(ExchangeMode.AGGRESSIVE, Cipher.AUTO, 0, HashAlgorithm.AUTO,
                DhGroup.MODP_1024, new Lifetime(86400, 0), false);
        private Phase2 phase2 = new Phase2(Cipher.AUTO, 0, HashAlgorithm.AUTO, Optional.empty(),
                new Lifetime(3600, 0), IpcompTransform.DISABLED);
        private Policy policy = new Policy(PolicyLevel.AUTO, false, true, List.of(), List.of());
        private boolean killSwitch;
        private Optional<String> savedUsername = Optional.empty();
        private List<ShrewEntry> extraEntries = List.of();

        private Builder(String name, String host) {
            this.name = name;
            this.gateway = new Gateway(host, 500);
        }

        private Builder(Profile p) {
            name = p.name;
            description = p.description;
            gateway = p.gateway;
            autoConfig = p.autoConfig;
            adapter = p.adapter;
            natTraversal = p.natTraversal;
            fragmentation = p.fragmentation;
            deadPeerDetection = p.deadPeerDetection;
            failureNotifications = p.failureNotifications;
            requestBanner = p.requestBanner;
            nameResolution = p.nameResolution;
            authentication = p.authentication;
            phase1 = p.phase1;
            phase2 = p.phase2;
            policy = p.policy;
            killSwitch = p.killSwitch;
            savedUsername = p.savedUsername;
            extraEntries = p.extraEntries;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder description(Optional<String> v) {
            description = v;
            return this;
        }

        public Builder gateway(Gateway v) {
            gateway = v;
            return this;
        }

        public Builder autoConfig(AutoConfigMode v) {
            autoConfig = v;
            return this;
        }

        public Builder adapter(Adapter v) {
            adapter = v;
            return this;
        }

        public Builder natTraversal(NatTraversal v) {
            natTraversal = v;
            return this;
        }

        public Builder fragmentation(Fragmentation v) {
            fragmentation = v;
            return this;
        }

        public Builder deadPeerDetection(boolean v) {
            deadPeerDetection = v;
            return this;
        }

        public Builder failureNotifications(boolean v) {
            failureNotifications = v;
            return this;
        }

        public Builder requestBanner(boolean v) {
            requestBanner = v;
            return this;
        }

        public Builder nameResolution(NameResolution v) {
            nameResolution = v;
            return this;
        }

        public Builder authentication(Authentication v) {
            authentication = v;
            return this;
        }

        public Builder phase1(Phase1 v) {
            phase1 = v;
            return this;
        }

        public Builder phase2(Phase2 v) {
            phase2 = v;
            return this;
        }

        public Builder policy(Policy v) {
            policy = v;
            return this;
        }

        public Builder killSwitch(boolean v) {
            killSwitch = v;
            return this;
        }

        public Builder savedUsername(Optional<String> v) {
            savedUsername = v;
            return this;
        }

        public Builder extraEntries(List<ShrewEntry> v) {
            extraEntries = v;
            return this;
        }

        /** The profile; throws {@link IllegalArgumentException} or NPE on a missing part. */
        public Profile build() {
            return new Profile(name, description, gateway, autoConfig, adapter, natTraversal, fragmentation,
                    deadPeerDetection, failureNotifications, requestBanner, nameResolution, authentication,
                    phase1, phase2, policy, killSwitch, savedUsername, extraEntries);
        }
    }
}
