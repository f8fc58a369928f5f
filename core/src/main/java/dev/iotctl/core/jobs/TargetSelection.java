package dev.iotctl.core.jobs;

/** Whether a job reaches only its targets at creation or also things added to its groups later. */
public enum TargetSelection {
  /** The things targeted when the job is created; the job completes when they all finish. */
  SNAPSHOT,
  /** Also things added to a target group later; never completes by itself. */
  CONTINUOUS
}
