package dev.iotctl.core.jobs;

import dev.iotctl.core.error.IotException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The job execution state machine. Devices move an execution from QUEUED to IN_PROGRESS and then to
 * SUCCEEDED, FAILED or REJECTED (or straight from QUEUED to one of those); the service moves it to
 * TIMED_OUT, CANCELED or REMOVED, or back to QUEUED for a retry. Every change but the rollout's
 * release increments the version. Terminal statuses never change again.
 */
public final class ExecutionTransitions {
  private ExecutionTransitions() {}

  /**
   * StartNextPendingJobExecution on the next pending execution: a QUEUED one goes IN_PROGRESS
   * (details replaced when given, step timer set); one already IN_PROGRESS is returned unchanged.
   */
  public static JobExecution startNext(
      JobExecution execution,
      Optional<Map<String, String>> statusDetails,
      Optional<Long> stepTimeoutInMinutes,
      TimeoutConfig jobTimeout,
      JobTiming timing) {
    statusDetails.ifPresent(StatusDetails::validate);
    stepTimeoutInMinutes.ifPresent(ExecutionTransitions::checkStepTimeout);
    if (execution.status() != ExecutionStatus.QUEUED) {
      return execution;
    }
    Instant now = timing.now();
    return execution.with(
        ExecutionStatus.IN_PROGRESS,
        statusDetails.orElse(execution.statusDetails()),
        now,
        now,
        stepDeadline(stepTimeoutInMinutes, null, now, timing),
        inProgressDeadline(jobTimeout, now, timing));
  }

  /**
   * UpdateJobExecution from the device.
   *
   * @throws JobsException InvalidRequest for a status a device may not set or bad details,
   *     ResourceNotFound for another execution number, VersionMismatch, or InvalidStateTransition
   *     from a terminal status (the last two with the execution's state)
   */
  public static JobExecution update(
      JobExecution execution, ExecutionUpdate update, TimeoutConfig jobTimeout, JobTiming timing) {
    if (!update.status().isDeviceSettable()) {
      throw JobsException.invalid(
          "status must be one of IN_PROGRESS, SUCCEEDED, FAILED or REJECTED, not "
              + update.status());
    }
    update.statusDetails().ifPresent(StatusDetails::validate);
    update.stepTimeoutInMinutes().ifPresent(ExecutionTransitions::checkStepTimeout);
    if (update.executionNumber().isPresent()
        && update.executionNumber().get() != execution.executionNumber()) {
      throw new JobsException(
          JobsErrorCode.RESOURCE_NOT_FOUND,
          "Job execution "
              + update.executionNumber().get()
              + " of job "
              + execution.jobId()
              + " for thing "
              + execution.thingName()
              + " not found");
    }
    if (update.expectedVersion().isPresent()
        && update.expectedVersion().get() != execution.versionNumber()) {
      throw new JobsException(
          JobsErrorCode.VERSION_MISMATCH,
          "Version mismatch: expected "
              + update.expectedVersion().get()
              + ", current "
              + execution.versionNumber(),
          execution.state());
    }
    if (execution.status().isTerminal()) {
      throw new JobsException(
          JobsErrorCode.INVALID_STATE_TRANSITION,
          "Cannot update the job execution from "
              + execution.status()
              + " to "
              + update.status()
              + ": it is in a terminal state",
          execution.state());
    }
    Instant now = timing.now();
    Map<String, String> details = update.statusDetails().orElse(execution.statusDetails());
    if (update.status() == ExecutionStatus.IN_PROGRESS) {
      boolean starting = execution.status() == ExecutionStatus.QUEUED;
      return execution.with(
          ExecutionStatus.IN_PROGRESS,
          details,
          starting ? now : execution.startedAt(),
          now,
          stepDeadline(
              update.stepTimeoutInMinutes(),
              starting ? null : execution.stepDeadline(),
              now,
              timing),
          starting ? inProgressDeadline(jobTimeout, now, timing) : execution.inProgressDeadline());
    }
    return execution.with(update.status(), details, execution.startedAt(), now, null, null);
  }

