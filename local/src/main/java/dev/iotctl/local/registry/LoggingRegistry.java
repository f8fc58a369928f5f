package dev.iotctl.local.registry;

import dev.iotctl.core.error.IotException;
import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * V2 logging settings: SetV2LoggingOptions, GetV2LoggingOptions, SetV2LoggingLevel,
 * ListV2LoggingLevels, DeleteV2LoggingLevel. Until options are set, logging is not configured:
 * getting the options or listing and setting levels is AWS's 404 NotConfiguredException, and
 * nothing is logged. The settings the event log reads come from an in-memory snapshot that every
 * committed write discards.
 */
public final class LoggingRegistry {
  private final Context context;
  private final AtomicReference<LoggingSettings> snapshot = new AtomicReference<>();

  LoggingRegistry(Context context) {
    this.context = context;
    context.db().onEveryCommit(() -> snapshot.set(null));
  }

  /** The account's logging options. */
  public record LoggingOptions(
      Optional<String> roleArn, LogLevel defaultLogLevel, boolean disableAllLogs) {}

  /** One entry of ListV2LoggingLevels; {@code targetName} is empty for the DEFAULT entry. */
  public record LogTargetLevel(
      LogTargetType targetType, Optional<String> targetName, LogLevel level) {}

  /**
   * SetV2LoggingOptions. A member left out keeps its value (at first: no role, default level ERROR,
   * logs enabled).
   */
  public void setOptions(
      Optional<String> roleArn, Optional<LogLevel> defaultLogLevel, Optional<Boolean> disableAll) {
    if (defaultLogLevel.isPresent() && defaultLogLevel.get() == LogLevel.DISABLED) {
      // DISABLED is a level for targets; disableAllLogs turns the whole account off.
      throw Errors.invalid("The default log level cannot be DISABLED; use disableAllLogs.");
    }
    context
        .db()
        .write(
            tx -> {
              Optional<LoggingOptions> current = options(tx);
              tx.update(
                  "INSERT INTO logging_options (id, role_arn, default_log_level, disable_all_logs)"
                      + " VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                      + " role_arn = excluded.role_arn,"
                      + " default_log_level = excluded.default_log_level,"
                      + " disable_all_logs = excluded.disable_all_logs",
                  roleArn.or(() -> current.flatMap(LoggingOptions::roleArn)).orElse(null),
                  defaultLogLevel
                      .or(() -> current.map(LoggingOptions::defaultLogLevel))
                      .orElse(LogLevel.ERROR)
                      .name(),
                  disableAll.or(() -> current.map(LoggingOptions::disableAllLogs)).orElse(false)
                      ? 1
                      : 0);
              return null;
            });
  }

  /** GetV2LoggingOptions. */
  public LoggingOptions options() {
    return context.db().read(this::options).orElseThrow(LoggingRegistry::notConfigured);
  }

  /**
   * SetV2LoggingLevel for a thing group, client id, source IP or principal id (the DEFAULT level is
   * SetV2LoggingOptions' {@code defaultLogLevel}).
   */
  public void setLevel(LogTargetType type, String targetName, LogLevel level) {
    requireSpecific(type, targetName);
    context
        .db()
        .write(
            tx -> {
              requireConfigured(tx);
              tx.update(
                  "INSERT INTO logging_levels (target_type, target_name, log_level) VALUES (?, ?, ?)"
                      + " ON CONFLICT (target_type, target_name)"
                      + " DO UPDATE SET log_level = excluded.log_level",
                  type.name(),
                  targetName,
                  level.name());
              return null;
            });
  }

  /** DeleteV2LoggingLevel; deleting a level that is not set succeeds. */
  public void deleteLevel(LogTargetType type, String targetName) {
    requireSpecific(type, targetName);
    context
        .db()
        .write(
            tx ->
                tx.update(
                    "DELETE FROM logging_levels WHERE target_type = ? AND target_name = ?",
                    type.name(),
                    targetName));
  }

  /**
   * ListV2LoggingLevels: the DEFAULT entry (the default log level) first, then the
   * resource-specific levels by type and name, optionally of one type only.
   */
  public Page<LogTargetLevel> listLevels(
      Optional<LogTargetType> type, Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 250, 250);
    String after = Pages.keyAfter(nextToken);
    List<LogTargetLevel> rows =
        context
            .db()
            .read(
                tx -> {
                  LoggingOptions options = requireConfigured(tx);
                  List<LogTargetLevel> all = new ArrayList<>();
                  if (type.isEmpty() || type.get() == LogTargetType.DEFAULT) {
                    all.add(
                        new LogTargetLevel(
                            LogTargetType.DEFAULT, Optional.empty(), options.defaultLogLevel()));
                  }
                  all.addAll(
                      tx.query(
                          "SELECT * FROM logging_levels WHERE (? IS NULL OR target_type = ?)",
                          row ->
                              new LogTargetLevel(
                                  LogTargetType.valueOf(row.getString("target_type")),
                                  Optional.of(row.getString("target_name")),
                                  LogLevel.valueOf(row.getString("log_level"))),
                          type.map(Enum::name).orElse(null),
                          type.map(Enum::name).orElse(null)));
                  return all.stream()
                      .sorted(Comparator.comparing(LoggingRegistry::key))
                      .filter(level -> key(level).compareTo(after) > 0)
                      .limit(limit + 1L)
                      .toList();
                });
    return Pages.page(rows, limit, LoggingRegistry::key);
  }

  /** The settings the event log applies, as of the last commit. */
  public LoggingSettings settings() {
    LoggingSettings current = snapshot.get();
    if (current != null) {
      return current;
    }
    // Read and keep under the database lock so that no commit slips in between.
    return context.db().underLock(() -> load());
  }

  private LoggingSettings load() {
    LoggingSettings loaded =
        context
            .db()
            .read(
                tx ->
                    new LoggingSettings(
                        options(tx),
                        tx
                            .query(
                                "SELECT * FROM logging_levels",
                                row ->
                                    Map.entry(
                                        LoggingSettings.key(
                                            LogTargetType.valueOf(row.getString("target_type")),
                                            row.getString("target_name")),
                                        LogLevel.valueOf(row.getString("log_level"))))
                            .stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    snapshot.set(loaded);
    return loaded;
  }

  private Optional<LoggingOptions> options(Transaction tx) throws SQLException {
    return tx.queryOne(
        "SELECT * FROM logging_options WHERE id = 1",
        row ->
            new LoggingOptions(
                Optional.ofNullable(row.getString("role_arn")),
                LogLevel.valueOf(row.getString("default_log_level")),
                row.getInt("disable_all_logs") == 1));
  }

  private LoggingOptions requireConfigured(Transaction tx) throws SQLException {
    return options(tx).orElseThrow(LoggingRegistry::notConfigured);
  }

  private static void requireSpecific(LogTargetType type, String targetName) {
    if (type == LogTargetType.DEFAULT) {
      throw Errors.invalid(
          "The target type must be one of THING_GROUP, CLIENT_ID, SOURCE_IP, PRINCIPAL_ID; set the"
              + " default log level with SetV2LoggingOptions.");
    }
    if (targetName == null || targetName.isEmpty()) {
      throw Errors.invalid(
          "1 validation error detected: Value null at 'logTarget.targetName' failed to satisfy"
              + " constraint: Member must not be null");
    }
  }

  private static String key(LogTargetLevel level) {
    return level.targetType().ordinal() + "|" + level.targetName().orElse("");
  }

  private static IotException notConfigured() {
    return new IotException(
        "NotConfiguredException",
        404,
        "V2 logging is not configured for this account: call SetV2LoggingOptions first.");
  }
}
