package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Sends the message to an SQS queue ({@code sqs:SendMessage} on the queue, plus {@code
 * kms:GenerateDataKey} and {@code kms:Decrypt} on its key when encrypted with one).
 */
public final class SqsQueueAction implements IAction {
  private final IQueue queue;
  private final String queueName;
  private final boolean useBase64;
  private final IRole role;

  public SqsQueueAction(IQueue queue) {
    this(builder(queue));
  }

  private SqsQueueAction(Builder b) {
    this.queue = b.queue;
    this.queueName = b.queueName;
    this.useBase64 = b.useBase64;
    this.role = b.role;
  }

  public static Builder builder(IQueue queue) {
    return new Builder(Targets.required(queue, "queue"), null);
  }

  /** A queue in the rule's account and region, by name. */
  public static Builder builderForQueueName(String queueName) {
    return new Builder(null, Targets.required(queueName, "queue name"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    String url;
    if (queue != null) {
      queue.grant(actionRole, "sqs:SendMessage");
      Targets.grantKey(
          queue.getEncryptionMasterKey(), actionRole, "kms:GenerateDataKey", "kms:Decrypt");
      url = queue.getQueueUrl();
    } else {
      Targets.allow(
          actionRole, List.of(Targets.bareArn(rule, "sqs", queueName)), "sqs:SendMessage");
      url = Fn.sub("https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/" + queueName);
    }
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .sqs(
                CfnTopicRule.SqsActionProperty.builder()
                    .queueUrl(url)
                    .useBase64(useBase64)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link SqsQueueAction}. */
  public static final class Builder {
    private final IQueue queue;
    private final String queueName;
    private boolean useBase64;
    private IRole role;

    private Builder(IQueue queue, String queueName) {
      this.queue = queue;
      this.queueName = queueName;
    }

    /** Base64-encode the message before sending it. */
    public Builder useBase64(boolean useBase64) {
      this.useBase64 = useBase64;
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public SqsQueueAction build() {
      return new SqsQueueAction(this);
    }
  }
}
