package dev.iotctl.device.jobs;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs a device's jobs one at a time, as the AWS IoT Device SDK samples do: on start and on every
 * {@code notify-next} that names an execution it calls StartNextPendingJobExecution, runs the
 * execution through the {@link JobHandler}, reports the outcome with UpdateJobExecution, and
 * repeats until nothing is pending. A handler that throws fails the job with the error as reason.
 */
public final class JobRunner implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(JobRunner.class.getName());

  /** What the runner did, for the device's console and tests. */
  public record Event(String jobId, String what) {}

  private final JobsClient jobs;
  private final JobHandler handler;
  private final Consumer<Event> events;
  private final Duration timeout;
  private final ExecutorService worker;

  public JobRunner(JobsClient jobs, JobHandler handler, Consumer<Event> events, Duration timeout) {
    this.jobs = jobs;
    this.handler = handler;
    this.events = events;
    this.timeout = timeout;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "iotctl-jobs-" + jobs.thingName());
              t.setDaemon(true);
              return t;
            });
  }

  /** Subscribes to {@code notify-next} and runs whatever is already pending. */
  public void start() {
    await(jobs.onNextChanged(next -> next.ifPresent(e -> poke())));
    poke();
  }

  /** Looks for pending work (again); the runner never runs two jobs at once. */
  public void poke() {
    try {
      worker.execute(this::drain);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  private void drain() {
    try {
      for (Optional<JobExecution> next = await(jobs.startNext(Map.of()));
          next.isPresent();
          next = await(jobs.startNext(Map.of()))) {
        run(next.get());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Job runner of " + jobs.thingName() + " stopped a round", e);
      events.accept(new Event("-", "error: " + e.getMessage()));
    }
  }

  private void run(JobExecution job) {
    events.accept(new Event(job.jobId(), "started"));
    JobOutcome outcome;
    try {
      outcome =
          handler.run(
              job, details -> await(jobs.update(job.jobId(), "IN_PROGRESS", details, null)));
    } catch (RuntimeException e) {
      outcome = JobOutcome.failed(String.valueOf(e.getMessage()));
    }
    try {
      await(jobs.update(job.jobId(), outcome.status(), outcome.statusDetails(), null));
      events.accept(new Event(job.jobId(), outcome.status() + " " + outcome.statusDetails()));
    } catch (JobRejectedException e) {
      // Canceled or timed out meanwhile: the service has the final word.
      events.accept(new Event(job.jobId(), "update rejected: " + e.getMessage()));
    }
  }

  private <T> T await(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("No reply from the Jobs service in time", e);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
    jobs.close();
  }
}
