package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.RequestLog;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * Issues many devices' certificates, {@code concurrency} at a time. Throttling slows it down rather
 * than failing it: the SDK's adaptive retry strategy ({@code Retries.DURABLE}) backs off and lowers
 * its send rate. Every finished device is journaled so {@code --resume} completes an interrupted
 * run with no duplicate certificate, no lost key, no orphan and no temp file left; a run with every
 * device done is marked complete.
 */
final class BulkIssuer {
  private final CertificateIssuer issuer;
  private final OrphanSweeper sweeper;
  private final Path outDir;
  private final int concurrency;
  private final PrintWriter progressOut;
  private final RequestLog requests;

  BulkIssuer(
      CertificateIssuer issuer,
      OrphanSweeper sweeper,
      Path outDir,
      int concurrency,
      PrintWriter progressOut,
      RequestLog requests) {
    this.issuer = issuer;
    this.sweeper = sweeper;
    this.outDir = outDir;
    this.concurrency = concurrency;
    this.progressOut = progressOut;
    this.requests = requests;
  }

  BulkSummary run(List<IssueRequest> requests, BulkRun run, boolean resume) {
    long start = System.nanoTime();
    Map<String, String> failed = new TreeMap<>();
    Progress progress = new Progress(progressOut, requests.size(), this.requests);
    AtomicBoolean finished = new AtomicBoolean();
    Thread interruptNotice =
        new Thread(
            () -> {
              if (!finished.get()) {
                progressOut.println();
                progressOut.println(
                    "interrupted at "
                        + progress.done()
                        + "/"
                        + progress.total()
                        + "; rerun with --resume");
                progressOut.flush();
              }
            },
            "iotctl-bulk-interrupted");
    Runtime.getRuntime().addShutdownHook(interruptNotice);
    try (BulkManifest manifest = BulkManifest.open(outDir, run, resume)) {
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (IssueRequest request : requests) {
          futures.add(pool.submit(() -> issueOne(request, manifest, progress, failed)));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(progress);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      } finally {
        pool.shutdownNow();
      }
      // Only a resumed run can have certificates from requests in flight when it was killed.
      List<String> orphansRemoved =
          resume ? sweeper.sweep(manifest.startedAt(), requests) : List.of();
      progress.finish();
      // The summary is the progress line's counters: the two always agree.
      Progress.Counts counts = progress.counts();
      BulkSummary summary =
          new BulkSummary(
              requests.size(),
              counts.issued(),
              counts.recovered(),
              counts.skipped(),
              orphansRemoved.size(),
              failed,
              this.requests.retries(),
              this.requests.throttled(),
              Duration.ofNanos(System.nanoTime() - start));
      if (failed.isEmpty()) {
        manifest.complete(summary);
      }
      return summary;
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot close the manifest: " + e.getMessage());
    } finally {
      finished.set(true);
      removeHook(interruptNotice);
    }
  }

  private void issueOne(
      IssueRequest request, BulkManifest manifest, Progress progress, Map<String, String> failed) {
    if (Thread.currentThread().isInterrupted()) {
      return;
    }
    if (manifest.isFinished(request.device())
        && DeviceBundle.read(request.bundleDir()).isPresent()) {
      TempFiles.removeLeftovers(request.bundleDir());
      progress.skipped();
      return;
    }
    IssueResult result;
    try {
      result = issuer.issue(request);
    } catch (AbortedException e) {
      Thread.currentThread().interrupt(); // the SDK saw the interrupt: stop, do not count it
      return;
    } catch (RuntimeException e) {
      synchronized (failed) {
        failed.put(request.device(), reason(e));
      }
      progress.failed();
      return;
    }
    manifest.record(result);
    switch (result.outcome()) {
      case ISSUED -> progress.issued();
      case RECOVERED -> progress.recovered();
      case ALREADY_ISSUED -> progress.skipped();
    }
  }

  private static CliException interrupted(Progress progress) {
    return new CliException(
        ExitCodes.FAILURE,
        "interrupted at " + progress.done() + "/" + progress.total() + "; rerun with --resume");
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting (Ctrl-C): the hook runs and says where the run stopped.
    }
  }

  private static String reason(RuntimeException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
