package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * Writes the message to a CloudWatch Logs log group ({@code logs:CreateLogStream}, {@code
 * logs:DescribeLogStreams} and {@code logs:PutLogEvents} on the group).
 */
public final class CloudWatchLogsAction implements IAction {
  private static final String[] ACTIONS = {
    "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"
  };

  private final ILogGroup logGroup;
  private final String logGroupName;
  private final boolean batchMode;
  private final IRole role;

  public CloudWatchLogsAction(ILogGroup logGroup) {
    this(builder(logGroup));
  }

  private CloudWatchLogsAction(Builder b) {
    this.logGroup = b.logGroup;
    this.logGroupName = b.logGroupName;
    this.batchMode = b.batchMode;
    this.role = b.role;
  }

  public static Builder builder(ILogGroup logGroup) {
    return new Builder(Targets.required(logGroup, "log group"), null);
  }

  /** A log group in the rule's account and region, by name. */
  public static Builder builderForLogGroupName(String logGroupName) {
    return new Builder(null, Targets.required(logGroupName, "log group name"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    String name = logGroupName;
    if (logGroup != null) {
      logGroup.grant(actionRole, ACTIONS);
      name = logGroup.getLogGroupName();
    } else {
      String arn =
          Targets.arn(
              rule, "logs", "log-group", logGroupName + ":*", ArnFormat.COLON_RESOURCE_NAME);
      Targets.allow(actionRole, List.of(arn), ACTIONS);
    }
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .cloudwatchLogs(
                CfnTopicRule.CloudwatchLogsActionProperty.builder()
                    .logGroupName(name)
                    .batchMode(batchMode)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link CloudWatchLogsAction}. */
  public static final class Builder {
    private final ILogGroup logGroup;
    private final String logGroupName;
    private boolean batchMode;
    private IRole role;

    private Builder(ILogGroup logGroup, String logGroupName) {
      this.logGroup = logGroup;
      this.logGroupName = logGroupName;
    }

    /** Write a JSON array payload as one batch of log events. */
    public Builder batchMode(boolean batchMode) {
      this.batchMode = batchMode;
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public CloudWatchLogsAction build() {
      return new CloudWatchLogsAction(this);
    }
  }
}
