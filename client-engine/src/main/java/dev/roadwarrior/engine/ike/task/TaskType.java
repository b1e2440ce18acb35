package dev.roadwarrior.engine.ike.task;

/**
 * The kinds of task, as strongSwan's {@code task_type_t}: the task manager decides from an SA's
 * {@link dev.roadwarrior.engine.ike.IkeSaState} which queued kind may start (see
 * {@link dev.roadwarrior.engine.ike.TaskManager#initiate}).
 */
public enum TaskType {
    /** Main or Aggressive Mode: authenticates the gateway and makes the ISAKMP SA. */
    PHASE1,
    /** The gateway's XAuth rounds: user authentication (responder only). */
    XAUTH,
    /** Mode Config: asked for (initiator) or pushed by the gateway (responder). */
    MODE_CONFIG,
    /** A Quick Mode we start: a new ESP SA pair. */
    QUICK_MODE,
    /** A Quick Mode the gateway starts (responder only). */
    QUICK_MODE_RESPONDER,
    /** Dead peer detection's R-U-THERE: one informational message (initiator only). */
    DPD;

    /**
     * Whether the exchange is a single message that gets no answer in it (an informational): it
     * is sent as soon as the state allows, without waiting for the exchange in flight.
     */
    public boolean oneWay() {
        return this == DPD;
    }
}
