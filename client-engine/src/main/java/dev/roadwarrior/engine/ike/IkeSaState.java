package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.ike.task.TaskType;

/**
 * Where one ISAKMP SA stands; the SA's session ({@link IkeSaSession}) moves it forward, and the
 * {@link TaskManager} decides from it which exchange may start next (as in strongSwan's
 * {@code ike_sa_state_t} and {@code task_manager_v1}).
 *
 * <pre>
 * CREATED → PHASE1 → [XAUTH] → MODE_CONFIG → QUICK_MODE → ESTABLISHED ⇄ REKEYING
 *                                                              ↓
 *                     (any state) ───────────────────────→ DELETING → DESTROYED
 * </pre>
 */
public enum IkeSaState {
    /** Nothing sent yet: only a phase 1 exchange may start. */
    CREATED,
    /** Main or Aggressive Mode is under way. */
    PHASE1,
    /** Phase 1 is done; the gateway runs (or is due to start) XAuth. */
    XAUTH,
    /** Authenticated; Mode Config is asked for, or awaited from the gateway. */
    MODE_CONFIG,
    /** The virtual address is known; the first ESP SA pair is being negotiated. */
    QUICK_MODE,
    /** The tunnel's SA pair is up: Quick Modes renew it, DPD watches the gateway. */
    ESTABLISHED,
    /** A new ISAKMP SA is being negotiated to replace this one, which still carries the tunnel. */
    REKEYING,
    /** Replaced or failing: the SA waits to be deleted; only DPD still watches a replaced SA's gateway. */
    DELETING,
    /** Deleted and its keys wiped. */
    DESTROYED;

    /** Whether this SA may start a Quick Mode of its own (renew or replace its SA pair). */
    boolean carriesTunnel() {
        return this == QUICK_MODE || this == ESTABLISHED || this == REKEYING;
    }

    /**
     * Whether a Quick Mode the gateway starts on this SA is answered: not once the SA is being
     * deleted (a pair negotiated on it would take the traffic, then vanish with it), but on a new SA
     * still in Mode Config, where strongSwan, having adopted the old SA's pairs, renews them before it
     * answers our Mode Config request.
     */
    boolean answersGatewayQuickMode() {
        return this != DELETING && this != DESTROYED;
    }

    /**
     * Which initiator exchange an SA in this state may start (strongSwan's {@code initiate()}
     * decides by state in the same way): phase 1 before it is done, Mode Config in its turn,
     * Quick Modes while the SA carries the tunnel, DPD from the first SA pair until the SA is
     * deleted. Responder tasks are never started by us.
     */
    boolean allows(TaskType type) {
        switch (type) {
            case PHASE1:
                return this == CREATED || this == PHASE1;
            case MODE_CONFIG:
                return this == MODE_CONFIG;
            case QUICK_MODE:
                return carriesTunnel();
            case DPD:
                return this == ESTABLISHED || this == REKEYING || this == DELETING;
            default:
                return false;
        }
    }

    /** Whether a phase 1 rekey may start: the tunnel is up on this SA and no rekey is under way. */
    boolean allowsRekey() {
        return this == ESTABLISHED;
    }
}
