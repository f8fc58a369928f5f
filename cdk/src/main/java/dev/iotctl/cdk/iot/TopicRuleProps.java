package dev.iotctl.cdk.iot;

import java.util.List;
import java.util.Objects;

/** Props for {@link TopicRule}. */
public final class TopicRuleProps {
  private final String topicRuleName;
  private final IotSql sql;
  private final String description;
  private final boolean enabled;
  private final List<IAction> actions;
  private final IAction errorAction;

  private TopicRuleProps(Builder b) {
    this.topicRuleName = b.topicRuleName;
    this.sql = Objects.requireNonNull(b.sql, "sql");
    this.description = b.description;
    this.enabled = b.enabled;
    this.actions = List.copyOf(b.actions);
    this.errorAction = b.errorAction;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The rule's name ({@code [a-zA-Z0-9_]}); CloudFormation generates one when null. */
  public String getTopicRuleName() {
    return topicRuleName;
  }

  public IotSql getSql() {
    return sql;
  }

  public String getDescription() {
    return description;
  }

  /** Whether the rule runs (default true). */
  public boolean isEnabled() {
    return enabled;
  }

  /** The rule's actions (1 to 10 in all, with those added later). */
  public List<IAction> getActions() {
    return actions;
  }

  /** The action run when another action fails, or null. */
  public IAction getErrorAction() {
    return errorAction;
  }

  /** Builder for {@link TopicRuleProps}. */
  public static final class Builder {
    private String topicRuleName;
    private IotSql sql;
    private String description;
    private boolean enabled = true;
    private List<IAction> actions = List.of();
    private IAction errorAction;

    public Builder topicRuleName(String topicRuleName) {
      this.topicRuleName = topicRuleName;
      return this;
    }

    public Builder sql(IotSql sql) {
      this.sql = sql;
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

    public Builder actions(List<IAction> actions) {
      this.actions = actions;
      return this;
    }

    public Builder errorAction(IAction errorAction) {
      this.errorAction = errorAction;
      return this;
    }

    public TopicRuleProps build() {
      return new TopicRuleProps(this);
    }
  }
}
