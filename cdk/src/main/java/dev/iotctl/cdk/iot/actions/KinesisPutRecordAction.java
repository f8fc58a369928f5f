package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.kinesis.IStream;

/**
 * Puts the message on a Kinesis data stream ({@code kinesis:PutRecord} on the stream, plus {@code
 * kms:GenerateDataKey} on its key when encrypted).
 */
public final class KinesisPutRecordAction implements IAction {
  private final IStream stream;
  private final String streamName;
  private final String partitionKey;
  private final IRole role;

  public KinesisPutRecordAction(IStream stream) {
    this(builder(stream));
  }

  private KinesisPutRecordAction(Builder b) {
    this.stream = b.stream;
    this.streamName = b.streamName;
    this.partitionKey = b.partitionKey;
    this.role = b.role;
  }

  public static Builder builder(IStream stream) {
    return new Builder(Targets.required(stream, "stream"), null);
  }

  /** A stream in the rule's account and region, by name (substitution templates allowed). */
  public static Builder builderForStreamName(String streamName) {
    return new Builder(null, Targets.required(streamName, "stream name"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    String name = streamName;
    if (stream != null) {
      stream.grant(actionRole, "kinesis:PutRecord");
      Targets.grantKey(stream.getEncryptionKey(), actionRole, "kms:GenerateDataKey");
      name = stream.getStreamName();
    } else {
      String arn =
          Targets.arn(rule, "kinesis", "stream", streamName, ArnFormat.SLASH_RESOURCE_NAME);
      Targets.allow(actionRole, List.of(arn), "kinesis:PutRecord");
    }
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .kinesis(
                CfnTopicRule.KinesisActionProperty.builder()
                    .streamName(name)
                    .partitionKey(partitionKey)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link KinesisPutRecordAction}. */
  public static final class Builder {
    private final IStream stream;
    private final String streamName;
    private String partitionKey;
    private IRole role;

    private Builder(IStream stream, String streamName) {
      this.stream = stream;
      this.streamName = streamName;
    }

    /** The partition key (substitution templates allowed); default: a random one per record. */
    public Builder partitionKey(String partitionKey) {
      this.partitionKey = partitionKey;
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public KinesisPutRecordAction build() {
      return new KinesisPutRecordAction(this);
    }
  }
}
