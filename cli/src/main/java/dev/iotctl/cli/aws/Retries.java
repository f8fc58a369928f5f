package dev.iotctl.cli.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;

/**
 * How hard the SDK retries, for the whole command: its adaptive strategy (exponential backoff with
 * jitter, and a client-side rate that drops when the service throttles), configured rather than
 * re-implemented around the calls.
 */
public enum Retries {
  /** The AWS CLI's three attempts: a command a person runs fails soon if AWS keeps refusing. */
  INTERACTIVE(3),
  /**
   * Certificate work: once a certificate exists, a throttled attach must be retried, not answered
   * with a rollback, and a bulk run should slow down rather than fail; DeleteCertificate right
   * after its detaches conflicts for a few seconds on AWS (detaching is asynchronous there). A
   * throttled call waits 50 ms to 5 s (half jitter, doubling), not the SDK's default of up to 20 s:
   * the adaptive client-side rate already keeps a bulk run under the quota.
   */
  DURABLE(10);

  private static final BackoffStrategy THROTTLED_BACKOFF =
      BackoffStrategy.exponentialDelayHalfJitter(Duration.ofMillis(100), Duration.ofSeconds(5));

  private final int attempts;

  Retries(int attempts) {
    this.attempts = attempts;
  }

  public int attempts() {
    return attempts;
  }

  RetryStrategy strategy() {
    var builder = AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(attempts);
    if (this == DURABLE) {
      builder
          .retryOnException(DeleteConflictException.class)
          .throttlingBackoffStrategy(THROTTLED_BACKOFF);
    }
    return builder.build();
  }
}
