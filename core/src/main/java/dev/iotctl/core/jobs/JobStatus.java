package dev.iotctl.core.jobs;

/** A job's status, as DescribeJob reports it. */
public enum JobStatus {
  /** Waiting for its {@code schedulingConfig.startTime}. */
  SCHEDULED,
  /** Rolling out, or waiting for devices to finish. */
  IN_PROGRESS,
  /** Canceled by CancelJob, its abort criteria or its scheduling end behaviour. */
  CANCELED,
  /** A snapshot job whose every execution reached a terminal status. */
  COMPLETED,
  /** DeleteJob was called; the job disappears shortly. */
  DELETION_IN_PROGRESS;

  /** COMPLETED or CANCELED: nothing is rolled out any more. */
  public boolean isTerminal() {
    return this == COMPLETED || this == CANCELED;
  }
}
