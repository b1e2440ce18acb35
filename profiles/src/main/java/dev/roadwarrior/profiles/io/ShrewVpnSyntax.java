package dev.roadwarrior.profiles.io;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileWarning;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.EntryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits {@code .vpn} text into lines of {@code type:key:value}.
 *
 * <p>Deliberately more lenient than Shrew 2.2 (see SHREW-VPN-FORMAT §1): LF or CRLF (every
 * {@code \r} is dropped, as Shrew does), blank lines are skipped instead of ending the file,
 * spaces before the type letter and after the value are ignored, type letters are accepted in
 * either case. As in Shrew 2.2, a line with an unknown type letter is skipped (with a warning).
 * A line without type letter, colon or key is an error; if no line at all is valid, the file is
 * not a profile.
 */
final class ShrewVpnSyntax {

    private static final int SHOWN = 60;

    private ShrewVpnSyntax() {
    }

    static List<ShrewLine> parse(String text, String source, List<ProfileWarning> warnings) throws ProfileException {
        List<ShrewLine> out = new ArrayList<>();
        ProfileException malformed = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].replace("\r", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            int second = line.length() > 2 && line.charAt(1) == ':' ? line.indexOf(':', 2) : -1;
            String key = second > 0 ? line.substring(2, second).strip() : "";
            if (key.isEmpty()) {
                if (malformed == null) {
                    String shown = line.length() > SHOWN ? line.substring(0, SHOWN) + "..." : line;
                    malformed = new ProfileException(Reason.MALFORMED_LINE, source, number, null, shown);
                }
                continue;
            }
            Optional<EntryType> type = EntryType.of(line.charAt(0));
            if (type.isEmpty()) {
                warnings.add(new ProfileWarning(Reason.IGNORED_LINE, source, number, key,
                        List.of(String.valueOf(line.charAt(0)))));
                continue;
            }
            out.add(new ShrewLine(number, type.get(), key, line.substring(second + 1)));
        }
        if (out.isEmpty()) {
            throw new ProfileException(Reason.NOT_A_PROFILE, source, 0, null, ".vpn");
        }
        if (malformed != null) {
            throw malformed;
        }
        return out;
    }
}
