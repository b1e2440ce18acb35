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
    QUICK_MODE_RESPONDER
}
