package dev.iotctl.cdk.constructs;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a rule's SQL statement and version the way CreateTopicRule would. */
final class RuleSql {
  private static final Set<String> VERSIONS = Set.of("2015-10-08", "2016-03-23", "beta");
  private static final Pattern SHAPE =
      Pattern.compile("(?is)\\s*SELECT\\s+.+?\\s+FROM\\s+'([^']*)'(\\s+WHERE\\s+.+)?\\s*");

  private RuleSql() {}

  /**
   * A description of what is wrong, or empty when the statement is acceptable.
   *
   * <p>Minimal local check until the core IoT SQL parser is merged: SELECT … FROM '<filter>' [WHERE
   * …] with a valid MQTT topic filter.
   */
  static Optional<String> check(String sql, String version) {
    if (!VERSIONS.contains(version)) {
      return Optional.of("unknown SQL version '" + version + "' (use " + VERSIONS + ")");
    }
    Matcher m = SHAPE.matcher(sql);
    if (!m.matches()) {
      return Optional.of("SQL must have the form SELECT … FROM '<topic filter>' [WHERE …]: " + sql);
    }
    return checkFilter(m.group(1));
  }

  private static Optional<String> checkFilter(String filter) {
    if (filter.isEmpty()) {
      return Optional.of("the FROM topic filter is empty");
    }
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
        return Optional.of("invalid topic filter '" + filter + "': '#' must be a whole last level");
      }
      if (level.contains("+") && !level.equals("+")) {
        return Optional.of("invalid topic filter '" + filter + "': '+' must be a whole level");
      }
    }
    return Optional.empty();
  }
}
