package dev.iotctl.core.jobs;

import java.util.Set;

/** Which unsuccessful executions an abort or retry criterion counts. */
public enum FailureType {
  FAILED(Set.of(ExecutionStatus.FAILED)),
  REJECTED(Set.of(ExecutionStatus.REJECTED)),
  TIMED_OUT(Set.of(ExecutionStatus.TIMED_OUT)),
  ALL(Set.of(ExecutionStatus.FAILED, ExecutionStatus.REJECTED, ExecutionStatus.TIMED_OUT));

  private final Set<ExecutionStatus> statuses;

  FailureType(Set<ExecutionStatus> statuses) {
    this.statuses = statuses;
  }

  public boolean matches(ExecutionStatus status) {
    return statuses.contains(status);
  }

  public long count(ExecutionCounts counts) {
    return statuses.stream().mapToLong(counts::of).sum();
  }

  static FailureType parse(String text, String path, Set<FailureType> allowed) {
    for (FailureType t : allowed) {
      if (t.name().equals(text)) {
        return t;
      }
    }
    throw Validation.invalid(
        text,
        path,
        "Member must satisfy enum value set: "
            + allowed.stream().map(Enum::name).sorted().toList());
  }
}
