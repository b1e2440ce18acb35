package dev.roadwarrior.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roadwarrior.profiles.io.ShrewVpnExporter;
import dev.roadwarrior.profiles.io.ShrewVpnImporter;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Export (LF and CRLF), then import again: the profile and group password must come back equal. */
final class RoundTrips {

    private RoundTrips() {
    }

    static void check(ImportResult first) throws ProfileException {
        for (ShrewVpnExporter.LineEnding le : ShrewVpnExporter.LineEnding.values()) {
            byte[] exported = ShrewVpnExporter.export(first.profile(),
                    Optional.ofNullable(first.secrets().get(SecretKind.GROUP_PASSWORD)), le);
            ImportResult second = ShrewVpnImporter.parse(exported, "exported.vpn", Path.of("."), first.profile().name());
            assertEquals(first.profile(), second.profile());
            assertEquals(first.secrets().get(SecretKind.GROUP_PASSWORD), second.secrets().get(SecretKind.GROUP_PASSWORD));
            assertEquals(List.of(), second.warnings().stream()
                    .filter(w -> w.reason() != Reason.TEMPLATE_PLACEHOLDER && w.reason() != Reason.NOT_BASE64).toList());
        }
    }
}
