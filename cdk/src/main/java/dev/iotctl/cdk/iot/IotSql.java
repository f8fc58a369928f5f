package dev.iotctl.cdk.iot;

import java.util.List;
import java.util.Objects;

/**
 * A topic rule's SQL statement and the IoT SQL version it is written for. Checked at synth by the
 * same parser the local stand-in uses, so a statement AWS would refuse fails synthesis.
 */
public final class IotSql {
  /** The SQL version AWS recommends. */
  public static final String VERSION_2016_03_23 = "2016-03-23";

  /** The original SQL version. */
  public static final String VERSION_2015_10_08 = "2015-10-08";

  /** The newest, unstable version. */
  public static final String VERSION_BETA = "beta";

  private static final List<String> VERSIONS =
      List.of(VERSION_2015_10_08, VERSION_2016_03_23, VERSION_BETA);

  private final String sql;
  private final String version;

  private IotSql(String sql, String version) {
    this.sql = Objects.requireNonNull(sql, "sql");
    this.version = Objects.requireNonNull(version, "version");
  }

  /** A statement in SQL version 2016-03-23. */
  public static IotSql fromStringAsVer20160323(String sql) {
    return new IotSql(sql, VERSION_2016_03_23);
  }

  /** A statement in SQL version 2015-10-08. */
  public static IotSql fromStringAsVer20151008(String sql) {
    return new IotSql(sql, VERSION_2015_10_08);
  }

  /** A statement in the newest, unstable SQL version ({@code beta}). */
  public static IotSql fromStringAsVerNewestUnstable(String sql) {
    return new IotSql(sql, VERSION_BETA);
  }

  /**
   * A statement in the named version (one of 2015-10-08, 2016-03-23, beta).
   *
   * @throws IllegalArgumentException for another version
   */
  public static IotSql of(String sql, String version) {
    if (!VERSIONS.contains(version)) {
      throw new IllegalArgumentException(
          "SQL version '" + version + "' must be one of " + String.join(", ", VERSIONS));
    }
    return new IotSql(sql, version);
  }

  public String getSql() {
    return sql;
  }

  public String getVersion() {
    return version;
  }
}
