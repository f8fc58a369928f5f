package dev.iotctl.local.registry;

/** What a resource-specific log level applies to (SetV2LoggingLevel's {@code logTarget}). */
public enum LogTargetType {
  DEFAULT,
  THING_GROUP,
  CLIENT_ID,
  SOURCE_IP,
  PRINCIPAL_ID;

  /** Parses a wire value; anything else is AWS's 400 validation error for {@code member}. */
  public static LogTargetType parse(String value, String member) {
    for (LogTargetType type : values()) {
      if (type.name().equals(value)) {
        return type;
      }
    }
    throw Errors.invalid(
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + member
            + "' failed to satisfy constraint: Member must satisfy enum value set: [DEFAULT,"
            + " THING_GROUP, CLIENT_ID, SOURCE_IP, PRINCIPAL_ID]");
  }
}
