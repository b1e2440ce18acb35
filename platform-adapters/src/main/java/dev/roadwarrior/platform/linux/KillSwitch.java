package dev.roadwarrior.platform.linux;

import java.io.IOException;

/**
 * The kill switch: while engaged, the host sends nothing but what {@link KillSwitchRules} lets
 * out (IKE and NAT-T to the gateway, DHCP, loopback, the tunnel's own device). Engaging again
 * replaces the rules in one step; releasing removes them. Every change is journaled, so that the
 * next start removes what a killed process left ({@link #recoverLeftovers}).
 */
public interface KillSwitch {

    /** Blocks everything {@code rules} do not let out; replaces the rules of an earlier call atomically. */
    void engage(KillSwitchRules rules) throws IOException;

    /** Lets all traffic out again; a no-op when not engaged. Never throws for rules already gone. */
    void release();

    /** Whether the rules are in place. */
    boolean engaged();

    /** Removes the rules a dead process left (and its journal); a no-op when there are none. */
    void recoverLeftovers();
}
