package dev.roadwarrior.platform.linux;

import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * DNS by editing {@code resolv.conf} in place. The original bytes are first copied to
 * {@code backup} (written aside, synced, then renamed into place); then {@code target} is truncated and rewritten through the
 * same inode, which also works when it is a bind mount (containers) where a rename would fail.
 * Undo writes the backed-up bytes back the same way and deletes the backup.
 *
 * <p>The new file holds the tunnel's nameservers, its search domains (or the original search
 * line when it has none) and the original {@code options} lines. A plain resolv.conf cannot
 * route by domain: with split-DNS domains all names still go to the tunnel's servers.
 *
 * <p>A backup that already exists is kept: it holds the original of a run whose restore failed,
 * and the next undo puts that original back.
 */
public record ResolvConfFile(Path target, Path backup) implements DnsChange {

    static final String HEADER = "# Written by roadwarrior while a VPN tunnel is up; the original returns when it goes down.\n";

    public ResolvConfFile {
        Change.checkPath(target);
        Change.checkPath(backup);
    }

    @Override
    public void apply(TunnelConfig config, CommandRunner commands) throws IOException {
        try {
            if (!Files.exists(backup)) { // complete or absent: a crash never leaves half a backup
                Path partial = backup.resolveSibling(backup.getFileName() + ".tmp");
                Files.createDirectories(backup.getParent());
                writeSynced(partial, Files.readAllBytes(target), StandardOpenOption.CREATE);
                Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE);
                Journal.syncDirectory(backup.getParent());
            }
            String original = new String(Files.readAllBytes(backup), StandardCharsets.UTF_8);
            writeSynced(target, content(original, config).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PlatformException(Reason.DNS, "cannot rewrite " + target, e);
        }
    }

    @Override
    public void undo(CommandRunner commands) throws IOException {
        if (!Files.exists(backup)) {
            return;
        }
        try {
            writeSynced(target, Files.readAllBytes(backup));
            Files.delete(backup);
            Journal.syncDirectory(backup.getParent());
        } catch (IOException e) {
            throw new PlatformException(Reason.DNS, "cannot restore " + target + " from " + backup, e);
        }
    }

    /** The resolv.conf text for {@code config}, keeping what it can of {@code original}. */
    static String content(String original, TunnelConfig config) {
        StringBuilder out = new StringBuilder(HEADER);
        config.dnsServers().forEach(s -> out.append("nameserver ").append(s.getHostAddress()).append('\n'));
        if (!config.searchDomains().isEmpty()) {
            out.append("search ").append(String.join(" ", config.searchDomains())).append('\n');
        }
        for (String line : original.split("\n")) {
            String l = line.strip();
            boolean search = l.startsWith("search") || l.startsWith("domain");
            if (l.startsWith("options") || (search && config.searchDomains().isEmpty())) {
                out.append(l).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Truncates {@code file} and writes {@code bytes} through the same inode, then syncs it; it
     * must exist unless {@code create} is given.
     */
    private static void writeSynced(Path file, byte[] bytes, StandardOpenOption... create) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        options.addAll(List.of(create));
        try (FileChannel ch = FileChannel.open(file, options)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    @Override
    public String journalLine() {
        return "dns file " + target + " " + backup;
    }
}
