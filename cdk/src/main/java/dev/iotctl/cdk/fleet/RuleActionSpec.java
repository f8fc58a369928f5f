package dev.iotctl.cdk.fleet;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/**
 * One topic-rule action as written in {@code fleet.yaml}: a single-key map naming the action type,
 * e.g. {@code - dynamoDBv2: {table: telemetry}}. Target resources are given by name so stacks stay
 * environment-agnostic; ARNs are built in the deploying account and region.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
  @JsonSubTypes.Type(value = RuleActionSpec.Republish.class, name = "republish"),
  @JsonSubTypes.Type(value = RuleActionSpec.Lambda.class, name = "lambda"),
  @JsonSubTypes.Type(value = RuleActionSpec.DynamoDbV2.class, name = "dynamoDBv2"),
  @JsonSubTypes.Type(value = RuleActionSpec.S3.class, name = "s3"),
  @JsonSubTypes.Type(value = RuleActionSpec.Kinesis.class, name = "kinesis"),
  @JsonSubTypes.Type(value = RuleActionSpec.Firehose.class, name = "firehose"),
  @JsonSubTypes.Type(value = RuleActionSpec.Sqs.class, name = "sqs"),
  @JsonSubTypes.Type(value = RuleActionSpec.Sns.class, name = "sns"),
  @JsonSubTypes.Type(value = RuleActionSpec.CloudwatchMetric.class, name = "cloudwatchMetric"),
  @JsonSubTypes.Type(value = RuleActionSpec.CloudwatchLogs.class, name = "cloudwatchLogs"),
  @JsonSubTypes.Type(value = RuleActionSpec.IotAnalytics.class, name = "iotAnalytics"),
  @JsonSubTypes.Type(value = RuleActionSpec.IotEvents.class, name = "iotEvents"),
  @JsonSubTypes.Type(value = RuleActionSpec.Timestream.class, name = "timestream"),
  @JsonSubTypes.Type(value = RuleActionSpec.Http.class, name = "http"),
})
public sealed interface RuleActionSpec {

  /** Republishes to another MQTT topic (substitution templates allowed). */
  record Republish(String topic, Integer qos) implements RuleActionSpec {
    public Republish {
      Required.present(topic, "topic");
      qos = qos == null ? 0 : qos;
    }
  }

  /** Invokes a Lambda function, by name or ARN. */
  record Lambda(String function) implements RuleActionSpec {
    public Lambda {
      Required.present(function, "function");
    }
  }

  /** Writes each message attribute to a column of a DynamoDB table (PutItem). */
  record DynamoDbV2(String table) implements RuleActionSpec {
    public DynamoDbV2 {
      Required.present(table, "table");
    }
  }

  /** Writes the message to an S3 object. */
  record S3(String bucket, String key, String cannedAcl) implements RuleActionSpec {
    public S3 {
      Required.present(bucket, "bucket");
      Required.present(key, "key");
    }
  }

  /** Puts a record on a Kinesis data stream. */
  record Kinesis(String stream, String partitionKey) implements RuleActionSpec {
    public Kinesis {
      Required.present(stream, "stream");
    }
  }

  /** Puts a record (or a batch) on a Firehose delivery stream. */
  record Firehose(String deliveryStream, String separator, Boolean batchMode)
      implements RuleActionSpec {
    public Firehose {
      Required.present(deliveryStream, "deliveryStream");
      batchMode = Boolean.TRUE.equals(batchMode);
    }
  }

  /** Sends the message to an SQS queue, by queue name. */
  record Sqs(String queue, Boolean useBase64) implements RuleActionSpec {
    public Sqs {
      Required.present(queue, "queue");
    }
  }

  /** Publishes to an SNS topic, by topic name. */
  record Sns(String topic, String messageFormat) implements RuleActionSpec {
    public Sns {
      Required.present(topic, "topic");
    }
  }

  /** Puts a CloudWatch metric datum. */
  record CloudwatchMetric(
      String namespace, String name, String value, String unit, String timestamp)
      implements RuleActionSpec {
    public CloudwatchMetric {
      Required.present(namespace, "namespace");
      Required.present(name, "name");
      Required.present(value, "value");
      Required.present(unit, "unit");
    }
  }

  /** Writes the message to a CloudWatch Logs log group. */
  record CloudwatchLogs(String logGroup, Boolean batchMode) implements RuleActionSpec {
    public CloudwatchLogs {
      Required.present(logGroup, "logGroup");
    }
  }

  /** Sends the message to an IoT Analytics channel. */
  record IotAnalytics(String channel, Boolean batchMode) implements RuleActionSpec {
    public IotAnalytics {
      Required.present(channel, "channel");
    }
  }

  /** Sends the message to an IoT Events input. */
  record IotEvents(String input, String messageId, Boolean batchMode) implements RuleActionSpec {
    public IotEvents {
      Required.present(input, "input");
    }
  }

  /** Writes the message's measures to a Timestream table. */
  record Timestream(String database, String table, Map<String, String> dimensions)
      implements RuleActionSpec {
    public Timestream {
      Required.present(database, "database");
      Required.present(table, "table");
      dimensions = Required.map(Required.present(dimensions, "dimensions"));
    }
  }

  /** POSTs the message to an HTTPS endpoint. */
  record Http(String url, String confirmationUrl, Map<String, String> headers)
      implements RuleActionSpec {
    public Http {
      Required.present(url, "url");
      headers = Required.map(headers);
    }
  }
}
