package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Publishes the message to an SNS topic ({@code sns:Publish} on the topic, plus what its KMS key
 * needs when it has one, through {@link ITopic#grantPublish}).
 */
public final class SnsTopicAction implements IAction {
  /** The message formats AWS IoT accepts. */
  public static final Set<String> FORMATS = Set.of("RAW", "JSON");

  private final ITopic topic;
  private final String topicName;
  private final String messageFormat;
  private final IRole role;

  public SnsTopicAction(ITopic topic) {
    this(builder(topic));
  }

  private SnsTopicAction(Builder b) {
    this.topic = b.topic;
    this.topicName = b.topicName;
    if (b.messageFormat != null && !FORMATS.contains(b.messageFormat)) {
      throw new IllegalArgumentException(
          "sns messageFormat must be RAW or JSON, got '" + b.messageFormat + "'");
    }
    this.messageFormat = b.messageFormat;
    this.role = b.role;
  }

  public static Builder builder(ITopic topic) {
    return new Builder(Targets.required(topic, "topic"), null);
  }

  /** A topic in the rule's account and region, by name (substitution templates allowed). */
  public static Builder builderForTopicName(String topicName) {
    return new Builder(null, Targets.required(topicName, "topic name"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    String arn;
    if (topic != null) {
      topic.grantPublish(actionRole);
      arn = topic.getTopicArn();
    } else {
      arn = Targets.literalBareArn(rule, "sns", topicName);
      Targets.allow(actionRole, List.of(Targets.bareArn(rule, "sns", topicName)), "sns:Publish");
    }
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .sns(
                CfnTopicRule.SnsActionProperty.builder()
                    .targetArn(arn)
                    .messageFormat(messageFormat)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link SnsTopicAction}. */
  public static final class Builder {
    private final ITopic topic;
    private final String topicName;
    private String messageFormat;
    private IRole role;

    private Builder(ITopic topic, String topicName) {
      this.topic = topic;
      this.topicName = topicName;
    }

    /** {@code RAW} (default) or {@code JSON}. */
    public Builder messageFormat(String messageFormat) {
      this.messageFormat = messageFormat;
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public SnsTopicAction build() {
      return new SnsTopicAction(this);
    }
  }
}
