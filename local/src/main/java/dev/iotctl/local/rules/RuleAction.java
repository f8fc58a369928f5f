package dev.iotctl.local.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of a TopicRulePayload's {@code actions} (or its {@code errorAction}): the action type,
 * e.g. {@code republish} or {@code lambda}, and its parameters as AWS spells them.
 */
public record RuleAction(String type, JsonNode params) {
  private static final List<String> TARGET_FIELDS =
      List.of(
          "topic",
          "functionArn",
          "bucketName",
          "queueUrl",
          "targetArn",
          "tableName",
          "streamName",
          "deliveryStreamName",
          "url",
          "logGroupName",
          "stateMachineName",
          "channelName",
          "inputName",
          "metricName",
          "alarmName",
          "destinationArn",
          "databaseName");

  /** The resource the action writes to (bucket, function, table...), or the type when none. */
  public String target() {
    for (String field : TARGET_FIELDS) {
      JsonNode v = params.get(field);
      if (v != null && v.isTextual()) {
        return v.textValue();
      }
    }
    return type;
  }

  /** The action's failure name in error messages, as AWS writes it: {@code S3Action}. */
  String failureName() {
    return switch (type) {
      case "s3" -> "S3Action";
      case "dynamoDB" -> "DynamoAction";
      case "dynamoDBv2" -> "DynamoActionV2";
      default -> Character.toUpperCase(type.charAt(0)) + type.substring(1) + "Action";
    };
  }
}
