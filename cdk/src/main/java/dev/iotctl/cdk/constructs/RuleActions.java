package dev.iotctl.cdk.constructs;

import dev.iotctl.cdk.fleet.RuleActionSpec;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.iot.CfnTopicRule.ActionProperty;

/**
 * Turns fleet-file rule actions into {@code AWS::IoT::TopicRule} actions and the IAM statements
 * each needs, scoped to the one target resource it writes to. Substitution templates such as {@code
 * ${topic(2)}} in a target name widen only that part of the ARN to {@code *}.
 */
final class RuleActions {
  private static final Set<String> SNS_FORMATS = Set.of("RAW", "JSON");

  private final Stack stack;

  RuleActions(Stack stack) {
    this.stack = stack;
  }

  /** Lambda uses a resource policy and HTTP needs no AWS permission; all others need the role. */
  static boolean needsRole(RuleActionSpec action) {
    return !(action instanceof Lambda || action instanceof Http);
  }

  /** Problems with the action's settings, phrased for a message that names the rule. */
  static List<String> check(RuleActionSpec action) {
    List<String> problems = new ArrayList<>();
    if (action instanceof Republish r) {
      if (r.qos() != 0 && r.qos() != 1) {
        problems.add("republish qos must be 0 or 1, got " + r.qos());
      }
      if (r.topic().contains("#") || r.topic().contains("+")) {
        problems.add("republish topic '" + r.topic() + "' must not contain wildcards");
      }
    } else if (action instanceof Http h && !h.url().startsWith("https://")) {
      problems.add("http url '" + h.url() + "' must use https");
    } else if (action instanceof Sns s
        && s.messageFormat() != null
        && !SNS_FORMATS.contains(s.messageFormat())) {
      problems.add("sns messageFormat must be RAW or JSON, got '" + s.messageFormat() + "'");
    }
    return problems;
  }

  /** The least-privilege statements the rule's role needs for this action (none for some). */
  List<PolicyStatement> statements(RuleActionSpec action) {
    if (action instanceof Republish r) {
      return List.of(allow(arn("iot", "topic", wildcard(r.topic())), "iot:Publish"));
    }
    if (action instanceof DynamoDbV2 d) {
      return List.of(allow(arn("dynamodb", "table", d.table()), "dynamodb:PutItem"));
    }
    if (action instanceof S3 s) {
      String object =
          "arn:" + stack.getPartition() + ":s3:::" + s.bucket() + "/" + wildcard(s.key());
      return s.cannedAcl() == null
          ? List.of(allow(object, "s3:PutObject"))
          : List.of(allow(object, "s3:PutObject", "s3:PutObjectAcl"));
    }
    if (action instanceof Kinesis k) {
      return List.of(allow(arn("kinesis", "stream", k.stream()), "kinesis:PutRecord"));
    }
    if (action instanceof Firehose f) {
      String stream = arn("firehose", "deliverystream", f.deliveryStream());
      return f.batchMode()
          ? List.of(allow(stream, "firehose:PutRecordBatch"))
          : List.of(allow(stream, "firehose:PutRecord"));
    }
    if (action instanceof Sqs q) {
      return List.of(allow(bare("sqs", q.queue()), "sqs:SendMessage"));
    }
    if (action instanceof Sns s) {
      return List.of(allow(bare("sns", s.topic()), "sns:Publish"));
    }
    if (action instanceof CloudwatchMetric m) {
      // PutMetricData has no resource type; the namespace condition is the narrowest scope.
      return List.of(
          PolicyStatement.Builder.create()
              .actions(List.of("cloudwatch:PutMetricData"))
              .resources(List.of("*"))
              .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", m.namespace())))
              .build());
    }
    if (action instanceof CloudwatchLogs l) {
      String group =
          stack.formatArn(
              ArnComponents.builder()
                  .service("logs")
                  .resource("log-group")
                  .resourceName(l.logGroup() + ":*")
                  .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                  .build());
      return List.of(
          allow(group, "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"));
    }
    if (action instanceof IotAnalytics a) {
      return List.of(
          allow(arn("iotanalytics", "channel", a.channel()), "iotanalytics:BatchPutMessage"));
    }
    if (action instanceof IotEvents e) {
      return List.of(allow(arn("iotevents", "input", e.input()), "iotevents:BatchPutMessage"));
    }
    if (action instanceof Timestream t) {
      String table = arn("timestream", "database", t.database() + "/table/" + t.table());
      return List.of(
          allow(table, "timestream:WriteRecords"),
          // DescribeEndpoints is account-wide by design.
          allow("*", "timestream:DescribeEndpoints"));
    }
    return List.of();
  }

