package dev.iotctl.cdk.constructs;

import dev.iotctl.cdk.fleet.RuleActionSpec;
import dev.iotctl.cdk.fleet.RuleSpec;
import java.util.List;
import java.util.Objects;

/** Props for {@link TelemetryRule}. */
public final class TelemetryRuleProps {
  private final String ruleName;
  private final String sql;
  private final String sqlVersion;
  private final String description;
  private final boolean enabled;
  private final List<RuleActionSpec> actions;
  private final RuleActionSpec errorAction;

  private TelemetryRuleProps(Builder b) {
    this.ruleName = Objects.requireNonNull(b.ruleName, "ruleName");
    this.sql = Objects.requireNonNull(b.sql, "sql");
    this.sqlVersion = b.sqlVersion == null ? RuleSpec.DEFAULT_SQL_VERSION : b.sqlVersion;
    this.description = b.description;
    this.enabled = b.enabled;
    this.actions = List.copyOf(b.actions);
    this.errorAction = b.errorAction;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Props for a rule declared in the fleet file. */
  public static TelemetryRuleProps of(RuleSpec spec) {
    return builder()
        .ruleName(spec.name())
        .sql(spec.sql())
        .sqlVersion(spec.sqlVersion())
        .description(spec.description())
        .enabled(spec.enabled())
        .actions(spec.actions())
        .errorAction(spec.errorAction())
        .build();
  }

  public String getRuleName() {
    return ruleName;
  }

  public String getSql() {
    return sql;
  }

  public String getSqlVersion() {
    return sqlVersion;
  }

  public String getDescription() {
    return description;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public List<RuleActionSpec> getActions() {
    return actions;
  }

  /** The action run when another action fails, or null. */
  public RuleActionSpec getErrorAction() {
    return errorAction;
  }

  /** Builder for {@link TelemetryRuleProps}. */
  public static final class Builder {
    private String ruleName;
    private String sql;
    private String sqlVersion;
    private String description;
    private boolean enabled = true;
    private List<RuleActionSpec> actions = List.of();
    private RuleActionSpec errorAction;

    public Builder ruleName(String ruleName) {
      this.ruleName = ruleName;
      return this;
    }

    public Builder sql(String sql) {
      this.sql = sql;
      return this;
    }

    public Builder sqlVersion(String sqlVersion) {
      this.sqlVersion = sqlVersion;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder actions(List<RuleActionSpec> actions) {
      this.actions = actions;
      return this;
    }

    public Builder errorAction(RuleActionSpec errorAction) {
      this.errorAction = errorAction;
      return this;
    }

    public TelemetryRuleProps build() {
      return new TelemetryRuleProps(this);
    }
  }
}
