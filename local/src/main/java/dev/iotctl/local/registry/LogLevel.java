package dev.iotctl.local.registry;

/**
 * AWS IoT's log levels, from the most verbose: DEBUG logs everything, INFO "INFO, ERROR, and WARN
 * information", WARN "ERROR and WARN", ERROR only errors, DISABLED nothing.
 */
public enum LogLevel {
  DEBUG,
  INFO,
  WARN,
  ERROR,
  DISABLED;

  /** Whether a target at this level logs an event of level {@code event}. */
  public boolean admits(LogLevel event) {
    return this != DISABLED && event != DISABLED && event.ordinal() >= ordinal();
  }

  /** Parses a wire value; anything else is AWS's 400 validation error for {@code member}. */
  public static LogLevel parse(String value, String member) {
    for (LogLevel level : values()) {
      if (level.name().equals(value)) {
        return level;
      }
    }
    throw Errors.invalid(
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + member
            + "' failed to satisfy constraint: Member must satisfy enum value set: [DEBUG,"
            + " INFO, ERROR, WARN, DISABLED]");
  }
}
