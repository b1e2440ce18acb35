package dev.roadwarrior.platform.linux;

import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link KillSwitch} with nftables through the {@code nft} tool (Debian package nftables): the
 * rules are one table, {@value KillSwitchRules#TABLE}, loaded with {@code nft -f -} in one
 * transaction. The table is journaled in {@code killswitch} in the state directory before it is
 * loaded, and the journal is deleted after the table is.
 *
 * <p>Acts in the network namespace of the process (the {@code nft} child inherits it).
 */
public final class NftKillSwitch implements KillSwitch {

    private static final System.Logger LOG = System.getLogger(NftKillSwitch.class.getName());
    private static final Change.NftTable TABLE = new Change.NftTable(KillSwitchRules.TABLE);

    private final Journal journal;
    private final CommandRunner commands;
    private boolean engaged;

    /**
     * @param stateDir where the journal ({@code killswitch}) lives; created on first use, mode 0700
     * @param commands runs {@code nft}
     */
    public NftKillSwitch(Path stateDir, CommandRunner commands) {
        this.journal = new Journal(stateDir.resolve("killswitch"));
        this.commands = commands;
    }

    @Override
    public synchronized void engage(KillSwitchRules rules) throws IOException {
        if (!journal.exists()) {
            journal.append(TABLE);
        }
        CommandRunner.Result r = commands.run(List.of("nft", "-f", "-"), rules.nftScript());
        if (!r.ok()) {
            if (!engaged) {
                deleteTable();
            }
            throw new PlatformException(Reason.FIREWALL, r.exitCode(), "nft -f: " + r.output().strip());
        }
        engaged = true;
    }

    @Override
    public synchronized void release() {
        if (engaged || journal.exists()) {
            deleteTable();
        }
    }

    @Override
    public synchronized boolean engaged() {
        return engaged;
    }

    @Override
    public synchronized void recoverLeftovers() {
        try {
            if (!journal.read().isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "removing the kill switch a dead process left: {0}", TABLE.journalLine());
                deleteTable();
            }
        } catch (PlatformException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + journal.file(), e);
        }
    }

    /** Deletes the table (gone already is fine), then the journal; keeps the journal when nft fails. */
    private void deleteTable() {
        try {
            CommandRunner.Result r = commands.run(List.of("nft", "delete", "table", "inet", "roadwarrior"), "");
            if (!r.ok() && !r.output().contains("No such file or directory")) {
                LOG.log(System.Logger.Level.WARNING, "cannot remove the kill switch: nft: {0}", r.output().strip());
                return;
            }
            engaged = false;
            journal.rewrite(List.of());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove the kill switch", e);
        }
    }
}
