package dev.iotctl.core.jobs;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code executionState} member of UpdateJobExecution replies and of VersionMismatch and
 * InvalidStateTransition rejections.
 */
public record ExecutionState(
    ExecutionStatus status, Map<String, String> statusDetails, long versionNumber) {
  public ExecutionState {
    Objects.requireNonNull(status, "status");
    statusDetails = Map.copyOf(statusDetails);
  }
}
