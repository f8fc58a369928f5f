package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;

/** Republishes the message to another MQTT topic ({@code iot:Publish} on that topic). */
public final class RepublishAction implements IAction {
  private final String topic;
  private final int qos;
  private final IRole role;

  /** Republishes to {@code topic} (substitution templates allowed) with QoS 0. */
  public RepublishAction(String topic) {
    this(builder(topic));
  }

  private RepublishAction(Builder b) {
    this.topic = Targets.required(b.topic, "republish topic");
    if (topic.contains("#") || topic.contains("+")) {
      throw new IllegalArgumentException(
          "republish topic '" + topic + "' must not contain wildcards");
    }
    if (b.qos != 0 && b.qos != 1) {
      throw new IllegalArgumentException("republish qos must be 0 or 1, got " + b.qos);
    }
    this.qos = b.qos;
    this.role = b.role;
  }

  public static Builder builder(String topic) {
    return new Builder(topic);
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    Targets.allow(
        actionRole,
        List.of(Targets.arn(rule, "iot", "topic", topic, ArnFormat.SLASH_RESOURCE_NAME)),
        "iot:Publish");
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .republish(
                CfnTopicRule.RepublishActionProperty.builder()
                    .topic(topic)
                    .qos(qos)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link RepublishAction}. */
  public static final class Builder {
    private final String topic;
    private int qos;
    private IRole role;

    private Builder(String topic) {
      this.topic = topic;
    }

    /** 0 (default) or 1. */
    public Builder qos(int qos) {
      this.qos = qos;
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public RepublishAction build() {
      return new RepublishAction(this);
    }
  }
}
