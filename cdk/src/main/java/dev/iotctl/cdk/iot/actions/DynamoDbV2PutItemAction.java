package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;

/**
 * Writes each attribute of the message to a column of a DynamoDB table ({@code dynamodb:PutItem} on
 * the table).
 */
public final class DynamoDbV2PutItemAction implements IAction {
  private final ITable table;
  private final String tableName;
  private final IRole role;

  public DynamoDbV2PutItemAction(ITable table) {
    this(builder(table));
  }

  private DynamoDbV2PutItemAction(Builder b) {
    this.table = b.table;
    this.tableName = b.tableName;
    this.role = b.role;
  }

  public static Builder builder(ITable table) {
    return new Builder(Targets.required(table, "table"), null);
  }

  /** A table in the rule's account and region, by name (substitution templates allowed). */
  public static Builder builderForTableName(String tableName) {
    return new Builder(null, Targets.required(tableName, "table name"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    String name = tableName;
    if (table != null) {
      table.grant(actionRole, "dynamodb:PutItem");
      name = table.getTableName();
    } else {
      String arn = Targets.arn(rule, "dynamodb", "table", tableName, ArnFormat.SLASH_RESOURCE_NAME);
      Targets.allow(actionRole, List.of(arn), "dynamodb:PutItem");
    }
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .dynamoDBv2(
                CfnTopicRule.DynamoDBv2ActionProperty.builder()
                    .putItem(CfnTopicRule.PutItemInputProperty.builder().tableName(name).build())
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link DynamoDbV2PutItemAction}. */
  public static final class Builder {
    private final ITable table;
    private final String tableName;
    private IRole role;

    private Builder(ITable table, String tableName) {
      this.table = table;
      this.tableName = tableName;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public DynamoDbV2PutItemAction build() {
      return new DynamoDbV2PutItemAction(this);
    }
  }
}
