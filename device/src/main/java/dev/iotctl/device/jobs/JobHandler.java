package dev.iotctl.device.jobs;

/** Runs one job on the device; the {@link JobRunner} reports the outcome to the service. */
@FunctionalInterface
public interface JobHandler {
  /**
   * Runs the job, which the service already moved to IN_PROGRESS.
   *
   * @param progress reports intermediate status details (an IN_PROGRESS update)
   */
  JobOutcome run(JobExecution job, Progress progress);

  /** Intermediate progress of a running job. */
  @FunctionalInterface
  interface Progress {
    void report(java.util.Map<String, String> statusDetails);
  }
}
