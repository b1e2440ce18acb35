package dev.roadwarrior.engine.ike.phase1;

import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.engine.ike.task.TaskType;

/** A phase 1 exchange (Main or Aggressive Mode) as initiator; done once the gateway is authenticated. */
public interface Phase1Task extends Task {

    @Override
    default TaskType type() {
        return TaskType.PHASE1;
    }

    /** Whether a NAT was found between us and the gateway. */
    boolean natDetected();

    /** Who the gateway proved to be, in words (empty before the task is done). */
    String gatewayIdentity();
}
