package dev.roadwarrior.systemtest;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the lab's IKEv1 road-warrior gateway accepts: one connection with a Mode Config pool.
 * Immutable; start from {@link #defaults()} and change what a test needs with {@link #toBuilder()}.
 *
 * <p>Defaults: aggressive mode, group PSK ({@code keyid:rwgroup}) plus XAuth user {@code alice},
 * virtual IPs from {@link Topology#POOL} with DNS {@link Topology#POOL_DNS}, {@code local_ts}
 * {@link Topology#PROTECTED_NET} (pushed as a Unity split include), IKE proposals that include the
 * MODP-1024 suites vpnc offers, ESP without PFS. Rendered by {@link #swanctlConf()}.
 */
public final class GatewayConfig {

    /** How the road warrior authenticates (and how the gateway authenticates itself). */
    public enum Auth {
        /** Group pre-shared key, then XAuth user name and password (the Cisco classic). */
        PSK_XAUTH,
        /** Group pre-shared key only. */
        PSK,
        /** Mutual RSA certificates, then XAuth. Needs a {@link GatewayCertificate}. */
        RSA_XAUTH,
        /** Mutual RSA certificates only. Needs a {@link GatewayCertificate}. */
        RSA,
        /** Hybrid: the gateway signs with RSA, the client only does XAuth. Needs a {@link GatewayCertificate}. */
        HYBRID;

        boolean usesPsk() {
            return this == PSK_XAUTH || this == PSK;
        }

        boolean usesXauth() {
            return this != PSK && this != RSA;
        }
    }

    /** IKEv1 fragmentation policy of the gateway ({@code fragmentation = ...}). */
    public enum Fragmentation {
        YES, ACCEPT, FORCE, NO
    }

    private final boolean aggressive;
    private final Auth auth;
    private final String group;
    private final String groupSecret;
    private final String remoteId;
    private final Map<String, String> xauthUsers;
    private final List<String> ikeProposals;
    private final List<String> espProposals;
    private final List<String> localTs;
    private final String pool;
    private final List<String> dns;
    private final Optional<Duration> ikeReauthTime;
    private final Optional<Duration> ikeOverTime;
    private final Optional<Duration> childRekeyTime;
    private final Optional<Duration> childLifeTime;
    private final Optional<Fragmentation> fragmentation;
    private final OptionalInt ikeFragmentSize;
    private final List<String> extraPlugins;
    private final List<String> omittedPlugins;
    private final Optional<Duration> dpdDelay;
    private final Optional<Duration> dpdTimeout;
    private final boolean forceEncapsulation;
    private final Optional<GatewayCertificate> certificate;
    private final boolean pull;
    private final Map<String, String> poolAttributes;

    private GatewayConfig(Builder b) {
        aggressive = b.aggressive;
        auth = b.auth;
        group = b.group;
        groupSecret = b.groupSecret;
        remoteId = b.remoteId == null ? "keyid:" + b.group : b.remoteId;
        xauthUsers = Collections.unmodifiableMap(new LinkedHashMap<>(b.xauthUsers));
        ikeProposals = List.copyOf(b.ikeProposals);
        espProposals = List.copyOf(b.espProposals);
        localTs = List.copyOf(b.localTs);
        pool = b.pool;
        dns = List.copyOf(b.dns);
        ikeReauthTime = Optional.ofNullable(b.ikeReauthTime);
        ikeOverTime = Optional.ofNullable(b.ikeOverTime);
        childRekeyTime = Optional.ofNullable(b.childRekeyTime);
        childLifeTime = Optional.ofNullable(b.childLifeTime);
        fragmentation = Optional.ofNullable(b.fragmentation);
        ikeFragmentSize = b.ikeFragmentSize == null ? OptionalInt.empty() : OptionalInt.of(b.ikeFragmentSize);
        extraPlugins = List.copyOf(b.extraPlugins);
        omittedPlugins = List.copyOf(b.omittedPlugins);
        dpdDelay = Optional.ofNullable(b.dpdDelay);
        dpdTimeout = Optional.ofNullable(b.dpdTimeout);
        forceEncapsulation = b.forceEncapsulation;
        certificate = Optional.ofNullable(b.certificate);
        pull = b.pull;
        poolAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.poolAttributes));
        if (auth.usesXauth() && xauthUsers.isEmpty()) {
            throw new IllegalArgumentException(auth + " needs at least one XAuth user");
        }
        if (!auth.usesPsk() && certificate.isEmpty()) {
            throw new IllegalArgumentException(auth + " needs a gateway certificate");
        }
        if (ikeProposals.isEmpty() || espProposals.isEmpty() || localTs.isEmpty()) {
            throw new IllegalArgumentException("proposals and local_ts must not be empty");
        }
    }

    /** The default road-warrior gateway described in the class comment. */
    public static GatewayConfig defaults() {
        return new Builder().build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The swanctl.conf text for this configuration. */
    public String swanctlConf() {
        return SwanctlConf.render(this);
    }

    public boolean aggressive() {
        return aggressive;
    }

    public Auth auth() {
        return auth;
    }

    /** Group name (the client's IPSec ID, sent as ID_KEY_ID). */
    public String group() {
        return group;
    }

    /** Group pre-shared key. */
    public String groupSecret() {
        return groupSecret;
    }

    /**
     * Phase 1 identity the gateway expects from a PSK client ({@code keyid:<group>} unless set);
     * certificate modes accept any identity the certificate proves.
     */
    public String remoteId() {
        return remoteId;
    }

    /** XAuth user names and passwords, in the order they were added. */
    public Map<String, String> xauthUsers() {
        return xauthUsers;
    }

    public List<String> ikeProposals() {
        return ikeProposals;
    }

    public List<String> espProposals() {
        return espProposals;
    }

    /** Networks behind the gateway; anything but {@code 0.0.0.0/0} is pushed as a Unity split include. */
    public List<String> localTs() {
        return localTs;
    }

    /** Mode Config pool (CIDR). */
    public String pool() {
        return pool;
    }

    /** DNS servers pushed by Mode Config. */
    public List<String> dns() {
        return dns;
    }

    /** IKE SA lifetime: IKEv1 renews it by reauthentication ({@code reauth_time}). */
    public Optional<Duration> ikeReauthTime() {
        return ikeReauthTime;
    }

    /**
     * Hard IKE SA lifetime after {@link #ikeReauthTime()} ({@code over_time}). charon cannot
     * reauthenticate a road warrior with a virtual IP as responder, so it deletes the IKE SA (and
     * its CHILD SAs) when this runs out; the random part ({@code rand_time}) defaults to it.
     */
    public Optional<Duration> ikeOverTime() {
        return ikeOverTime;
    }

    /** CHILD SA rekey time ({@code rekey_time} of the child). */
    public Optional<Duration> childRekeyTime() {
        return childRekeyTime;
    }

    /** Hard CHILD SA lifetime ({@code life_time} of the child; strongSwan's default is rekey time + 10 %). */
    public Optional<Duration> childLifeTime() {
        return childLifeTime;
    }

    public Optional<Fragmentation> fragmentation() {
        return fragmentation;
    }

    /**
     * Largest IP datagram charon sends as one IKE fragment ({@code charon.fragment_size} in
     * strongswan.conf, default 1280). Read when charon starts: {@link StrongswanGateway#load} does
     * not change it, {@link StrongswanGateway#start()} does.
     */
    public OptionalInt ikeFragmentSize() {
        return ikeFragmentSize;
    }

    /**
     * Plugins charon loads besides {@link StrongswanConf#PLUGINS} (tests of the lab's own checks
     * name one that does not exist). Read when charon starts.
     */
    public List<String> extraPlugins() {
        return extraPlugins;
    }

    /**
     * Plugins of {@link StrongswanConf#PLUGINS} charon does not load, e.g. {@code xauth-generic}:
     * a gateway whose XAuth backend is missing accepts phase 1 but never starts XAuth.
     */
    public List<String> omittedPlugins() {
        return omittedPlugins;
    }

    public Optional<Duration> dpdDelay() {
        return dpdDelay;
    }

    public Optional<Duration> dpdTimeout() {
        return dpdTimeout;
    }

    /** Whether the gateway pretends to be behind NAT so ESP is always UDP-encapsulated. */
    public boolean forceEncapsulation() {
        return forceEncapsulation;
    }

    public Optional<GatewayCertificate> certificate() {
        return certificate;
    }

    /** Mode Config pull (true, default: the client asks) or push (false: the gateway sends SET; swanctl {@code pull = no}). */
    public boolean pull() {
        return pull;
    }

    /**
     * Further attributes of the Mode Config pool, swanctl syntax: {@code split_include},
     * {@code split_exclude} (Unity local LAN) or an attribute number with its value, e.g.
     * {@code 28672} (Unity banner) = text, {@code 28673} (Unity save password) = {@code 0.0.0.1}
     * (sent as the four bytes 0 0 0 1). Values are comma-separated lists, so a text holds no comma.
     */
    public Map<String, String> poolAttributes() {
        return poolAttributes;
    }

    /** Mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        private boolean aggressive = true;
        private Auth auth = Auth.PSK_XAUTH;
        private String group = "rwgroup";
        private String groupSecret = "rwgroup-secret";
        private String remoteId;
        private final Map<String, String> xauthUsers = new LinkedHashMap<>(Map.of("alice", "alice-password"));
        private List<String> ikeProposals = List.of("aes256-sha256-modp2048", "aes128-sha256-modp2048",
                "aes256-sha1-modp1024", "aes128-sha1-modp1024", "3des-sha1-modp1024", "3des-md5-modp1024");
        private List<String> espProposals = List.of("aes256-sha256", "aes128-sha256", "aes256-sha1", "aes128-sha1",
                "3des-sha1", "3des-md5");
        private List<String> localTs = List.of(Topology.PROTECTED_NET);
        private String pool = Topology.POOL;
        private List<String> dns = List.of(Topology.POOL_DNS);
        private Duration ikeReauthTime;
        private Duration ikeOverTime;
        private Duration childRekeyTime;
        private Duration childLifeTime;
        private Fragmentation fragmentation;
        private Integer ikeFragmentSize;
        private List<String> extraPlugins = List.of();
        private List<String> omittedPlugins = List.of();
        private Duration dpdDelay;
        private Duration dpdTimeout;
        private boolean forceEncapsulation;
        private GatewayCertificate certificate;
        private boolean pull = true;
        private final Map<String, String> poolAttributes = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(GatewayConfig c) {
            aggressive = c.aggressive;
            auth = c.auth;
            group = c.group;
            groupSecret = c.groupSecret;
            remoteId = c.remoteId.equals("keyid:" + c.group) ? null : c.remoteId;
            xauthUsers.clear();
            xauthUsers.putAll(c.xauthUsers);
            ikeProposals = c.ikeProposals;
            espProposals = c.espProposals;
            localTs = c.localTs;
            pool = c.pool;
            dns = c.dns;
            ikeReauthTime = c.ikeReauthTime.orElse(null);
            ikeOverTime = c.ikeOverTime.orElse(null);
            childRekeyTime = c.childRekeyTime.orElse(null);
            childLifeTime = c.childLifeTime.orElse(null);
            fragmentation = c.fragmentation.orElse(null);
            ikeFragmentSize = c.ikeFragmentSize.isPresent() ? c.ikeFragmentSize.getAsInt() : null;
            extraPlugins = c.extraPlugins;
            omittedPlugins = c.omittedPlugins;
            dpdDelay = c.dpdDelay.orElse(null);
            dpdTimeout = c.dpdTimeout.orElse(null);
            forceEncapsulation = c.forceEncapsulation;
            certificate = c.certificate.orElse(null);
            pull = c.pull;
            poolAttributes.putAll(c.poolAttributes);
        }

        /** Aggressive mode (true, default) or main mode (false). */
        public Builder aggressive(boolean value) {
            aggressive = value;
            return this;
        }

        public Builder auth(Auth value) {
            auth = Objects.requireNonNull(value);
            return this;
        }

        /** Group name and pre-shared key. */
        public Builder group(String name, String secret) {
            group = Objects.requireNonNull(name);
            groupSecret = Objects.requireNonNull(secret);
            return this;
        }

        /**
         * Phase 1 identity expected from the client, in swanctl syntax ({@code keyid:...},
         * {@code %any}, an address, ...); default {@code keyid:<group>}.
         */
        public Builder remoteId(String value) {
            remoteId = Objects.requireNonNull(value);
            return this;
        }

        /** Replaces all XAuth users by this one. */
        public Builder xauthUser(String name, String password) {
            xauthUsers.clear();
            return addXauthUser(name, password);
        }

        public Builder addXauthUser(String name, String password) {
            xauthUsers.put(Objects.requireNonNull(name), Objects.requireNonNull(password));
            return this;
        }

        /** IKE proposals in strongSwan syntax, e.g. {@code aes256-sha1-modp1024}. */
        public Builder ikeProposals(String... values) {
            ikeProposals = List.of(values);
            return this;
        }

        /** ESP proposals in strongSwan syntax; add a DH group (e.g. {@code -modp1024}) to require PFS. */
        public Builder espProposals(String... values) {
            espProposals = List.of(values);
            return this;
        }

        /** Networks behind the gateway; {@code 0.0.0.0/0} means full tunnel (no split include is pushed). */
        public Builder localTs(String... values) {
            localTs = List.of(values);
            return this;
        }

        public Builder pool(String cidr) {
            pool = Objects.requireNonNull(cidr);
            return this;
        }

        public Builder dns(String... servers) {
            dns = List.of(servers);
            return this;
        }

        public Builder ikeReauthTime(Duration value) {
            ikeReauthTime = value;
            return this;
        }

        /** See {@link GatewayConfig#ikeOverTime()}. */
        public Builder ikeOverTime(Duration value) {
            ikeOverTime = value;
            return this;
        }

        public Builder childRekeyTime(Duration value) {
            childRekeyTime = value;
            return this;
        }

        public Builder childLifeTime(Duration value) {
            childLifeTime = value;
            return this;
        }

        public Builder fragmentation(Fragmentation value) {
            fragmentation = value;
            return this;
        }

        /** See {@link GatewayConfig#extraPlugins()}. */
        public Builder extraPlugins(List<String> names) {
            extraPlugins = List.copyOf(names);
            return this;
        }

        /** See {@link GatewayConfig#omittedPlugins()}. */
        public Builder omittedPlugins(List<String> names) {
            omittedPlugins = List.copyOf(names);
            return this;
        }

        /** See {@link GatewayConfig#ikeFragmentSize()}; {@code null} keeps charon's default. */
        public Builder ikeFragmentSize(Integer bytes) {
            ikeFragmentSize = bytes;
            return this;
        }

        /** Dead peer detection interval and (IKEv1) timeout; {@code null} turns DPD off. */
        public Builder dpd(Duration delay, Duration timeout) {
            dpdDelay = delay;
            dpdTimeout = timeout;
            return this;
        }

        public Builder forceEncapsulation(boolean value) {
            forceEncapsulation = value;
            return this;
        }

        public Builder certificate(GatewayCertificate value) {
            certificate = value;
            return this;
        }

        /** Mode Config pull (true) or push (false). */
        public Builder pull(boolean value) {
            pull = value;
            return this;
        }

        /** Adds a pool attribute (see {@link GatewayConfig#poolAttributes()}). */
        public Builder poolAttribute(String key, String value) {
            poolAttributes.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /** @throws IllegalArgumentException when the combination cannot work (e.g. XAuth without users) */
        public GatewayConfig build() {
            return new GatewayConfig(this);
        }
    }
}
