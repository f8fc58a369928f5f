package dev.iotctl.cli.jobs;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Job ids the CLI makes up when none is given. */
public final class JobIds {
  private JobIds() {}

  /** {@code PREFIX-yyyyMMdd-HHmmss-NNNN}: unique enough for people, valid as a job id. */
  public static String unique(String prefix) {
    return safe(prefix)
        + "-"
        + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-"
        + ThreadLocalRandom.current().nextInt(1000, 10000);
  }

  /** {@code text} with every character a job id may not hold replaced by {@code -}. */
  public static String safe(String text) {
    return text.replaceAll("[^a-zA-Z0-9_-]", "-");
  }
}
