package dev.iotctl.device.mqtt;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter" between reconnect attempts: attempt n waits a random time
 * in [d/2, d] where d = min(max, initial * 2^(n-1)). The jitter spreads a fleet's reconnects after
 * a broker outage, as AWS recommends; the cap bounds every wait.
 */
public record ReconnectBackoff(Duration initial, Duration max) {
  /** 1 s doubling up to 2 min. */
  public static final ReconnectBackoff DEFAULT =
      new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofMinutes(2));

  public ReconnectBackoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("Backoff needs 0 < initial <= max");
    }
  }

  /** The wait before attempt {@code attempt} (1-based). */
  public Duration delay(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 30);
    long capMillis = max.toMillis();
    long millis = Math.min(capMillis, initial.toMillis() << doublings);
    if (millis <= 0) {
      millis = capMillis;
    }
    long half = millis / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(millis - half + 1));
  }
}
