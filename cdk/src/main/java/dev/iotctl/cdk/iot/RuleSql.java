package dev.iotctl.cdk.iot;

import dev.iotctl.core.error.IotException;
import java.util.Optional;

/** Checks a rule's SQL statement and version as CreateTopicRule would, with the core parser. */
final class RuleSql {
  private RuleSql() {}

  /** A description of what is wrong, or empty when AWS would accept the statement. */
  static Optional<String> check(String sql, String version) {
    try {
      dev.iotctl.core.sql.IotSql.validate(sql, version);
      return Optional.empty();
    } catch (IotException e) {
      return Optional.of("SQL: " + e.getMessage());
    }
  }
}
