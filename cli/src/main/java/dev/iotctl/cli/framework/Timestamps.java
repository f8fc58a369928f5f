package dev.iotctl.cli.framework;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as the AWS CLI prints them (ISO 8601, Python's {@code isoformat}): {@code
 * 2025-01-31T12:00:00+00:00}, with microseconds when there are any ({@code
 * 2025-01-31T12:00:00.005000+00:00}).
 */
public final class Timestamps {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String iso(Instant instant) {
    if (instant == null) {
      return null;
    }
    int micros = instant.getNano() / 1000;
    return SECONDS.format(instant) + (micros == 0 ? "" : String.format(".%06d", micros)) + "+00:00";
  }
}
