package dev.iotctl.local.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The V2 logging settings at one moment: the options (empty when logging is not configured) and the
 * resource-specific levels. Resolves the level that applies to one connection's events.
 */
public record LoggingSettings(
    Optional<LoggingRegistry.LoggingOptions> options, Map<String, LogLevel> levels) {
  public LoggingSettings {
    levels = Map.copyOf(levels);
  }

  /** False when nothing can be logged: not configured, or {@code disableAllLogs}. */
  public boolean enabled() {
    return options.isPresent() && !options.get().disableAllLogs();
  }

  /**
   * The level for a connection's events. The most specific target wins: its client id, then its
   * principal, then its source IP, then the thing groups of the thing named like its client id (a
   * child group's level overrides its parents'; across hierarchies the most verbose wins), then the
   * default level.
   *
   * @param thingGroupChains for each group the thing belongs to directly, that group and its
   *     ancestors, nearest first
   */
  public LogLevel levelFor(
      String clientId, String principalId, String sourceIp, List<List<String>> thingGroupChains) {
    if (!enabled()) {
      return LogLevel.DISABLED;
    }
    for (Map.Entry<LogTargetType, String> target :
        List.of(
            Map.entry(LogTargetType.CLIENT_ID, nullToEmpty(clientId)),
            Map.entry(LogTargetType.PRINCIPAL_ID, nullToEmpty(principalId)),
            Map.entry(LogTargetType.SOURCE_IP, nullToEmpty(sourceIp)))) {
      LogLevel level = levels.get(key(target.getKey(), target.getValue()));
      if (level != null) {
        return level;
      }
    }
    LogLevel fromGroups = null;
    for (List<String> chain : thingGroupChains) {
      for (String group : chain) {
        LogLevel level = levels.get(key(LogTargetType.THING_GROUP, group));
        if (level != null) {
          if (fromGroups == null || level.ordinal() < fromGroups.ordinal()) {
            fromGroups = level;
          }
          break;
        }
      }
    }
    return fromGroups != null ? fromGroups : options.get().defaultLogLevel();
  }

  /** Whether any thing-group level is set (only then is a thing's group membership looked up). */
  public boolean hasThingGroupLevels() {
    return levels.keySet().stream().anyMatch(k -> k.startsWith(LogTargetType.THING_GROUP + "|"));
  }

  static String key(LogTargetType type, String name) {
    return type + "|" + name;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
