package dev.roadwarrior.ui.editor;

import dev.roadwarrior.ui.common.UiText;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The profile editor's content: the tabs of Shrew Soft's site editor (General, Client, Name
 * Resolution, Authentication, Phase 1, Phase 2, Policy) bound to a {@link ProfileEditorViewModel},
 * with Save disabled while a field is wrong. The window around it is the caller's. FX thread only.
 */
public final class ProfileEditorView {

    private final BorderPane root = new BorderPane();

    /**
     * @param onClose closes the window: after a save, or on Cancel
     */
    public ProfileEditorView(ProfileEditorViewModel vm, Runnable onClose) {
        NetworkForm n = vm.network;
        SecurityForm s = vm.security;
        TabPane tabs = new TabPane(
                tab("editor.tab.general", new FormGrid()
                        .heading("editor.heading.site")
                        .text("editor.name", "name", n.name, null)
                        .text("editor.description", "description", n.description, null)
                        .heading("editor.heading.gateway")
                        .text("editor.host", "host", n.host, null)
                        .text("editor.ikePort", "ikePort", n.ikePort, null)
                        .choice("editor.autoConfig", "autoConfig", n.autoConfig)
                        .heading("editor.heading.adapter")
                        .choice("editor.adapterMode", "adapterMode", n.adapterMode)
                        .text("editor.mtu", "mtu", n.mtu, null)
                        .check("editor.addressAuto", "addressAuto", n.addressAuto, null)
                        .text("editor.address", "address", n.address, n.addressAuto)
                        .text("editor.netmask", "netmask", n.netmask, n.addressAuto)
                        .heading("editor.heading.protection")
                        .check("editor.killSwitch", "killSwitch", n.killSwitch, null)),
                tab("editor.tab.client", new FormGrid()
                        .heading("editor.heading.firewall")
                        .choice("editor.natMode", "natMode", n.natMode)
                        .text("editor.natPort", "natPort", n.natPort, null)
                        .text("editor.natKeepAlive", "natKeepAlive", n.natKeepAlive, null)
                        .choice("editor.fragmentMode", "fragmentMode", n.fragmentMode)
                        .text("editor.fragmentSize", "fragmentSize", n.fragmentSize, null)
                        .heading("editor.heading.other")
                        .check("editor.dpd", "dpd", n.deadPeerDetection, null)
                        .check("editor.notify", "notify", n.failureNotifications, null)
                        .check("editor.banner", "banner", n.requestBanner, null)),
                tab("editor.tab.names", new FormGrid()
                        .heading("editor.heading.dns")
                        .check("editor.dnsUsed", "dnsUsed", n.dnsUsed, null)
                        .check("editor.dnsAuto", "dnsAuto", n.dnsAuto, n.dnsUsed.not())
                        .text("editor.dnsServers", "dnsServers", n.dnsServers, n.dnsUsed.not().or(n.dnsAuto))
                        .check("editor.suffixAuto", "suffixAuto", n.suffixAuto, n.dnsUsed.not())
                        .text("editor.suffix", "suffix", n.suffix, n.dnsUsed.not().or(n.suffixAuto))
                        .heading("editor.heading.splitDns")
                        .check("editor.splitDnsUsed", "splitDnsUsed", n.splitDnsUsed, null)
                        .check("editor.splitDnsAuto", "splitDnsAuto", n.splitDnsAuto, n.splitDnsUsed.not())
                        .text("editor.splitDnsDomains", "splitDnsDomains", n.splitDnsDomains,
                                n.splitDnsUsed.not().or(n.splitDnsAuto))
                        .heading("editor.heading.wins")
                        .check("editor.winsUsed", "winsUsed", n.winsUsed, null)
                        .check("editor.winsAuto", "winsAuto", n.winsAuto, n.winsUsed.not())
                        .text("editor.winsServers", "winsServers", n.winsServers, n.winsUsed.not().or(n.winsAuto))),
                tab("editor.tab.authentication", new FormGrid()
                        .choice("editor.method", "method", s.method)
                        .heading("editor.heading.localId")
                        .choice("editor.idType", "localIdType", s.localIdType)
                        .text("editor.idData", "localIdData", s.localIdData, null)
                        .heading("editor.heading.remoteId")
                        .choice("editor.idType", "remoteIdType", s.remoteIdType)
                        .text("editor.idData", "remoteIdData", s.remoteIdData, null)
                        .heading("editor.heading.credentials")
                        .certificate("editor.serverCertificate", "serverCertificate", s.serverCertificate,
                                vm::pickCertificate, vm::clearCertificate)
                        .certificate("editor.clientCertificate", "clientCertificate", s.clientCertificate,
                                vm::pickCertificate, vm::clearCertificate)
                        .certificate("editor.clientKey", "clientKey", s.clientKey, vm::pickCertificate,
                                vm::clearCertificate)
                        .secret("editor.keyPassphrase", "keyPassphrase", s.keyPassphrase)
                        .secret("editor.certificatePassphrase", "certificatePassphrase", s.certificatePassphrase)
                        .secret("editor.groupPassword", "groupPassword", s.groupPassword)
                        .heading("editor.heading.xauth")
                        .text("editor.savedUsername", "savedUsername", s.savedUsername, null)
                        .secret("editor.xauthPassword", "xauthPassword", s.xauthPassword)),
                tab("editor.tab.phase1", new FormGrid()
                        .choice("editor.exchange", "exchange", s.exchange)
                        .choice("editor.dhGroup", "dhGroup", s.dhGroup)
                        .choice("editor.cipher", "phase1Cipher", s.phase1Cipher)
                        .text("editor.keyLength", "phase1KeyLength", s.phase1KeyLength, null)
                        .choice("editor.hash", "phase1Hash", s.phase1Hash)
                        .text("editor.lifeSeconds", "phase1Seconds", s.phase1Seconds, null)
                        .text("editor.lifeKilobytes", "phase1Kilobytes", s.phase1Kilobytes, null)
                        .check("editor.checkPoint", "checkPoint", s.checkPointVendorId, null)),
                tab("editor.tab.phase2", new FormGrid()
                        .choice("editor.transform", "transform", s.transform)
                        .text("editor.keyLength", "phase2KeyLength", s.phase2KeyLength, null)
                        .choice("editor.hmac", "hmac", s.hmac)
                        .choice("editor.pfs", "pfsGroup", s.pfsGroup)
                        .choice("editor.ipcomp", "ipcomp", s.ipcomp)
                        .text("editor.lifeSeconds", "phase2Seconds", s.phase2Seconds, null)
                        .text("editor.lifeKilobytes", "phase2Kilobytes", s.phase2Kilobytes, null)),
                tab("editor.tab.policy", new FormGrid()
                        .choice("editor.policyLevel", "policyLevel", s.policyLevel)
                        .check("editor.nailed", "nailed", s.nailed, null)
                        .check("editor.topologyAuto", "topologyAuto", s.topologyAuto, null)
                        .area("editor.include", "include", s.include, s.topologyAuto)
                        .area("editor.exclude", "exclude", s.exclude, s.topologyAuto)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("editorTabs");
        Label error = new Label();
        error.setId("saveError");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.textProperty().bind(vm.saveError());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button cancel = new Button(UiText.get("button.cancel"));
        cancel.setId("cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onClose.run());
        Button save = new Button(UiText.get("button.save"));
        save.setId("save");
        save.setDefaultButton(true);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.valid().not());
        save.setOnAction(e -> vm.save(onClose));
        HBox buttons = new HBox(8, error, spacer, cancel, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 16, 12, 16));
        root.setCenter(tabs);
        root.setBottom(buttons);
        root.setPrefSize(800, 680);
    }

    public Parent root() {
        return root;
    }

    private static Tab tab(String key, FormGrid grid) {
        ScrollPane scroll = new ScrollPane(grid.node());
        scroll.setFitToWidth(true);
        return new Tab(UiText.get(key), scroll);
    }
}
