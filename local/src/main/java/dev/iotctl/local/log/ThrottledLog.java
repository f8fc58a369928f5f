package dev.iotctl.local.log;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Log lines about what clients cause, rate-limited so that a flood of bad clients cannot flood the
 * log: a burst of lines, then one per refill interval; the next line that gets through says how
 * many were dropped meanwhile. Callers pass one line of text with client strings already escaped
 * ({@link LogText}); a client's mistake is one WARN line, never a stack trace.
 */
public final class ThrottledLog {
  private final Logger log;
  private final int burst;
  private final long refillNanos;
  private final LongSupplier nanoClock;

  private double tokens;
  private long lastRefill;
  private long suppressed;

  /** {@code burst} lines at once, then one per {@code refill}. */
  public ThrottledLog(Logger log, int burst, Duration refill) {
    this(log, burst, refill, System::nanoTime);
  }

  ThrottledLog(Logger log, int burst, Duration refill, LongSupplier nanoClock) {
    this.log = log;
    this.burst = burst;
    this.refillNanos = refill.toNanos();
    this.nanoClock = nanoClock;
    this.tokens = burst;
    this.lastRefill = nanoClock.getAsLong();
  }

  /** Logs {@code line} at WARN unless over the rate; returns whether it was logged. */
  public boolean warn(String line) {
    long dropped = admit();
    if (dropped < 0) {
      return false;
    }
    if (dropped > 0) {
      log.warn("{} ({} similar lines suppressed)", line, dropped);
    } else {
      log.warn("{}", line);
    }
    return true;
  }

  /**
   * Logs {@code line} at ERROR with {@code cause}'s stack trace unless over the rate: for the
   * stand-in's own bugs, which a client may still be able to trigger in a loop.
   */
  public boolean error(String line, Throwable cause) {
    long dropped = admit();
    if (dropped < 0) {
      return false;
    }
    if (dropped > 0) {
      log.error("{} ({} similar lines suppressed)", line, dropped, cause);
    } else {
      log.error("{}", line, cause);
    }
    return true;
  }

  /** -1 when over the rate, else how many lines were dropped since the last one logged. */
  private synchronized long admit() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(burst, tokens + (double) (now - lastRefill) / refillNanos);
    lastRefill = now;
    if (tokens < 1) {
      suppressed++;
      return -1;
    }
    tokens--;
    long dropped = suppressed;
    suppressed = 0;
    return dropped;
  }
}
