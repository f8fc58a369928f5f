package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.kinesisfirehose.IDeliveryStream;

/**
 * Puts the message on an Amazon Data Firehose stream ({@code firehose:PutRecord}, or {@code
 * firehose:PutRecordBatch} in batch mode, on the stream).
 */
public final class FirehosePutRecordAction implements IAction {
  /** The separators AWS IoT accepts between records. */
  public static final Set<String> SEPARATORS = Set.of("\n", "\t", "\r\n", ",");

  private final IDeliveryStream stream;
  private final String streamName;
  private final String separator;
  private final boolean batchMode;
  private final IRole role;

  public FirehosePutRecordAction(IDeliveryStream stream) {
    this(builder(stream));
  }

  private FirehosePutRecordAction(Builder b) {
    this.stream = b.stream;
    this.streamName = b.streamName;
    if (b.separator != null && !SEPARATORS.contains(b.separator)) {
      throw new IllegalArgumentException(
          "firehose separator must be one of \\n, \\t, \\r\\n or ','");
    }
    this.separator = b.separator;
    this.batchMode = b.batchMode;
    this.role = b.role;
  }

  public static Builder builder(IDeliveryStream stream) {
    return new Builder(Targets.required(stream, "delivery stream"), null);
  }

  /** A stream in the rule's account and region, by name (substitution templates allowed). */
  public static Builder builderForStreamName(String streamName) {
    return new Builder(null, Targets.required(streamName, "delivery stream name"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    String action = batchMode ? "firehose:PutRecordBatch" : "firehose:PutRecord";
    String name = streamName;
    if (stream != null) {
      stream.grant(actionRole, action);
      name = stream.getDeliveryStreamName();
    } else {
      String arn =
          Targets.arn(
              rule, "firehose", "deliverystream", streamName, ArnFormat.SLASH_RESOURCE_NAME);
      Targets.allow(actionRole, List.of(arn), action);
    }
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .firehose(
                CfnTopicRule.FirehoseActionProperty.builder()
                    .deliveryStreamName(name)
                    .separator(separator)
                    .batchMode(batchMode)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link FirehosePutRecordAction}. */
  public static final class Builder {
    private final IDeliveryStream stream;
    private final String streamName;
    private String separator;
    private boolean batchMode;
    private IRole role;

    private Builder(IDeliveryStream stream, String streamName) {
      this.stream = stream;
      this.streamName = streamName;
    }

    /** Written between records: {@code \n}, {@code \t}, {@code \r\n} or {@code ,}. */
    public Builder separator(String separator) {
      this.separator = separator;
      return this;
    }

    /** Deliver a JSON array payload as a batch ({@code PutRecordBatch}). */
    public Builder batchMode(boolean batchMode) {
      this.batchMode = batchMode;
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public FirehosePutRecordAction build() {
      return new FirehosePutRecordAction(this);
    }
  }
}
