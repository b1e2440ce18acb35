package dev.roadwarrior.profiles.io;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.net.Ipv4Network;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Address, network and certificate-path values of {@code .vpn} files, with typed errors. */
final class ValueParsers {

    /** {@code A.B.C.D / M.M.M.M}, any spacing; also {@code A.B.C.D/N}. */
    private static final Pattern POLICY = Pattern.compile("\\s*([0-9.]+)\\s*/\\s*([0-9.]+)\\s*");

    private ValueParsers() {
    }

    /** A static address and its netmask, from two lines. */
    static Ipv4Network network(ShrewKeys keys, ShrewLine addrLine, String addr, ShrewLine maskLine, String mask)
            throws ProfileException {
        Inet4Address a = Ipv4Network.tryParseAddress(addr.trim())
                .orElseThrow(() -> keys.error(Reason.INVALID_ADDRESS, addrLine, addr.strip()));
        Optional<Integer> prefix = Ipv4Network.tryParseAddress(mask.trim()).flatMap(Ipv4Network::prefixOf);
        if (prefix.isEmpty()) {
            throw keys.error(Reason.INVALID_NETMASK, maskLine, mask.strip());
        }
        return new Ipv4Network(a, prefix.get());
    }

    /** A comma-separated list of IPv4 addresses. */
    static List<Inet4Address> addresses(ShrewKeys keys, String key) throws ProfileException {
        Optional<ShrewLine> line = keys.string(key);
        List<Inet4Address> out = new ArrayList<>();
        for (String item : keys.list(key)) {
            out.add(Ipv4Network.tryParseAddress(item.trim())
                    .orElseThrow(() -> keys.error(Reason.INVALID_ADDRESS, line.orElseThrow(), item)));
        }
        return out;
    }

    /** One item of a policy list. */
    static Ipv4Network policyEntry(ShrewKeys keys, ShrewLine line, String item) throws ProfileException {
        Matcher m = POLICY.matcher(item);
        Optional<Inet4Address> address = m.matches() ? Ipv4Network.tryParseAddress(m.group(1).trim()) : Optional.empty();
        if (address.isEmpty()) {
            throw keys.error(Reason.INVALID_POLICY_ENTRY, line, item.strip());
        }
        String mask = m.group(2);
        Optional<Integer> prefix;
        if (mask.matches("[0-9]{1,2}")) {
            int n = Integer.parseInt(mask);
            prefix = n <= 32 ? Optional.of(n) : Optional.empty();
        } else {
            prefix = Ipv4Network.tryParseAddress(mask.trim()).flatMap(Ipv4Network::prefixOf);
        }
        if (prefix.isEmpty()) {
            throw keys.error(Reason.INVALID_NETMASK, line, mask);
        }
        return new Ipv4Network(address.get(), prefix.get());
    }

    /**
     * The version 3 to 4 upgrade of a certificate: {@code s:<base>} holds a file path, which
     * becomes the file's name and content. A path that cannot be read gives a warning and a
     * certificate without data, so that the user can add it later.
     */
    static Optional<CertificateFile> legacyCertificate(ShrewKeys keys, String base, Path baseDir)
            throws ProfileException {
        Optional<ShrewLine> line = keys.string(base);
        if (line.isEmpty() || line.get().value().isBlank()) {
            return Optional.empty();
        }
        String path = line.get().value().strip();
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).strip();
        try {
            Path file = baseDir == null ? Path.of(path) : baseDir.resolve(path);
            try (InputStream in = Files.newInputStream(file)) {
                byte[] data = in.readNBytes(TextDecoding.MAX_BYTES + 1);
                if (data.length <= TextDecoding.MAX_BYTES) {
                    return Optional.of(new CertificateFile(name, data));
                }
            }
        } catch (IOException | InvalidPathException e) {
            // reported below
        }
        keys.warn(Reason.CERTIFICATE_FILE_UNREADABLE, line.get(), path);
        return Optional.of(new CertificateFile(name, new byte[0]));
    }
}
