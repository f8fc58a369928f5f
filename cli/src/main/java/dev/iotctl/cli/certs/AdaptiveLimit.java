package dev.iotctl.cli.certs;

/**
 * How many requests may run at once: halves on throttling, grows by one after a run of successes
 * (additive increase, multiplicative decrease), between 1 and the user's --concurrency.
 */
final class AdaptiveLimit {
  private static final int SUCCESSES_TO_GROW = 20;

  private final int max;
  private int limit;
  private int running;
  private int successes;

  AdaptiveLimit(int max) {
    this.max = max;
    this.limit = max;
  }

  synchronized void acquire() throws InterruptedException {
    while (running >= limit) {
      wait();
    }
    running++;
  }

  synchronized void release(boolean throttled) {
    running--;
    if (throttled) {
      limit = Math.max(1, limit / 2);
      successes = 0;
    } else if (++successes >= SUCCESSES_TO_GROW && limit < max) {
      limit++;
      successes = 0;
    }
    notifyAll();
  }

  synchronized int limit() {
    return limit;
  }
}
