package dev.roadwarrior.ui.editor;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import dev.roadwarrior.ui.common.DialogService;
import dev.roadwarrior.ui.common.ProfileService;
import dev.roadwarrior.ui.common.UiText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The profile editor: the seven tabs of Shrew Soft's site editor as {@link NetworkForm} and
 * {@link SecurityForm}, every field checked after every change with the importer's reasons,
 * {@link #valid()} false while any field is wrong (the view disables Save), and saving the profile
 * with its secrets through {@link ProfileService}.
 *
 * <p>Threading: called on the FX thread (tests: one thread); loading and saving run on
 * {@code background} and come back through {@code ui}.
 */
public final class ProfileEditorViewModel {

    private static final long MAX_CERTIFICATE_BYTES = 1 << 20;

    private final ProfileService service;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    public final NetworkForm network;
    public final SecurityForm security = new SecurityForm();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper("");
    private Optional<String> previousName = Optional.empty();
    private Profile original;

    public ProfileEditorViewModel(ProfileService service, DialogService dialogs, Executor background, Executor ui) {
        this.service = service;
        this.dialogs = dialogs;
        this.background = background;
        this.ui = ui;
        this.network = new NetworkForm(service::exists);
        for (Observable o : watched()) {
            o.addListener(x -> validate());
        }
    }

    private List<Observable> watched() {
        NetworkForm n = network;
        SecurityForm s = security;
        return List.of(n.name.text(), n.host.text(), n.ikePort.text(), n.mtu.text(), n.address.text(),
                n.netmask.text(), n.natPort.text(), n.natKeepAlive.text(), n.fragmentSize.text(), n.dnsServers.text(),
                n.winsServers.text(), n.adapterMode.value(), n.addressAuto, s.method.value(), s.groupPassword.text(),
                s.phase1Cipher.value(), s.phase1KeyLength.text(), s.phase1Seconds.text(), s.phase1Kilobytes.text(),
                s.transform.value(), s.phase2KeyLength.text(), s.phase2Seconds.text(), s.phase2Kilobytes.text(),
                s.include.text(), s.exclude.text());
    }

    /** Starts editing a new profile with the defaults of a new Shrew site. */
    public void openNew() {
        Profile defaults = Profile.builder(UiText.get("editor.newName"), "-").build();
        fill(defaults, Map.of(), true);
    }

    /** Loads {@code name} and its secrets in the background, then fills the form. */
    public void open(String name) {
        background.execute(() -> {
            try {
                Profile p = service.load(name);
                Map<SecretKind, Secret> secrets = service.secrets(name);
                ui.execute(() -> fill(p, secrets, false));
            } catch (ProfileException e) {
                ui.execute(() -> saveError.set(UiText.failure(e)));
            }
        });
    }

    private void fill(Profile p, Map<SecretKind, Secret> secrets, boolean isNew) {
        original = p;
        previousName = isNew ? Optional.empty() : Optional.of(p.name());
        network.load(p, isNew);
        if (isNew) {
            network.host.text().set("");
        }
        security.load(p, secrets);
        title.set(isNew ? UiText.get("editor.titleNew") : UiText.get("editor.title", p.name()));
        saveError.set("");
        loaded.set(true);
        validate();
    }

    /** Runs every check; updates each field's error and {@link #valid()}. */
    public boolean validate() {
        boolean ok = true;
        for (Field f : network.fields()) {
            ok &= f.validate();
        }
        for (Field f : security.fields()) {
            ok &= f.validate();
        }
        valid.set(ok && loaded.get());
        return valid.get();
    }

    /** Asks for a certificate or key file and puts its bytes into the profile. */
    public void pickCertificate(CertificateInput input) {
        Optional<Path> file = dialogs.chooseFileToOpen(UiText.get("editor.certificate.choose"),
                UiText.get("editor.certificate.filter"), List.of("*.pem", "*.crt", "*.cer", "*.der", "*.key", "*.p12", "*.pfx"));
        if (file.isEmpty()) {
            return;
        }
        try {
            if (Files.size(file.get()) > MAX_CERTIFICATE_BYTES) {
                dialogs.error(UiText.get("editor.certificate.choose"),
                        UiText.reason(Reason.FILE_TOO_LARGE, List.of(Long.toString(MAX_CERTIFICATE_BYTES))));
                return;
            }
            input.set(Optional.of(new CertificateFile(file.get().getFileName().toString(), Files.readAllBytes(file.get()))));
        } catch (IOException e) {
            dialogs.error(UiText.get("editor.certificate.choose"),
                    UiText.reason(Reason.FILE_UNREADABLE, List.of(String.valueOf(e.getMessage()))));
        }
        validate();
    }

    /** Removes a certificate or key from the profile. */
    public void clearCertificate(CertificateInput input) {
        input.set(Optional.empty());
        validate();
    }

    /**
     * Saves the profile and its secrets in the background; runs {@code onSaved} on the FX thread
     * when done. Refused (false) while a field is wrong.
     */
    public boolean save(Runnable onSaved) {
        if (!validate()) {
            return false;
        }
        Profile profile;
        try {
            Profile.Builder b = original.toBuilder();
            network.store(b);
            security.store(b);
            profile = b.build();
        } catch (IllegalArgumentException e) {
            saveError.set(UiText.get("editor.invalid", e.getMessage()));
            return false;
        }
        Map<SecretKind, Optional<Secret>> secrets = security.secrets();
        Optional<String> previous = previousName;
        background.execute(() -> {
            try {
                service.save(profile, previous, secrets);
                ui.execute(onSaved);
            } catch (ProfileException e) {
                ui.execute(() -> saveError.set(UiText.failure(e)));
            }
        });
        return true;
    }

    /** False while a field is wrong or the profile is still loading. */
    public ReadOnlyBooleanProperty valid() {
        return valid.getReadOnlyProperty();
    }

    /** The window title: "New profile" or "Edit profile NAME". */
    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    /** Why loading or saving failed, or empty. */
    public ReadOnlyStringProperty saveError() {
        return saveError.getReadOnlyProperty();
    }
}
