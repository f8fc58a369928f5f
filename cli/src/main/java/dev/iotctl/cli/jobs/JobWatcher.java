package dev.iotctl.cli.jobs;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Polls DescribeJob until the job is COMPLETED or CANCELED, reporting every change of its status or
 * counts. One DescribeJob per interval: well within AWS's DescribeJob rate.
 */
public final class JobWatcher {
  private final IotClient iot;
  private final Duration interval;

  public JobWatcher(IotClient iot, Duration interval) {
    this.iot = iot;
    this.interval = interval;
  }

  /**
   * Watches until the job finishes and returns its final progress.
   *
   * @param timeout give up after this long (null: never)
   * @throws CliException FAILURE when the timeout passes first
   */
  public JobProgress watch(String jobId, Duration timeout, Consumer<JobProgress> changes)
      throws InterruptedException {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    JobProgress last = null;
    while (true) {
      JobProgress now = JobProgress.of(iot.describeJob(b -> b.jobId(jobId)).job());
      if (!Objects.equals(now, last)) {
        changes.accept(now);
        last = now;
      }
      if (now.isFinished()) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new CliException(
            ExitCodes.FAILURE,
            "job " + jobId + " is still " + now.status() + " after " + timeout.toSeconds() + " s");
      }
      Thread.sleep(interval.toMillis());
    }
  }
}
