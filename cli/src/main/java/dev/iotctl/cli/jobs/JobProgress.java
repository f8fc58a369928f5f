package dev.iotctl.cli.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.Json;
import java.util.Optional;
import software.amazon.awssdk.services.iot.model.Job;
import software.amazon.awssdk.services.iot.model.JobProcessDetails;

/**
 * A job's status and execution counts at one moment (DescribeJob's {@code jobProcessDetails}).
 *
 * @param comment why the job was canceled (an abort names its criterion), if it was
 */
public record JobProgress(
    String jobId,
    String status,
    int queued,
    int inProgress,
    int succeeded,
    int failed,
    int rejected,
    int timedOut,
    int canceled,
    int removed,
    Optional<String> comment) {

  static JobProgress of(Job job) {
    JobProcessDetails d = job.jobProcessDetails();
    return new JobProgress(
        job.jobId(),
        job.statusAsString(),
        n(d == null ? null : d.numberOfQueuedThings()),
        n(d == null ? null : d.numberOfInProgressThings()),
        n(d == null ? null : d.numberOfSucceededThings()),
        n(d == null ? null : d.numberOfFailedThings()),
        n(d == null ? null : d.numberOfRejectedThings()),
        n(d == null ? null : d.numberOfTimedOutThings()),
        n(d == null ? null : d.numberOfCanceledThings()),
        n(d == null ? null : d.numberOfRemovedThings()),
        Optional.ofNullable(job.comment()));
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }

  /** COMPLETED or CANCELED: nothing more will change. */
  public boolean isFinished() {
    return status.equals("COMPLETED") || status.equals("CANCELED");
  }

  /** Executions that ended badly: FAILED, REJECTED or TIMED_OUT. */
  public int unsuccessful() {
    return failed + rejected + timedOut;
  }

  /** Completed with every execution that ran succeeding. */
  public boolean succeededAll() {
    return status.equals("COMPLETED") && unsuccessful() == 0;
  }

  /** The progress line people read. */
  public String line() {
    return String.format(
        "%s %s  queued %d  in-progress %d  succeeded %d  failed %d  rejected %d  timed-out %d"
            + "  canceled %d  removed %d%s",
        jobId,
        status,
        queued,
        inProgress,
        succeeded,
        failed,
        rejected,
        timedOut,
        canceled,
        removed,
        comment.map(c -> "  (" + c + ")").orElse(""));
  }

  public ObjectNode json() {
    ObjectNode node =
        Json.MAPPER
            .createObjectNode()
            .put("jobId", jobId)
            .put("status", status)
            .put("queued", queued)
            .put("inProgress", inProgress)
            .put("succeeded", succeeded)
            .put("failed", failed)
            .put("rejected", rejected)
            .put("timedOut", timedOut)
            .put("canceled", canceled)
            .put("removed", removed);
    comment.ifPresent(c -> node.put("comment", c));
    return node;
  }
}
