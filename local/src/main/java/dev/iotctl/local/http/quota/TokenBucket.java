package dev.iotctl.local.http.quota;

import java.util.function.LongSupplier;

/**
 * A token bucket holding at most one second's worth of requests and refilled continuously at {@code
 * ratePerSecond}: a client may burst to the rate, then sustain it, never more.
 */
final class TokenBucket {
  private final double ratePerSecond;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  TokenBucket(double ratePerSecond, LongSupplier nanoClock) {
    this.ratePerSecond = ratePerSecond;
    this.nanoClock = nanoClock;
    this.tokens = ratePerSecond;
    this.lastRefill = nanoClock.getAsLong();
  }

  /** Takes one token if available. */
  synchronized boolean tryAcquire() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(ratePerSecond, tokens + (now - lastRefill) * ratePerSecond / 1e9);
    lastRefill = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
