package dev.iotctl.local.jobs;

import dev.iotctl.core.jobs.AbortConfig;
import dev.iotctl.core.jobs.ExecutionCounts;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.ExecutionTransitions;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobStatus;
import dev.iotctl.core.jobs.JobTiming;
import dev.iotctl.core.jobs.RolloutConfig;
import dev.iotctl.core.jobs.SchedulingConfig;
import dev.iotctl.core.jobs.TargetSelection;
import dev.iotctl.local.store.Transaction;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The rollout engine's rules applied to stored jobs, inside the caller's transaction: releasing
 * executions at the job's rate, starting and ending scheduled rollouts, timing out executions,
 * retrying them, aborting jobs whose criteria are met and completing jobs whose executions all
 * finished.
 */
final class Rollout {
  private final JobTiming timing;

  Rollout(JobTiming timing) {
    this.timing = timing;
  }

  /**
   * Releases as many of the job's waiting executions as its rate allows in the current rollout
   * minute (all of them without a rollout configuration).
   */
  void release(Transaction tx, Job job, Notifier notifier, Instant now) throws SQLException {
    if (job.status() != JobStatus.IN_PROGRESS || job.rolloutEnded()) {
      return;
    }
    RolloutConfig rate = job.settings().rolloutOrUnlimited();
    long allowed = Long.MAX_VALUE;
    if (rate.isLimited()) {
      long lastMinute =
          JobStore.countReleasedSince(tx, job.jobId(), now.minus(timing.minute()).plusMillis(1));
      allowed =
          rate.releasable(
              lastMinute,
              JobStore.countReleased(tx, job.jobId()),
              JobStore.counts(tx, job.jobId()).of(ExecutionStatus.SUCCEEDED));
    }
    if (allowed <= 0) {
      return;
    }
    for (JobExecution e : JobStore.unreleased(tx, job.jobId(), allowed)) {
      notifier.track(tx, e.thingName());
      JobStore.update(tx, e.notified(now));
    }
  }

  /**
   * After an execution of {@code job} reached a terminal status: retried when the job allows, then
   * the job aborted or completed as its counts decide. Returns the job as it is now.
   */
  Job afterExecutionChange(Transaction tx, Job job, Notifier notifier, Instant now)
      throws SQLException {
    Job current = JobStore.job(tx, job.jobId()).orElse(job);
    if (current.status() == JobStatus.IN_PROGRESS) {
      ExecutionCounts counts = JobStore.counts(tx, current.jobId());
      Optional<AbortConfig.Criterion> met =
          current.settings().abort().flatMap(a -> a.firstMet(counts));
      if (met.isPresent()) {
        return cancel(
            tx,
            current,
            false,
            Optional.empty(),
            Optional.of("Job aborted: " + met.get().describe()),
            notifier,
            now);
      }
    }
    return completeIfDone(tx, current, now);
  }

  /** The execution ended FAILED or TIMED_OUT: back to QUEUED when the job's retries allow. */
  JobExecution retry(Job job, JobExecution ended, Instant now) {
    return ExecutionTransitions.retryIfAllowed(ended, job.settings().retry(), now);
  }

  /**
   * Cancels the job: QUEUED executions (released or not) become CANCELED, IN_PROGRESS ones too when
   * forced.
   */
  Job cancel(
      Transaction tx,
      Job job,
      boolean force,
      Optional<String> reasonCode,
      Optional<String> comment,
      Notifier notifier,
      Instant now)
      throws SQLException {
    for (JobExecution e : JobStore.unfinishedOfJob(tx, job.jobId())) {
      Optional<JobExecution> canceled = ExecutionTransitions.cancelForJob(e, force, now);
      if (canceled.isPresent()) {
        notifier.track(tx, e.thingName());
        JobStore.update(tx, canceled.get());
      }
    }
    Job canceled = job.canceled(force, reasonCode, comment, now);
    JobStore.update(tx, canceled);
    return canceled;
  }

  /**
   * A snapshot job (or a continuous one whose rollout ended) is COMPLETED once every execution is
   * in a terminal status.
   */
  Job completeIfDone(Transaction tx, Job job, Instant now) throws SQLException {
    if (job.status() != JobStatus.IN_PROGRESS
        || (job.targetSelection() == TargetSelection.CONTINUOUS && !job.rolloutEnded())) {
      return job;
    }
    if (!JobStore.counts(tx, job.jobId()).allTerminal()) {
      return job;
    }
    Job completed = job.withStatus(JobStatus.COMPLETED, now);
    JobStore.update(tx, completed);
    return completed;
  }

  /** A SCHEDULED job whose start time has come starts rolling out. */
  Job startIfDue(Transaction tx, Job job, Notifier notifier, Instant now) throws SQLException {
    if (job.status() != JobStatus.SCHEDULED) {
      return job;
    }
    Optional<Instant> start = job.settings().scheduling().flatMap(SchedulingConfig::startTime);
    if (start.isPresent() && start.get().isAfter(now)) {
      return job;
    }
    Job started = job.withStatus(JobStatus.IN_PROGRESS, now);
    JobStore.update(tx, started);
    release(tx, started, notifier, now);
    return completeIfDone(tx, started, now);
  }

  /** At the scheduling end time: stop the rollout, cancel, or force-cancel. */
  Job endIfDue(Transaction tx, Job job, Notifier notifier, Instant now) throws SQLException {
    if (job.rolloutEnded() || job.status().isTerminal()) {
      return job;
    }
    Optional<SchedulingConfig> scheduling = job.settings().scheduling();
    Optional<Instant> end = scheduling.flatMap(SchedulingConfig::endTime);
    if (end.isEmpty() || end.get().isAfter(now)) {
      return job;
    }
    Job ended = job.rolloutEnded(now);
    JobStore.update(tx, ended);
    switch (scheduling.get().endBehavior()) {
      case CANCEL -> {
        return cancel(tx, ended, false, Optional.empty(), Optional.empty(), notifier, now);
      }
      case FORCE_CANCEL -> {
        return cancel(tx, ended, true, Optional.empty(), Optional.empty(), notifier, now);
      }
      default -> {
        for (JobExecution e : JobStore.unreleased(tx, job.jobId(), Long.MAX_VALUE)) {
          JobStore.update(tx, ExecutionTransitions.cancelForJob(e, false, now).orElseThrow());
        }
        Job stopped =
            ended.status() == JobStatus.SCHEDULED
                ? ended.withStatus(JobStatus.IN_PROGRESS, now)
                : ended;
        JobStore.update(tx, stopped);
        return completeIfDone(tx, stopped, now);
      }
    }
  }
}
