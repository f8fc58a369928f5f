package dev.iotctl.cdk.fleet;

import dev.iotctl.cdk.fleet.RuleActionSpec.CloudwatchLogs;
import dev.iotctl.cdk.fleet.RuleActionSpec.CloudwatchMetric;
import dev.iotctl.cdk.fleet.RuleActionSpec.DynamoDbV2;
import dev.iotctl.cdk.fleet.RuleActionSpec.Firehose;
import dev.iotctl.cdk.fleet.RuleActionSpec.Http;
import dev.iotctl.cdk.fleet.RuleActionSpec.IotAnalytics;
import dev.iotctl.cdk.fleet.RuleActionSpec.IotEvents;
import dev.iotctl.cdk.fleet.RuleActionSpec.Kinesis;
import dev.iotctl.cdk.fleet.RuleActionSpec.Lambda;
import dev.iotctl.cdk.fleet.RuleActionSpec.Republish;
import dev.iotctl.cdk.fleet.RuleActionSpec.S3;
import dev.iotctl.cdk.fleet.RuleActionSpec.Sns;
import dev.iotctl.cdk.fleet.RuleActionSpec.Sqs;
import dev.iotctl.cdk.fleet.RuleActionSpec.Timestream;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.actions.CloudWatchLogsAction;
import dev.iotctl.cdk.iot.actions.CloudWatchPutMetricAction;
import dev.iotctl.cdk.iot.actions.DynamoDbV2PutItemAction;
import dev.iotctl.cdk.iot.actions.FirehosePutRecordAction;
import dev.iotctl.cdk.iot.actions.HttpsAction;
import dev.iotctl.cdk.iot.actions.IotAnalyticsPutMessageAction;
import dev.iotctl.cdk.iot.actions.IotEventsPutMessageAction;
import dev.iotctl.cdk.iot.actions.KinesisPutRecordAction;
import dev.iotctl.cdk.iot.actions.LambdaFunctionAction;
import dev.iotctl.cdk.iot.actions.RepublishAction;
import dev.iotctl.cdk.iot.actions.S3PutObjectAction;
import dev.iotctl.cdk.iot.actions.SnsTopicAction;
import dev.iotctl.cdk.iot.actions.SqsQueueAction;
import dev.iotctl.cdk.iot.actions.TimestreamAction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionAttributes;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * Turns a fleet-file rule action into a construct-library action. Targets are named in the
 * deploying account and region; settings AWS would refuse throw {@link IllegalArgumentException}.
 */
public final class RuleActionFactory {
  private RuleActionFactory() {}

  /**
   * @param scope where imported targets (Lambda functions) are declared
   * @param id a unique id under {@code scope} for this action's imports
   */
  public static IAction create(Construct scope, String id, RuleActionSpec spec) {
    if (spec instanceof Republish r) {
      return RepublishAction.builder(r.topic()).qos(r.qos()).build();
    }
    if (spec instanceof Lambda l) {
      return new LambdaFunctionAction(function(scope, id, l.function()));
    }
    if (spec instanceof DynamoDbV2 d) {
      return DynamoDbV2PutItemAction.builderForTableName(d.table()).build();
    }
    if (spec instanceof S3 s) {
      return S3PutObjectAction.builderForBucketName(s.bucket())
          .key(s.key())
          .cannedAcl(s.cannedAcl())
          .build();
    }
    if (spec instanceof Kinesis k) {
      return KinesisPutRecordAction.builderForStreamName(k.stream())
          .partitionKey(k.partitionKey())
          .build();
    }
    if (spec instanceof Firehose f) {
      return FirehosePutRecordAction.builderForStreamName(f.deliveryStream())
          .separator(f.separator())
          .batchMode(f.batchMode())
          .build();
    }
    if (spec instanceof Sqs q) {
      return SqsQueueAction.builderForQueueName(q.queue())
          .useBase64(Boolean.TRUE.equals(q.useBase64()))
          .build();
    }
    if (spec instanceof Sns s) {
      return SnsTopicAction.builderForTopicName(s.topic()).messageFormat(s.messageFormat()).build();
    }
    if (spec instanceof CloudwatchMetric m) {
      return CloudWatchPutMetricAction.builder(m.namespace(), m.name(), m.value(), m.unit())
          .timestamp(m.timestamp())
          .build();
    }
    if (spec instanceof CloudwatchLogs l) {
      return CloudWatchLogsAction.builderForLogGroupName(l.logGroup())
          .batchMode(Boolean.TRUE.equals(l.batchMode()))
          .build();
    }
    if (spec instanceof IotAnalytics a) {
      return IotAnalyticsPutMessageAction.builder(a.channel())
          .batchMode(Boolean.TRUE.equals(a.batchMode()))
          .build();
    }
    if (spec instanceof IotEvents e) {
      return IotEventsPutMessageAction.builder(e.input())
          .messageId(e.messageId())
          .batchMode(Boolean.TRUE.equals(e.batchMode()))
          .build();
    }
    if (spec instanceof Timestream t) {
      return TimestreamAction.builder(t.database(), t.table()).dimensions(t.dimensions()).build();
    }
    if (spec instanceof Http h) {
      return HttpsAction.builder(h.url())
          .confirmationUrl(h.confirmationUrl())
          .headers(h.headers())
          .build();
    }
    throw new IllegalArgumentException("unsupported rule action " + spec);
  }

  /** A function by ARN, or by name in the deploying account and region. */
  private static IFunction function(Construct scope, String id, String nameOrArn) {
    String id2 = id + "Function";
    if (nameOrArn.startsWith("arn:")) {
      return Function.fromFunctionArn(scope, id2, nameOrArn);
    }
    return Function.fromFunctionAttributes(
        scope,
        id2,
        FunctionAttributes.builder()
            .functionArn(
                software.amazon.awscdk.Stack.of(scope)
                    .formatArn(
                        software.amazon.awscdk.ArnComponents.builder()
                            .service("lambda")
                            .resource("function")
                            .resourceName(nameOrArn)
                            .arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME)
                            .build()))
            .sameEnvironment(true)
            .build());
  }
}
