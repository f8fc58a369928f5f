package dev.iotctl.cli.framework;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every duration option's syntax: a number with a unit ({@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 2h}), a bare number of seconds ({@code 60}), or ISO-8601 ({@code PT30S}). Registered for
 * all {@link Duration} options by {@link CommandLineFactory}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      Duration duration = parse(v);
      if (duration.isNegative()) {
        throw new IllegalArgumentException("negative");
      }
      return duration;
    } catch (RuntimeException e) {
      throw new TypeConversionException(
          "invalid duration '" + value + "' (use e.g. 30s, 500ms, 5m, 60 or PT30S)");
    }
  }

  private static Duration parse(String v) {
    if (v.startsWith("pt")) {
      return Duration.parse(v);
    }
    if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    char unit = v.charAt(v.length() - 1);
    if (Character.isDigit(unit)) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    long n = Long.parseLong(v.substring(0, v.length() - 1));
    return switch (unit) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("unit");
    };
  }
}
