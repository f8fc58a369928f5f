package dev.iotctl.local.http.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code Date} response header, formatted once per second rather than once per response. */
final class ResponseDates {
  private record Formatted(long second, String text) {}

  private final Clock clock;
  private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

  ResponseDates(Clock clock) {
    this.clock = clock;
  }

  String now() {
    long second = Math.floorDiv(clock.millis(), 1000L);
    Formatted cached = last;
    if (cached.second() != second) {
      cached =
          new Formatted(
              second,
              DateTimeFormatter.RFC_1123_DATE_TIME.format(
                  Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)));
      last = cached;
    }
    return cached.text();
  }
}
