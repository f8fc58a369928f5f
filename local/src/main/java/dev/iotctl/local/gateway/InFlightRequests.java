package dev.iotctl.local.gateway;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection's requests to a service that have not been answered yet, against a limit (AWS: 10
 * in-flight Device Shadow requests per connection, enforced with {@code --quotas aws}).
 */
public final class InFlightRequests {
  private final int limit;
  private final AtomicInteger inFlight = new AtomicInteger();

  InFlightRequests(int limit) {
    this.limit = limit;
  }

  /** No limit. */
  static InFlightRequests unlimited() {
    return new InFlightRequests(Integer.MAX_VALUE);
  }

  /** Counts a new request in; false (and nothing counted) when the limit is reached. */
  public boolean tryStart() {
    int n;
    do {
      n = inFlight.get();
      if (n >= limit) {
        return false;
      }
    } while (!inFlight.compareAndSet(n, n + 1));
    return true;
  }

  /** A request started with {@link #tryStart} was answered. */
  public void finish() {
    inFlight.decrementAndGet();
  }
}
