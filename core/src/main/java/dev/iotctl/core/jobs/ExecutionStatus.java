package dev.iotctl.core.jobs;

import java.util.Locale;
import java.util.Optional;

/** A job execution's status ("Job execution states", AWS IoT developer guide). */
public enum ExecutionStatus {
  QUEUED,
  IN_PROGRESS,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  REJECTED,
  REMOVED,
  CANCELED;

  /** Every status but QUEUED and IN_PROGRESS is final: no update changes it again. */
  public boolean isTerminal() {
    return this != QUEUED && this != IN_PROGRESS;
  }

  /** The statuses a device may report with UpdateJobExecution. */
  public boolean isDeviceSettable() {
    return this == IN_PROGRESS || this == SUCCEEDED || this == FAILED || this == REJECTED;
  }

  /** The status named {@code text} (exact upper-case spelling, as AWS requires). */
  public static Optional<ExecutionStatus> parse(String text) {
    if (text == null || !text.equals(text.toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
