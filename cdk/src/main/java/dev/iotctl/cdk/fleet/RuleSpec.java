package dev.iotctl.cdk.fleet;

import java.util.List;

/** A topic rule: its SQL and the actions (plus an optional error action) it feeds. */
public record RuleSpec(
    String name,
    String sql,
    String sqlVersion,
    String description,
    Boolean enabled,
    List<RuleActionSpec> actions,
    RuleActionSpec errorAction) {

  /** The SQL version AWS recommends and the parser defaults to. */
  public static final String DEFAULT_SQL_VERSION = "2016-03-23";

  public RuleSpec {
    Required.present(name, "name");
    Required.present(sql, "sql");
    sqlVersion = sqlVersion == null ? DEFAULT_SQL_VERSION : sqlVersion;
    enabled = enabled == null || enabled;
    actions = Required.list(actions);
  }
}
