package dev.iotctl.core.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where the Jobs service reads time: the clock for timestamps and deadlines, and how long one
 * "minute" of rollout rates and timeouts lasts. AWS's minute is sixty seconds; a local test may
 * compress it (a one-second minute runs a 10-per-minute rollout of 50 things in five seconds).
 */
public record JobTiming(Clock clock, Duration minute) {
  public JobTiming {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(minute, "minute");
    if (minute.isNegative() || minute.isZero()) {
      throw new IllegalArgumentException("a rollout minute must be positive: " + minute);
    }
  }

  /** The system clock with sixty-second minutes, as on AWS. */
  public static JobTiming real() {
    return new JobTiming(Clock.systemUTC(), Duration.ofMinutes(1));
  }

  public Instant now() {
    return clock.instant();
  }

  /** {@code count} rollout minutes. */
  public Duration minutes(long count) {
    return minute.multipliedBy(count);
  }
}
