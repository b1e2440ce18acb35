package dev.roadwarrior.platform.linux;

import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.platform.PlatformException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A DNS change for one tunnel, made by one of three mechanisms. It is journaled before
 * {@link #apply}; {@link #undo} may run in a later process (crash recovery), so it relies only
 * on the record's fields, and it is a no-op for a change that never happened or is gone.
 */
public sealed interface DnsChange extends Change permits ResolvedDns, ResolvconfDns, ResolvConfFile {

    /** Puts the tunnel's DNS servers and domains in place. */
    void apply(TunnelConfig config, CommandRunner commands) throws IOException;

    /**
     * Whether split-DNS domains are honoured: only names under them go to the tunnel's servers.
     * Only systemd-resolved's routing domains can do that.
     */
    default boolean routesByDomain() {
        return this instanceof ResolvedDns;
    }

    /** Restores DNS as it was before {@link #apply}. */
    void undo(CommandRunner commands) throws IOException;

    /** Parses the words of a {@code dns ...} journal line. */
    static DnsChange parse(String[] words, String line) throws PlatformException {
        if (words.length == 3 && words[1].equals("resolved")) {
            return new ResolvedDns(words[2]);
        }
        if (words.length == 3 && words[1].equals("resolvconf")) {
            return new ResolvconfDns(words[2]);
        }
        if (words.length == 4 && words[1].equals("file")) {
            return new ResolvConfFile(Path.of(words[2]), Path.of(words[3]));
        }
        throw Change.corrupt(line);
    }
}
