package dev.iotctl.core.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One job execution on one thing, with what the service needs beyond AWS's shape.
 *
 * @param sequence creation order across the service: pending executions are served oldest first
 * @param notifiedAt when the rollout released it to the device; null while still waiting for its
 *     turn (devices do not see it yet)
 * @param stepDeadline the step timer set by StartNext/UpdateJobExecution, or null
 * @param inProgressDeadline the job's in-progress timer, started when the execution went
 *     IN_PROGRESS, or null
 * @param retriesAfterFailed retries used after FAILED
 * @param retriesAfterTimeout retries used after TIMED_OUT
 */
public record JobExecution(
    String jobId,
    String thingName,
    long executionNumber,
    long sequence,
    ExecutionStatus status,
    Map<String, String> statusDetails,
    long versionNumber,
    Instant queuedAt,
    Instant startedAt,
    Instant lastUpdatedAt,
    Instant notifiedAt,
    Instant stepDeadline,
    Instant inProgressDeadline,
    int retriesAfterFailed,
    int retriesAfterTimeout,
    boolean forceCanceled) {

  public JobExecution {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(thingName, "thingName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(queuedAt, "queuedAt");
    Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
    statusDetails = java.util.Collections.unmodifiableMap(new TreeMap<>(statusDetails));
  }

  /** A new QUEUED execution, version 1, not yet released by the rollout. */
  public static JobExecution queued(
      String jobId, String thingName, long executionNumber, long sequence, Instant now) {
    return new JobExecution(
        jobId,
        thingName,
        executionNumber,
        sequence,
        ExecutionStatus.QUEUED,
        Map.of(),
        1,
        now,
        null,
        now,
        null,
        null,
        null,
        0,
        0,
        false);
  }

  /** The number of retries used so far ({@code retryAttempt} in listings). */
  public int retryAttempt() {
    return retriesAfterFailed + retriesAfterTimeout;
  }

  /** Released to the device and not yet in a terminal status. */
  public boolean isPendingForDevice() {
    return notifiedAt != null && !status.isTerminal();
  }

  /** When it times out: the earlier of the step and in-progress timers, or null. */
  public Instant timeoutAt() {
    if (status != ExecutionStatus.IN_PROGRESS) {
      return null;
    }
    if (stepDeadline == null) {
      return inProgressDeadline;
    }
    if (inProgressDeadline == null) {
      return stepDeadline;
    }
    return stepDeadline.isBefore(inProgressDeadline) ? stepDeadline : inProgressDeadline;
  }

  public ExecutionState state() {
    return new ExecutionState(status, statusDetails, versionNumber);
  }

  JobExecution with(
      ExecutionStatus newStatus,
      Map<String, String> newDetails,
      Instant newStartedAt,
      Instant now,
      Instant newStepDeadline,
      Instant newInProgressDeadline) {
    return new JobExecution(
        jobId,
        thingName,
        executionNumber,
        sequence,
        newStatus,
        newDetails,
        versionNumber + 1,
        queuedAt,
        newStartedAt,
        now,
        notifiedAt,
        newStepDeadline,
        newInProgressDeadline,
        retriesAfterFailed,
        retriesAfterTimeout,
        forceCanceled);
  }

  /** Released to the device at {@code now} (no version change: nothing the device did). */
  public JobExecution notified(Instant now) {
    return new JobExecution(
        jobId,
        thingName,
        executionNumber,
        sequence,
        status,
        statusDetails,
        versionNumber,
        queuedAt,
        startedAt,
        lastUpdatedAt,
        now,
        stepDeadline,
        inProgressDeadline,
        retriesAfterFailed,
        retriesAfterTimeout,
        forceCanceled);
  }

  JobExecution retried(ExecutionStatus failure, Instant now) {
    boolean failed = failure == ExecutionStatus.FAILED;
    return new JobExecution(
        jobId,
        thingName,
        executionNumber,
        sequence,
        ExecutionStatus.QUEUED,
        statusDetails,
        versionNumber + 1,
        queuedAt,
        null,
        now,
        notifiedAt,
        null,
        null,
        retriesAfterFailed + (failed ? 1 : 0),
        retriesAfterTimeout + (failed ? 0 : 1),
        false);
  }

  JobExecution canceled(Map<String, String> newDetails, boolean force, Instant now) {
    return new JobExecution(
        jobId,
        thingName,
        executionNumber,
        sequence,
        ExecutionStatus.CANCELED,
        newDetails,
        versionNumber + 1,
        queuedAt,
        startedAt,
        now,
        notifiedAt,
        null,
        null,
        retriesAfterFailed,
        retriesAfterTimeout,
        force);
  }
}
