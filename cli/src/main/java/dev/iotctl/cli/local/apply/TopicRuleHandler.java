package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code AWS::IoT::TopicRule}: CreateTopicRule, ReplaceTopicRule on change. */
final class TopicRuleHandler implements ResourceHandler {
  private final IotClient iot;
  private final PseudoParameters target;

  TopicRuleHandler(IotClient iot, PseudoParameters target) {
    this.iot = iot;
    this.target = target;
  }

  @Override
  public Physical create(String name, JsonNode properties) {
    iot.createTopicRule(r -> r.ruleName(name).topicRulePayload(payload(properties)));
    String arn =
        "arn:%s:iot:%s:%s:rule/%s"
            .formatted(target.partition(), target.region(), target.accountId(), name);
    return new Physical(name, Map.of("Arn", arn));
  }

  @Override
  public void update(AppliedResource applied, JsonNode properties) {
    iot.replaceTopicRule(
        r -> r.ruleName(applied.physicalId()).topicRulePayload(payload(properties)));
  }

  @Override
  public boolean exists(AppliedResource applied) {
    return Sdk.found(() -> iot.getTopicRule(r -> r.ruleName(applied.physicalId())));
  }

  @Override
  public void delete(AppliedResource applied) {
    Sdk.ignoringNotFound(() -> iot.deleteTopicRule(r -> r.ruleName(applied.physicalId())));
  }

  private static software.amazon.awssdk.services.iot.model.TopicRulePayload payload(
      JsonNode properties) {
    JsonNode payload = properties.get("TopicRulePayload");
    if (payload == null) {
      throw new ApplyException("property TopicRulePayload is required");
    }
    return TopicRulePayloads.fromCloudFormation(payload);
  }
}
