package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;

/**
 * Sends the message to an AWS IoT Analytics channel ({@code iotanalytics:BatchPutMessage} on the
 * channel). CDK has no IoT Analytics construct, so the channel is named.
 */
public final class IotAnalyticsPutMessageAction implements IAction {
  private final String channelName;
  private final boolean batchMode;
  private final IRole role;

  public IotAnalyticsPutMessageAction(String channelName) {
    this(builder(channelName));
  }

  private IotAnalyticsPutMessageAction(Builder b) {
    this.channelName = b.channelName;
    this.batchMode = b.batchMode;
    this.role = b.role;
  }

  /** A channel in the rule's account and region, by name. */
  public static Builder builder(String channelName) {
    return new Builder(Targets.required(channelName, "channel name"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    String arn =
        Targets.arn(rule, "iotanalytics", "channel", channelName, ArnFormat.SLASH_RESOURCE_NAME);
    Targets.allow(actionRole, List.of(arn), "iotanalytics:BatchPutMessage");
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .iotAnalytics(
                CfnTopicRule.IotAnalyticsActionProperty.builder()
                    .channelName(channelName)
                    .batchMode(batchMode)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link IotAnalyticsPutMessageAction}. */
  public static final class Builder {
    private final String channelName;
    private boolean batchMode;
    private IRole role;

    private Builder(String channelName) {
      this.channelName = channelName;
    }

    /** Send a JSON array payload as a batch of messages. */
    public Builder batchMode(boolean batchMode) {
      this.batchMode = batchMode;
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public IotAnalyticsPutMessageAction build() {
      return new IotAnalyticsPutMessageAction(this);
    }
  }
}
