package dev.iotctl.core.sql;

import java.util.Locale;

/**
 * The {@code awsIotSqlVersion} of a topic rule. {@code 2016-03-23} is the default and the one the
 * docs recommend; {@code beta} is evaluated like {@code 2016-03-23}.
 *
 * <p>Where {@code 2015-10-08} differs here: no object/array literals, no nested {@code SELECT}, no
 * functions marked "2016-03-23 and later" ({@code encode}, {@code decode}, {@code isUndefined},
 * {@code length}, {@code indexof}, {@code numbytes}, {@code parse_time}, {@code time_to_epoch},
 * {@code transform}, {@code get_dynamodb}), no {@code cast} to {@code Decimal}/{@code Bool}/{@code
 * Boolean}, and whole-number decimals stay {@code Decimal} (2016-03-23 turns {@code 10.0} into the
 * {@code Int} 10).
 */
public enum SqlVersion {
  V2015_10_08("2015-10-08"),
  V2016_03_23("2016-03-23"),
  BETA("beta");

  /** The version a rule gets when {@code awsIotSqlVersion} is omitted. */
  public static final SqlVersion DEFAULT = V2016_03_23;

  private final String label;

  SqlVersion(String label) {
    this.label = label;
  }

  /** The value as written in {@code awsIotSqlVersion}. */
  public String label() {
    return label;
  }

  /** True for the versions with the 2016-03-23 features (literals, nested queries, encode...). */
  public boolean atLeast2016() {
    return this != V2015_10_08;
  }

  /**
   * Resolves {@code awsIotSqlVersion}; {@code null} means the default.
   *
   * @throws dev.iotctl.core.error.IotException {@code InvalidRequestException} for other values
   */
  public static SqlVersion of(String awsIotSqlVersion) {
    if (awsIotSqlVersion == null) {
      return DEFAULT;
    }
    for (SqlVersion v : values()) {
      if (v.label.equals(awsIotSqlVersion.toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    throw dev.iotctl.core.error.IotException.invalidRequest(
        "Invalid awsIotSqlVersion: "
            + awsIotSqlVersion
            + ". Valid values: 2015-10-08, 2016-03-23, beta");
  }
}
