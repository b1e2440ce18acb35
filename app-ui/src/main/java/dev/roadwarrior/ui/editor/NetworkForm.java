package dev.roadwarrior.ui.editor;

import dev.roadwarrior.profiles.ProfileNames;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.Adapter;
import dev.roadwarrior.profiles.model.AdapterMode;
import dev.roadwarrior.profiles.model.AutoConfigMode;
import dev.roadwarrior.profiles.model.DnsSettings;
import dev.roadwarrior.profiles.model.Fragmentation;
import dev.roadwarrior.profiles.model.FragmentationMode;
import dev.roadwarrior.profiles.model.Gateway;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.profiles.model.NameResolution;
import dev.roadwarrior.profiles.model.NatTraversal;
import dev.roadwarrior.profiles.model.NatTraversalMode;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.model.Ranges;
import dev.roadwarrior.profiles.model.SplitDnsSettings;
import dev.roadwarrior.profiles.model.WinsSettings;
import dev.roadwarrior.ui.common.UiText;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The fields of the editor's General, Client and Name Resolution tabs, read from and written to a
 * {@link Profile}. FX thread (tests: any one thread).
 */
public final class NetworkForm {

    private String originalName = "";

    public final TextInput name;
    public final TextInput description = new TextInput();
    public final TextInput host = new TextInput(Checks::host);
    public final TextInput ikePort = new TextInput(Checks.number(Ranges.PORT_MIN, Ranges.PORT_MAX));
    public final ChoiceInput<AutoConfigMode> autoConfig = choice(AutoConfigMode.values());
    public final ChoiceInput<AdapterMode> adapterMode = choice(AdapterMode.values());
    public final TextInput mtu = new TextInput(Checks.number(Ranges.MTU_MIN, Ranges.MTU_MAX));
    public final BooleanProperty addressAuto = new SimpleBooleanProperty();
    public final TextInput address = new TextInput(s -> Checks.address(s, needsAddress()));
    public final TextInput netmask = new TextInput(s -> Checks.netmask(s, needsAddress() || !address.value().isEmpty()));

    public final ChoiceInput<NatTraversalMode> natMode = choice(NatTraversalMode.values());
    public final TextInput natPort = new TextInput(Checks.number(Ranges.PORT_MIN, Ranges.PORT_MAX));
    public final TextInput natKeepAlive = new TextInput(Checks.number(0, Ranges.KEEPALIVE_MAX));
    public final ChoiceInput<FragmentationMode> fragmentMode = choice(FragmentationMode.values());
    public final TextInput fragmentSize = new TextInput(Checks.number(Ranges.FRAGMENT_MIN, Ranges.FRAGMENT_MAX));
    public final BooleanProperty deadPeerDetection = new SimpleBooleanProperty();
    public final BooleanProperty failureNotifications = new SimpleBooleanProperty();
    public final BooleanProperty requestBanner = new SimpleBooleanProperty();
    public final BooleanProperty killSwitch = new SimpleBooleanProperty();

    public final BooleanProperty dnsUsed = new SimpleBooleanProperty();
    public final BooleanProperty dnsAuto = new SimpleBooleanProperty();
    public final TextInput dnsServers = new TextInput(Checks::addresses);
    public final BooleanProperty suffixAuto = new SimpleBooleanProperty();
    public final TextInput suffix = new TextInput();
    public final BooleanProperty splitDnsUsed = new SimpleBooleanProperty();
    public final BooleanProperty splitDnsAuto = new SimpleBooleanProperty();
    public final TextInput splitDnsDomains = new TextInput();
    public final BooleanProperty winsUsed = new SimpleBooleanProperty();
    public final BooleanProperty winsAuto = new SimpleBooleanProperty();
    public final TextInput winsServers = new TextInput(Checks::addresses);

    /** @param taken whether a profile of that name exists (the profile's own name is always allowed) */
    NetworkForm(Predicate<String> taken) {
        name = new TextInput(s -> {
            if (!ProfileNames.isValid(s)) {
                return Problem.of(Reason.INVALID_NAME, s);
            }
            return !s.equals(originalName) && taken.test(s) ? Problem.of(Reason.NAME_CLASH, s) : Optional.empty();
        });
    }

