package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;

/**
 * Writes the message's measures to an Amazon Timestream table ({@code timestream:WriteRecords} on
 * the table, and the account-wide {@code timestream:DescribeEndpoints} the SDK needs first).
 */
public final class TimestreamAction implements IAction {
  private final String databaseName;
  private final String tableName;
  private final Map<String, String> dimensions;
  private final IRole role;

  private TimestreamAction(Builder b) {
    this.databaseName = b.databaseName;
    this.tableName = b.tableName;
    if (b.dimensions.isEmpty() || b.dimensions.size() > 128) {
      throw new IllegalArgumentException("timestream needs 1 to 128 dimensions");
    }
    this.dimensions = b.dimensions;
    this.role = b.role;
  }

  /** A table in the rule's account and region, by database and table name. */
  public static Builder builder(String databaseName, String tableName) {
    return new Builder(
        Targets.required(databaseName, "database name"), Targets.required(tableName, "table name"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    String table =
        Targets.arn(
            rule,
            "timestream",
            "database",
            databaseName + "/table/" + tableName,
            ArnFormat.SLASH_RESOURCE_NAME);
    Targets.allow(actionRole, List.of(table), "timestream:WriteRecords");
    // DescribeEndpoints is account-wide by design.
    Targets.allow(actionRole, List.of("*"), "timestream:DescribeEndpoints");
    List<Object> rendered = new ArrayList<>();
    dimensions.forEach(
        (name, value) ->
            rendered.add(
                CfnTopicRule.TimestreamDimensionProperty.builder()
                    .name(name)
                    .value(value)
                    .build()));
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .timestream(
                CfnTopicRule.TimestreamActionProperty.builder()
                    .databaseName(databaseName)
                    .tableName(tableName)
                    .dimensions(rendered)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link TimestreamAction}. */
  public static final class Builder {
    private final String databaseName;
    private final String tableName;
    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private IRole role;

    private Builder(String databaseName, String tableName) {
      this.databaseName = databaseName;
      this.tableName = tableName;
    }

    /** A dimension (value: substitution templates allowed); at least one is required. */
    public Builder dimension(String name, String value) {
      dimensions.put(Targets.required(name, "dimension name"), value);
      return this;
    }

    /** Dimensions, in the order given. */
    public Builder dimensions(Map<String, String> dimensions) {
      dimensions.forEach(this::dimension);
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public TimestreamAction build() {
      return new TimestreamAction(this);
    }
  }
}
