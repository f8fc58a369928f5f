package dev.iotctl.cli.certs;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Retries an idempotent call while the service throttles it, beyond the SDK's own retries: once a
 * certificate exists, a throttled attach must be retried, not answered with a rollback.
 */
final class ThrottleRetry {
  private static final int ATTEMPTS = 10;

  private ThrottleRetry() {}

  static <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (AwsServiceException e) {
        if (!isThrottling(e) || attempt == ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  static void run(Runnable call) {
    call(
        () -> {
          call.run();
          return null;
        });
  }

  static boolean isThrottling(AwsServiceException e) {
    return e.isThrottlingException() || e.statusCode() == 429;
  }

  private static void pause(int attempt) {
    long cap = Math.min(4_000, 100L << attempt);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }
}
