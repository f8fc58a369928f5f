package dev.iotctl.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExecutionTransitionsTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final TimeoutConfig NO_TIMEOUT = new TimeoutConfig(Optional.empty());

  private Instant now = T0;

  private JobTiming timing() {
    return new JobTiming(Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(1));
  }

  private static JobExecution queued() {
    return JobExecution.queued("job-1", "lamp", 1, 1, T0).notified(T0);
  }

  private static ExecutionUpdate to(ExecutionStatus status) {
    return new ExecutionUpdate(
        status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void startNextMovesQueuedToInProgressWithDetailsAndNextVersion() {
    JobExecution started =
        ExecutionTransitions.startNext(
            queued(),
            Optional.of(Map.of("step", "download")),
            Optional.empty(),
            NO_TIMEOUT,
            timing());
    assertThat(started.status()).isEqualTo(ExecutionStatus.IN_PROGRESS);
    assertThat(started.versionNumber()).isEqualTo(2);
    assertThat(started.startedAt()).isEqualTo(T0);
    assertThat(started.statusDetails()).containsEntry("step", "download");
  }

  @Test
  void startNextLeavesAnExecutionAlreadyInProgressUnchanged() {
    JobExecution started =
        ExecutionTransitions.startNext(
            queued(), Optional.empty(), Optional.empty(), NO_TIMEOUT, timing());
    JobExecution again =
        ExecutionTransitions.startNext(
            started, Optional.of(Map.of("x", "y")), Optional.of(5L), NO_TIMEOUT, timing());
    assertThat(again).isEqualTo(started);
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionStatus.class,
      names = {"IN_PROGRESS", "SUCCEEDED", "FAILED", "REJECTED"})
  void aDeviceMayMoveAQueuedExecutionToAnyStatusItOwns(ExecutionStatus target) {
    JobExecution updated = ExecutionTransitions.update(queued(), to(target), NO_TIMEOUT, timing());
    assertThat(updated.status()).isEqualTo(target);
    assertThat(updated.versionNumber()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionStatus.class,
      names = {"QUEUED", "TIMED_OUT", "REMOVED", "CANCELED"})
  void aDeviceMayNotSetServiceStatuses(ExecutionStatus target) {
    assertThatThrownBy(
            () -> ExecutionTransitions.update(queued(), to(target), NO_TIMEOUT, timing()))
        .isInstanceOfSatisfying(
            JobsException.class,
            e -> assertThat(e.code()).isEqualTo(JobsErrorCode.INVALID_REQUEST));
  }

  @ParameterizedTest
  @EnumSource(
      value = ExecutionStatus.class,
      names = {"SUCCEEDED", "FAILED", "REJECTED", "TIMED_OUT", "REMOVED", "CANCELED"})
  void nothingLeavesATerminalStatusAndTheRejectionCarriesTheState(ExecutionStatus terminal) {
    JobExecution done = withStatus(terminal);
    assertThatThrownBy(
            () ->
                ExecutionTransitions.update(
                    done, to(ExecutionStatus.IN_PROGRESS), NO_TIMEOUT, timing()))
        .isInstanceOfSatisfying(
            JobsException.class,
            e -> {
              assertThat(e.code()).isEqualTo(JobsErrorCode.INVALID_STATE_TRANSITION);
              assertThat(e.httpStatus()).isEqualTo(409);
              assertThat(e.executionState()).contains(done.state());
            });
  }

  @Test
  void expectedVersionMismatchIsRejectedWithTheCurrentState() {
    ExecutionUpdate stale =
        new ExecutionUpdate(
            ExecutionStatus.SUCCEEDED,
            Optional.empty(),
            Optional.of(7L),
            Optional.empty(),
            Optional.empty());
    assertThatThrownBy(() -> ExecutionTransitions.update(queued(), stale, NO_TIMEOUT, timing()))
        .isInstanceOfSatisfying(
            JobsException.class,
            e -> {
              assertThat(e.code()).isEqualTo(JobsErrorCode.VERSION_MISMATCH);
              assertThat(e.executionState().orElseThrow().versionNumber()).isEqualTo(1);
            });
  }

  @Test
  void matchingExpectedVersionAndDetailsReplaceTheOldDetails() {
    JobExecution started =
        ExecutionTransitions.update(
            queued(),
            new ExecutionUpdate(
                ExecutionStatus.IN_PROGRESS,
                Optional.of(Map.of("a", "1", "b", "2")),
                Optional.of(1L),
                Optional.empty(),
                Optional.empty()),
            NO_TIMEOUT,
            timing());
    JobExecution done =
        ExecutionTransitions.update(
            started,
            new ExecutionUpdate(
                ExecutionStatus.SUCCEEDED,
                Optional.of(Map.of("c", "3")),
                Optional.of(2L),
                Optional.empty(),
                Optional.empty()),
            NO_TIMEOUT,
            timing());
    assertThat(done.statusDetails()).containsExactly(Map.entry("c", "3"));
    assertThat(done.versionNumber()).isEqualTo(3);
  }

  @Test
  void anotherExecutionNumberIsNotFound() {
    ExecutionUpdate other =
        new ExecutionUpdate(
            ExecutionStatus.SUCCEEDED,
            Optional.empty(),
            Optional.empty(),
            Optional.of(2L),
            Optional.empty());
    assertThatThrownBy(() -> ExecutionTransitions.update(queued(), other, NO_TIMEOUT, timing()))
        .isInstanceOfSatisfying(
            JobsException.class,
            e -> assertThat(e.code()).isEqualTo(JobsErrorCode.RESOURCE_NOT_FOUND));
  }

  @Test
  void invalidStatusDetailsAreRejected() {
    assertThatThrownBy(
            () ->
                ExecutionTransitions.startNext(
                    queued(),
                    Optional.of(Map.of("bad key", "v")),
                    Optional.empty(),
                    NO_TIMEOUT,
                    timing()))
        .isInstanceOf(JobsException.class)
        .hasMessageContaining("bad key");
    assertThatThrownBy(
            () ->
                ExecutionTransitions.startNext(
                    queued(),
                    Optional.of(Map.of("k", "x".repeat(1025))),
                    Optional.empty(),
                    NO_TIMEOUT,
                    timing()))
        .isInstanceOf(JobsException.class);
  }

  @Test
  void stepTimerTimesOutAndMinusOneClearsIt() {
    JobExecution started =
        ExecutionTransitions.startNext(
            queued(), Optional.empty(), Optional.of(5L), NO_TIMEOUT, timing());
    assertThat(started.timeoutAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(ExecutionTransitions.timeOutIfDue(started, T0.plus(Duration.ofMinutes(4))))
        .isEmpty();
    JobExecution timedOut =
        ExecutionTransitions.timeOutIfDue(started, T0.plus(Duration.ofMinutes(5))).orElseThrow();
    assertThat(timedOut.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(timedOut.versionNumber()).isEqualTo(started.versionNumber() + 1);

    now = T0.plus(Duration.ofMinutes(1));
    JobExecution cleared =
        ExecutionTransitions.update(
            started,
            new ExecutionUpdate(
                ExecutionStatus.IN_PROGRESS,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(-1L)),
            NO_TIMEOUT,
            timing());
    assertThat(cleared.timeoutAt()).isNull();
  }

  @Test
  void stepTimeoutOutOfRangeIsInvalid() {
    for (long bad : List.of(0L, -2L, 10081L)) {
      assertThatThrownBy(
              () ->
                  ExecutionTransitions.startNext(
                      queued(), Optional.empty(), Optional.of(bad), NO_TIMEOUT, timing()))
          .isInstanceOf(JobsException.class);
    }
  }

  @Test
  void inProgressTimerStartsWhenTheExecutionStartsAndTheEarlierTimerWins() {
    TimeoutConfig tenMinutes = new TimeoutConfig(Optional.of(10L));
    JobExecution started =
        ExecutionTransitions.startNext(
            queued(), Optional.empty(), Optional.of(30L), tenMinutes, timing());
    assertThat(started.timeoutAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    now = T0.plus(Duration.ofMinutes(2));
    JobExecution shorter =
        ExecutionTransitions.update(
            started,
            new ExecutionUpdate(
                ExecutionStatus.IN_PROGRESS,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(3L)),
            tenMinutes,
            timing());
    assertThat(shorter.timeoutAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void aQueuedExecutionNeverTimesOut() {
    assertThat(ExecutionTransitions.timeOutIfDue(queued(), T0.plus(Duration.ofDays(30)))).isEmpty();
  }

  @Test
  void retriesRequeueUntilTheCriterionIsUsedUp() {
    RetryConfig twice = new RetryConfig(List.of(new RetryConfig.Criterion(FailureType.FAILED, 2)));
    JobExecution e = queued();
    for (int attempt = 1; attempt <= 2; attempt++) {
      JobExecution failed =
          ExecutionTransitions.update(e, to(ExecutionStatus.FAILED), NO_TIMEOUT, timing());
      e = ExecutionTransitions.retryIfAllowed(failed, Optional.of(twice), T0);
      assertThat(e.status()).isEqualTo(ExecutionStatus.QUEUED);
      assertThat(e.retryAttempt()).isEqualTo(attempt);
    }
    JobExecution last =
        ExecutionTransitions.update(e, to(ExecutionStatus.FAILED), NO_TIMEOUT, timing());
    assertThat(ExecutionTransitions.retryIfAllowed(last, Optional.of(twice), T0).status())
        .isEqualTo(ExecutionStatus.FAILED);
  }

  @Test
  void aFailedCriterionDoesNotRetryTimeoutsAndRejectedIsNeverRetried() {
    RetryConfig failedOnly =
        new RetryConfig(List.of(new RetryConfig.Criterion(FailureType.FAILED, 3)));
    assertThat(failedOnly.allowsRetry(ExecutionStatus.TIMED_OUT, 0, 0)).isFalse();
    assertThat(failedOnly.allowsRetry(ExecutionStatus.REJECTED, 0, 0)).isFalse();
    RetryConfig all = new RetryConfig(List.of(new RetryConfig.Criterion(FailureType.ALL, 1)));
    assertThat(all.allowsRetry(ExecutionStatus.TIMED_OUT, 0, 0)).isTrue();
    assertThat(all.allowsRetry(ExecutionStatus.FAILED, 0, 1)).isFalse();
  }

  @Test
  void cancelNeedsForceForAnExecutionInProgressAndNeverTouchesATerminalOne() {
    JobExecution started =
        ExecutionTransitions.startNext(
            queued(), Optional.empty(), Optional.empty(), NO_TIMEOUT, timing());
    assertThatThrownBy(
            () ->
                ExecutionTransitions.cancel(started, false, Optional.empty(), Optional.empty(), T0))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidStateTransitionException"));
    JobExecution forced =
        ExecutionTransitions.cancel(started, true, Optional.empty(), Optional.empty(), T0);
    assertThat(forced.status()).isEqualTo(ExecutionStatus.CANCELED);
    assertThat(forced.forceCanceled()).isTrue();
    assertThatThrownBy(
            () -> ExecutionTransitions.cancel(forced, true, Optional.empty(), Optional.empty(), T0))
        .isInstanceOf(IotException.class);
    assertThatThrownBy(
            () ->
                ExecutionTransitions.cancel(queued(), false, Optional.of(9L), Optional.empty(), T0))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> assertThat(e.errorCode()).isEqualTo("VersionConflictException"));
  }

  @Test
  void cancelingTheJobCancelsQueuedExecutionsAndForcedAlsoThoseInProgress() {
    JobExecution started =
        ExecutionTransitions.startNext(
            queued(), Optional.empty(), Optional.empty(), NO_TIMEOUT, timing());
    assertThat(ExecutionTransitions.cancelForJob(queued(), false, T0)).isPresent();
    assertThat(ExecutionTransitions.cancelForJob(started, false, T0)).isEmpty();
    assertThat(ExecutionTransitions.cancelForJob(started, true, T0)).isPresent();
    assertThat(ExecutionTransitions.cancelForJob(withStatus(ExecutionStatus.SUCCEEDED), true, T0))
        .isEmpty();
  }

  @Test
  void onlyTerminalExecutionsAreDeletableWithoutForce() {
    assertThatThrownBy(() -> ExecutionTransitions.checkDeletable(queued(), false))
        .isInstanceOf(IotException.class);
    ExecutionTransitions.checkDeletable(queued(), true);
    ExecutionTransitions.checkDeletable(withStatus(ExecutionStatus.FAILED), false);
  }

  private JobExecution withStatus(ExecutionStatus status) {
    return switch (status) {
      case QUEUED -> queued();
      case IN_PROGRESS, SUCCEEDED, FAILED, REJECTED ->
          ExecutionTransitions.update(queued(), to(status), NO_TIMEOUT, timing());
      case TIMED_OUT ->
          ExecutionTransitions.timeOutIfDue(
                  ExecutionTransitions.startNext(
                      queued(), Optional.empty(), Optional.of(1L), NO_TIMEOUT, timing()),
                  T0.plus(Duration.ofMinutes(1)))
              .orElseThrow();
      case REMOVED -> ExecutionTransitions.remove(queued(), T0).orElseThrow();
      case CANCELED -> ExecutionTransitions.cancelForJob(queued(), false, T0).orElseThrow();
    };
  }
}
