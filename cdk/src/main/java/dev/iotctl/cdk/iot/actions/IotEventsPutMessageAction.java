package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;

/**
 * Sends the message to an AWS IoT Events input ({@code iotevents:BatchPutMessage} on the input).
 * IoT Events has no stable CDK construct, so the input is named.
 */
public final class IotEventsPutMessageAction implements IAction {
  private final String inputName;
  private final String messageId;
  private final boolean batchMode;
  private final IRole role;

  public IotEventsPutMessageAction(String inputName) {
    this(builder(inputName));
  }

  private IotEventsPutMessageAction(Builder b) {
    this.inputName = b.inputName;
    this.messageId = b.messageId;
    this.batchMode = b.batchMode;
    this.role = b.role;
  }

  /** An input in the rule's account and region, by name. */
  public static Builder builder(String inputName) {
    return new Builder(Targets.required(inputName, "input name"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    String arn = Targets.arn(rule, "iotevents", "input", inputName, ArnFormat.SLASH_RESOURCE_NAME);
    Targets.allow(actionRole, List.of(arn), "iotevents:BatchPutMessage");
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .iotEvents(
                CfnTopicRule.IotEventsActionProperty.builder()
                    .inputName(inputName)
                    .messageId(messageId)
                    .batchMode(batchMode)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link IotEventsPutMessageAction}. */
  public static final class Builder {
    private final String inputName;
    private String messageId;
    private boolean batchMode;
    private IRole role;

    private Builder(String inputName) {
      this.inputName = inputName;
    }

    /** The message id, e.g. {@code ${newuuid()}} (not allowed with batch mode). */
    public Builder messageId(String messageId) {
      this.messageId = messageId;
      return this;
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

    public IotEventsPutMessageAction build() {
      if (batchMode && messageId != null) {
        throw new IllegalArgumentException("iotEvents messageId cannot be set in batch mode");
      }
      return new IotEventsPutMessageAction(this);
    }
  }
}
