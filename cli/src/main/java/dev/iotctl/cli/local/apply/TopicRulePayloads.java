package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import software.amazon.awssdk.services.iot.model.TopicRulePayload;

/**
 * Turns an {@code AWS::IoT::TopicRule}'s {@code TopicRulePayload} into the SDK's. CloudFormation
 * spells the API's members with a capital first letter ({@code DynamoDBv2.PutItem.TableName} for
 * {@code dynamoDBv2.putItem.tableName}), so the SDK's serializable builders read it with
 * case-insensitive property names; every action type the SDK knows is covered, and an unknown
 * member fails rather than being dropped.
 */
final class TopicRulePayloads {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private TopicRulePayloads() {}

  static TopicRulePayload fromCloudFormation(JsonNode payload) {
    try {
      return MAPPER.treeToValue(payload, TopicRulePayload.serializableBuilderClass()).build();
    } catch (JsonProcessingException e) {
      throw new ApplyException("TopicRulePayload: " + e.getOriginalMessage(), e);
    }
  }
}
