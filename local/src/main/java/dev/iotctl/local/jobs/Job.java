package dev.iotctl.local.jobs;

import dev.iotctl.core.jobs.JobSettings;
import dev.iotctl.core.jobs.JobStatus;
import dev.iotctl.core.jobs.TargetSelection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A job as stored.
 *
 * @param document the job document as created (placeholders unreplaced)
 * @param rolloutStartedAt when it left SCHEDULED (its creation for unscheduled jobs)
 * @param rolloutEnded its scheduling end time has passed: no more executions are released
 */
public record Job(
    String jobId,
    long sequence,
    JobStatus status,
    TargetSelection targetSelection,
    List<String> targets,
    String document,
    Optional<String> documentSource,
    JobSettings settings,
    Optional<String> templateArn,
    boolean forceCanceled,
    Optional<String> reasonCode,
    Optional<String> comment,
    Instant createdAt,
    Instant lastUpdatedAt,
    Optional<Instant> completedAt,
    Optional<Instant> rolloutStartedAt,
    boolean rolloutEnded) {

  public Job {
    targets = List.copyOf(targets);
  }

  Job withStatus(JobStatus newStatus, Instant now) {
    return new Job(
        jobId,
        sequence,
        newStatus,
        targetSelection,
        targets,
        document,
        documentSource,
        settings,
        templateArn,
        forceCanceled,
        reasonCode,
        comment,
        createdAt,
        now,
        newStatus.isTerminal() ? Optional.of(now) : completedAt,
        newStatus == JobStatus.IN_PROGRESS && rolloutStartedAt.isEmpty()
            ? Optional.of(now)
            : rolloutStartedAt,
        rolloutEnded);
  }

  Job canceled(boolean force, Optional<String> reason, Optional<String> newComment, Instant now) {
    return new Job(
        jobId,
        sequence,
        JobStatus.CANCELED,
        targetSelection,
        targets,
        document,
        documentSource,
        settings,
        templateArn,
        forceCanceled || force,
        reason.or(() -> reasonCode),
        newComment.or(() -> comment),
        createdAt,
        now,
        Optional.of(now),
        rolloutStartedAt,
        rolloutEnded);
  }

  Job withSettings(JobSettings newSettings, Instant now) {
    return new Job(
        jobId,
        sequence,
        status,
        targetSelection,
        targets,
        document,
        documentSource,
        newSettings,
        templateArn,
        forceCanceled,
        reasonCode,
        comment,
        createdAt,
        now,
        completedAt,
        rolloutStartedAt,
        rolloutEnded);
  }

  Job withTargets(List<String> newTargets, Instant now) {
    return new Job(
        jobId,
        sequence,
        status,
        targetSelection,
        newTargets,
        document,
        documentSource,
        settings,
        templateArn,
        forceCanceled,
        reasonCode,
        comment,
        createdAt,
        now,
        completedAt,
        rolloutStartedAt,
        rolloutEnded);
  }

  Job rolloutEnded(Instant now) {
    return new Job(
        jobId,
        sequence,
        status,
        targetSelection,
        targets,
        document,
        documentSource,
        settings,
        templateArn,
        forceCanceled,
        reasonCode,
        comment,
        createdAt,
        now,
        completedAt,
        rolloutStartedAt,
        true);
  }
}