  /** The rule action, using {@code roleArn} where the action needs a role. */
  ActionProperty action(RuleActionSpec action, String roleArn) {
    ActionProperty.Builder out = ActionProperty.builder();
    if (action instanceof Republish r) {
      out.republish(
          CfnTopicRule.RepublishActionProperty.builder()
              .topic(r.topic())
              .qos(r.qos())
              .roleArn(roleArn)
              .build());
    } else if (action instanceof Lambda l) {
      out.lambda(CfnTopicRule.LambdaActionProperty.builder().functionArn(lambdaArn(l)).build());
    } else if (action instanceof DynamoDbV2 d) {
      out.dynamoDBv2(
          CfnTopicRule.DynamoDBv2ActionProperty.builder()
              .putItem(CfnTopicRule.PutItemInputProperty.builder().tableName(d.table()).build())
              .roleArn(roleArn)
              .build());
    } else if (action instanceof S3 s) {
      out.s3(
          CfnTopicRule.S3ActionProperty.builder()
              .bucketName(s.bucket())
              .key(s.key())
              .cannedAcl(s.cannedAcl())
              .roleArn(roleArn)
              .build());
    } else if (action instanceof Kinesis k) {
      out.kinesis(
          CfnTopicRule.KinesisActionProperty.builder()
              .streamName(k.stream())
              .partitionKey(k.partitionKey())
              .roleArn(roleArn)
              .build());
    } else if (action instanceof Firehose f) {
      out.firehose(
          CfnTopicRule.FirehoseActionProperty.builder()
              .deliveryStreamName(f.deliveryStream())
              .separator(f.separator())
              .batchMode(f.batchMode())
              .roleArn(roleArn)
              .build());
    } else if (action instanceof Sqs q) {
      out.sqs(
          CfnTopicRule.SqsActionProperty.builder()
              .queueUrl(
                  Fn.sub(
                      "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/"
                          + q.queue()))
              .useBase64(q.useBase64())
              .roleArn(roleArn)
              .build());
    } else if (action instanceof Sns s) {
      out.sns(
          CfnTopicRule.SnsActionProperty.builder()
              .targetArn(bare("sns", s.topic()))
              .messageFormat(s.messageFormat())
              .roleArn(roleArn)
              .build());
    } else if (action instanceof CloudwatchMetric m) {
      out.cloudwatchMetric(
          CfnTopicRule.CloudwatchMetricActionProperty.builder()
              .metricNamespace(m.namespace())
              .metricName(m.name())
              .metricValue(m.value())
              .metricUnit(m.unit())
              .metricTimestamp(m.timestamp())
              .roleArn(roleArn)
              .build());
    } else if (action instanceof CloudwatchLogs l) {
      out.cloudwatchLogs(
          CfnTopicRule.CloudwatchLogsActionProperty.builder()
              .logGroupName(l.logGroup())
              .batchMode(l.batchMode())
              .roleArn(roleArn)
              .build());
    } else if (action instanceof IotAnalytics a) {
      out.iotAnalytics(
          CfnTopicRule.IotAnalyticsActionProperty.builder()
              .channelName(a.channel())
              .batchMode(a.batchMode())
              .roleArn(roleArn)
              .build());
    } else if (action instanceof IotEvents e) {
      out.iotEvents(
          CfnTopicRule.IotEventsActionProperty.builder()
              .inputName(e.input())
              .messageId(e.messageId())
              .batchMode(e.batchMode())
              .roleArn(roleArn)
              .build());
    } else if (action instanceof Timestream t) {
      List<Object> dimensions = new ArrayList<>();
      t.dimensions().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              d ->
                  dimensions.add(
                      CfnTopicRule.TimestreamDimensionProperty.builder()
                          .name(d.getKey())
                          .value(d.getValue())
                          .build()));
      out.timestream(
          CfnTopicRule.TimestreamActionProperty.builder()
              .databaseName(t.database())
              .tableName(t.table())
              .dimensions(dimensions)
              .roleArn(roleArn)
              .build());
    } else if (action instanceof Http h) {
      List<Object> headers = new ArrayList<>();
      h.headers().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  headers.add(
                      CfnTopicRule.HttpActionHeaderProperty.builder()
                          .key(e.getKey())
                          .value(e.getValue())
                          .build()));
      out.http(
          CfnTopicRule.HttpActionProperty.builder()
              .url(h.url())
              .confirmationUrl(h.confirmationUrl())
              .headers(headers.isEmpty() ? null : headers)
              .build());
    }
    return out.build();
  }

  /** The function ARN: given as an ARN, or built from a name in the deploying account/region. */
  String lambdaArn(Lambda lambda) {
    if (lambda.function().startsWith("arn:")) {
      return lambda.function();
    }
    return stack.formatArn(
        ArnComponents.builder()
            .service("lambda")
            .resource("function")
            .resourceName(lambda.function())
            .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
            .build());
  }

  private String arn(String service, String resource, String name) {
    return stack.formatArn(
        ArnComponents.builder().service(service).resource(resource).resourceName(name).build());
  }

  /** ARNs whose resource part is just the name (SQS queues, SNS topics). */
  private String bare(String service, String name) {
    return stack.formatArn(ArnComponents.builder().service(service).resource(name).build());
  }

  private static PolicyStatement allow(String resource, String... actions) {
    return PolicyStatement.Builder.create()
        .actions(List.of(actions))
        .resources(List.of(resource))
        .build();
  }

  private static String wildcard(String name) {
    return name.replaceAll("\\$\\{[^}]*}", "*");
  }
}