  /** TIMED_OUT when its step or in-progress timer has expired at {@code now}. */
  public static Optional<JobExecution> timeOutIfDue(JobExecution execution, Instant now) {
    Instant at = execution.timeoutAt();
    if (at == null || at.isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(
        execution.with(
            ExecutionStatus.TIMED_OUT,
            execution.statusDetails(),
            execution.startedAt(),
            now,
            null,
            null));
  }

  /**
   * After an execution ended FAILED or TIMED_OUT: back to QUEUED (retryAttempt + 1) when the job's
   * retry configuration allows another attempt, otherwise unchanged.
   */
  public static JobExecution retryIfAllowed(
      JobExecution execution, Optional<RetryConfig> retry, Instant now) {
    if (retry.isPresent()
        && retry
            .get()
            .allowsRetry(
                execution.status(),
                execution.retriesAfterFailed(),
                execution.retriesAfterTimeout())) {
      return execution.retried(execution.status(), now);
    }
    return execution;
  }

  /**
   * CancelJobExecution: a QUEUED execution, or an IN_PROGRESS one with {@code force}, becomes
   * CANCELED.
   *
   * @throws IotException VersionConflictException or InvalidStateTransitionException (409)
   */
  public static JobExecution cancel(
      JobExecution execution,
      boolean force,
      Optional<Long> expectedVersion,
      Optional<Map<String, String>> statusDetails,
      Instant now) {
    statusDetails.ifPresent(StatusDetails::validate);
    if (expectedVersion.isPresent() && expectedVersion.get() != execution.versionNumber()) {
      throw new IotException(
          "VersionConflictException",
          409,
          "The expected version "
              + expectedVersion.get()
              + " does not match the job execution's version "
              + execution.versionNumber());
    }
    if (execution.status().isTerminal()
        || (execution.status() == ExecutionStatus.IN_PROGRESS && !force)) {
      throw invalidTransition(
          "Cannot cancel the job execution of "
              + execution.jobId()
              + " on "
              + execution.thingName()
              + " in status "
              + execution.status()
              + (execution.status() == ExecutionStatus.IN_PROGRESS ? " without force=true" : ""));
    }
    Map<String, String> details = execution.statusDetails();
    if (statusDetails.isPresent()) {
      details = new java.util.TreeMap<>(details);
      details.putAll(statusDetails.get());
    }
    return execution.canceled(details, force, now);
  }

  /** The job was canceled: QUEUED executions become CANCELED, IN_PROGRESS ones only when forced. */
  public static Optional<JobExecution> cancelForJob(
      JobExecution execution, boolean force, Instant now) {
    boolean cancels =
        execution.status() == ExecutionStatus.QUEUED
            || (force && execution.status() == ExecutionStatus.IN_PROGRESS);
    return cancels
        ? Optional.of(execution.canceled(execution.statusDetails(), force, now))
        : Optional.empty();
  }

  /** The thing left the job's targets (deleted, or out of a continuous job's group): REMOVED. */
  public static Optional<JobExecution> remove(JobExecution execution, Instant now) {
    if (execution.status().isTerminal()) {
      return Optional.empty();
    }
    return Optional.of(
        execution.with(
            ExecutionStatus.REMOVED,
            execution.statusDetails(),
            execution.startedAt(),
            now,
            null,
            null));
  }

  /**
   * DeleteJobExecution: only terminal executions, unless forced.
   *
   * @throws IotException InvalidStateTransitionException (409)
   */
  public static void checkDeletable(JobExecution execution, boolean force) {
    if (!execution.status().isTerminal() && !force) {
      throw invalidTransition(
          "Cannot delete the job execution in status "
              + execution.status()
              + " without force=true");
    }
  }

  public static IotException invalidTransition(String message) {
    return new IotException("InvalidStateTransitionException", 409, message);
  }

  private static void checkStepTimeout(long minutes) {
    if (minutes != -1 && (minutes < 1 || minutes > TimeoutConfig.MAX_MINUTES)) {
      throw JobsException.invalid(
          "stepTimeoutInMinutes must be between 1 and 10080, or -1 to cancel the step timer: "
              + minutes);
    }
  }

  private static Instant stepDeadline(
      Optional<Long> minutes, Instant current, Instant now, JobTiming timing) {
    if (minutes.isEmpty()) {
      return current;
    }
    return minutes.get() == -1 ? null : now.plus(timing.minutes(minutes.get()));
  }

  private static Instant inProgressDeadline(TimeoutConfig timeout, Instant now, JobTiming timing) {
    return timeout.inProgressTimeoutInMinutes().map(m -> now.plus(timing.minutes(m))).orElse(null);
  }
}
