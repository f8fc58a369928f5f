package dev.iotctl.cli.certs;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Issues many devices' certificates with bounded, adaptive concurrency. Throttling slows it down
 * rather than failing it; every finished device is journaled so {@code --resume} completes an
 * interrupted run with no duplicate certificate, no lost key and no orphan.
 */
final class BulkIssuer {
  private static final int THROTTLE_ATTEMPTS = 8;

  private final CertificateIssuer issuer;
  private final Path outDir;
  private final int concurrency;
  private final PrintWriter progressOut;

  BulkIssuer(CertificateIssuer issuer, Path outDir, int concurrency, PrintWriter progressOut) {
    if (concurrency < 1 || concurrency > 64) {
      throw new CliException(ExitCodes.USAGE, "--concurrency must be between 1 and 64");
    }
    this.issuer = issuer;
    this.outDir = outDir;
    this.concurrency = concurrency;
    this.progressOut = progressOut;
  }

  BulkSummary run(List<IssueRequest> requests, boolean resume) {
    long start = System.nanoTime();
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger recovered = new AtomicInteger();
    AtomicInteger skipped = new AtomicInteger();
    Map<String, String> failed = new TreeMap<>();
    Progress progress = new Progress(progressOut, requests.size());
    AdaptiveLimit limit = new AdaptiveLimit(concurrency);
    try (BulkManifest manifest = BulkManifest.open(outDir, resume)) {
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      try {
        List<Future<?>> futures =
            requests.stream()
                .map(
                    request ->
                        pool.submit(
                            () -> {
                              if (manifest.isFinished(request.device())
                                  && DeviceBundle.read(request.bundleDir()).isPresent()) {
                                skipped.incrementAndGet();
                              } else {
                                try {
                                  IssueResult result = issueWithBackoff(request, limit);
                                  manifest.record(result);
                                  switch (result.outcome()) {
                                    case ISSUED -> issued.incrementAndGet();
                                    case RECOVERED -> recovered.incrementAndGet();
                                    case ALREADY_ISSUED -> skipped.incrementAndGet();
                                  }
                                } catch (RuntimeException e) {
                                  synchronized (failed) {
                                    failed.put(request.device(), reason(e));
                                  }
                                }
                              }
                              progress.step(
                                  issued.get() + recovered.get(), skipped.get(), failed.size());
                              return null;
                            }))
                .<Future<?>>map(f -> f)
                .toList();
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCodes.FAILURE, "interrupted; finish with --resume");
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILURE, "cannot close the manifest: " + e.getMessage());
    }
    progress.done();
    return new BulkSummary(
        requests.size(),
        issued.get(),
        recovered.get(),
        skipped.get(),
        failed,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private IssueResult issueWithBackoff(IssueRequest request, AdaptiveLimit limit) {
    for (int attempt = 1; ; attempt++) {
      try {
        limit.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCodes.FAILURE, "interrupted");
      }
      boolean throttled = false;
      try {
        return issuer.issue(request);
      } catch (AwsServiceException e) {
        throttled = e.isThrottlingException() || e.statusCode() == 429;
        if (!throttled || attempt == THROTTLE_ATTEMPTS) {
          throw e;
        }
      } finally {
        limit.release(throttled);
      }
      sleepBackoff(attempt);
    }
  }

  private static void sleepBackoff(int attempt) {
    long cap = Math.min(5_000, 100L << attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String reason(RuntimeException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
