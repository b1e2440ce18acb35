package dev.roadwarrior.profiles.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Export, then import again: the profile and the group password must come back equal. */
public final class RoundTripCheck {

    private RoundTripCheck() {
    }

    /** Checks the round trip (LF and CRLF) and returns the LF export. */
    public static String export(ImportResult first) throws ProfileException {
        String lf = null;
        for (ShrewVpnExporter.LineEnding le : ShrewVpnExporter.LineEnding.values()) {
            byte[] exported = ShrewVpnExporter.export(first.profile(),
                    Optional.ofNullable(first.secrets().get(SecretKind.GROUP_PASSWORD)), le);
            ImportResult second = ShrewVpnImporter.parse(exported, "exported.vpn", Path.of("."), first.profile().name());
            assertEquals(first.profile(), second.profile());
            assertEquals(first.secrets().get(SecretKind.GROUP_PASSWORD), second.secrets().get(SecretKind.GROUP_PASSWORD));
            assertEquals(List.of(), second.warnings().stream()
                    .filter(w -> w.reason() != Reason.TEMPLATE_PLACEHOLDER && w.reason() != Reason.NOT_BASE64).toList());
            if (le == ShrewVpnExporter.LineEnding.LF) {
                lf = new String(exported, StandardCharsets.UTF_8);
            }
        }
        return lf;
    }
}
