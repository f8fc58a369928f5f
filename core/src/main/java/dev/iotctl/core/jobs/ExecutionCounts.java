package dev.iotctl.core.jobs;

import java.util.EnumMap;
import java.util.Map;

/** How many executions of a job are in each status ({@code jobProcessDetails}). */
public record ExecutionCounts(Map<ExecutionStatus, Long> byStatus) {
  public ExecutionCounts {
    EnumMap<ExecutionStatus, Long> copy = new EnumMap<>(ExecutionStatus.class);
    for (ExecutionStatus s : ExecutionStatus.values()) {
      copy.put(s, byStatus.getOrDefault(s, 0L));
    }
    byStatus = java.util.Collections.unmodifiableMap(copy);
  }

  public static final ExecutionCounts NONE = new ExecutionCounts(Map.of());

  public long of(ExecutionStatus status) {
    return byStatus.get(status);
  }

  /** Executions that finished running on a device: SUCCEEDED, FAILED, REJECTED, TIMED_OUT. */
  public long executed() {
    return of(ExecutionStatus.SUCCEEDED)
        + of(ExecutionStatus.FAILED)
        + of(ExecutionStatus.REJECTED)
        + of(ExecutionStatus.TIMED_OUT);
  }

  public long total() {
    return byStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  /** FAILED, REJECTED or TIMED_OUT executions. */
  public long unsuccessful() {
    return executed() - of(ExecutionStatus.SUCCEEDED);
  }

  public boolean allTerminal() {
    return of(ExecutionStatus.QUEUED) == 0 && of(ExecutionStatus.IN_PROGRESS) == 0;
  }
}