    /** The text fields, for validation. */
    List<Field> fields() {
        return List.of(name, host, ikePort, mtu, address, netmask, natPort, natKeepAlive, fragmentSize, dnsServers,
                winsServers);
    }

    private boolean needsAddress() {
        return adapterMode.get() == AdapterMode.RANDOM || (adapterMode.get() == AdapterMode.VIRTUAL && !addressAuto.get());
    }

    /** Fills the fields from {@code p}; {@code isNew}: the name is not the stored profile's. */
    void load(Profile p, boolean isNew) {
        originalName = isNew ? "" : p.name();
        name.set(p.name());
        description.set(p.description().orElse(""));
        host.set(p.gateway().host());
        ikePort.set(p.gateway().ikePort());
        autoConfig.set(p.autoConfig());
        Adapter a = p.adapter();
        adapterMode.set(a.mode());
        mtu.set(a.mtu());
        addressAuto.set(a.addressAuto());
        address.set(a.address().map(n -> n.address().getHostAddress()).orElse(""));
        netmask.set(a.address().map(n -> n.netmask().getHostAddress()).orElse(""));
        natMode.set(p.natTraversal().mode());
        natPort.set(p.natTraversal().port());
        natKeepAlive.set(p.natTraversal().keepAliveSeconds());
        fragmentMode.set(p.fragmentation().mode());
        fragmentSize.set(p.fragmentation().maxPacketSize());
        deadPeerDetection.set(p.deadPeerDetection());
        failureNotifications.set(p.failureNotifications());
        requestBanner.set(p.requestBanner());
        killSwitch.set(p.killSwitch());
        DnsSettings dns = p.nameResolution().dns();
        dnsUsed.set(dns.used());
        dnsAuto.set(dns.auto());
        dnsServers.set(Checks.addressText(dns.servers()));
        suffixAuto.set(dns.suffixAuto());
        suffix.set(dns.suffix().orElse(""));
        SplitDnsSettings split = p.nameResolution().splitDns();
        splitDnsUsed.set(split.used());
        splitDnsAuto.set(split.auto());
        splitDnsDomains.set(String.join(", ", split.domains()));
        WinsSettings wins = p.nameResolution().wins();
        winsUsed.set(wins.used());
        winsAuto.set(wins.auto());
        winsServers.set(Checks.addressText(wins.servers()));
    }

    /** Writes the fields into {@code b}; the fields must be valid. */
    void store(Profile.Builder b) {
        Optional<Ipv4Network> net = address.optional().map(a -> Ipv4Network.ofMask(
                Ipv4Network.tryParseAddress(a.trim()).orElseThrow(), Ipv4Network.tryParseAddress(netmask.value().trim()).orElseThrow()));
        b.name(name.value())
                .description(description.optional())
                .gateway(new Gateway(host.value(), Integer.parseInt(ikePort.value())))
                .autoConfig(autoConfig.get())
                .adapter(new Adapter(adapterMode.get(), Integer.parseInt(mtu.value()), addressAuto.get(), net))
                .natTraversal(new NatTraversal(natMode.get(), Integer.parseInt(natPort.value()),
                        Integer.parseInt(natKeepAlive.value())))
                .fragmentation(new Fragmentation(fragmentMode.get(), Integer.parseInt(fragmentSize.value())))
                .deadPeerDetection(deadPeerDetection.get())
                .failureNotifications(failureNotifications.get())
                .requestBanner(requestBanner.get())
                .killSwitch(killSwitch.get())
                .nameResolution(new NameResolution(
                        new DnsSettings(dnsUsed.get(), dnsAuto.get(), Checks.addressList(dnsServers.value()),
                                suffixAuto.get(), suffix.optional()),
                        new SplitDnsSettings(splitDnsUsed.get(), splitDnsAuto.get(), Checks.items(splitDnsDomains.value())),
                        new WinsSettings(winsUsed.get(), winsAuto.get(), Checks.addressList(winsServers.value()))));
    }

    static <E extends Enum<E>> ChoiceInput<E> choice(E[] values) {
        return new ChoiceInput<>(List.of(values), UiText::label);
    }
}
