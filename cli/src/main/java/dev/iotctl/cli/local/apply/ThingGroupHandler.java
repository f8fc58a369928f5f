package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ThingGroupProperties;

/** {@code AWS::IoT::ThingGroup} (static groups; the parent is fixed at creation). */
final class ThingGroupHandler implements ResourceHandler {
  private final IotClient iot;

  ThingGroupHandler(IotClient iot) {
    this.iot = iot;
  }

  @Override
  public Physical create(String name, JsonNode properties) {
    var created =
        iot.createThingGroup(
            r ->
                r.thingGroupName(name)
                    .parentGroupName(Sdk.text(properties, "ParentGroupName"))
                    .thingGroupProperties(groupProperties(properties)));
    return new Physical(name, Map.of("Arn", created.thingGroupArn(), "Id", created.thingGroupId()));
  }

  @Override
  public void update(AppliedResource applied, JsonNode properties) {
    iot.updateThingGroup(
        r ->
            r.thingGroupName(applied.physicalId())
                .thingGroupProperties(groupProperties(properties)));
  }

  @Override
  public boolean exists(AppliedResource applied) {
    return Sdk.found(() -> iot.describeThingGroup(r -> r.thingGroupName(applied.physicalId())));
  }

  @Override
  public void delete(AppliedResource applied) {
    Sdk.ignoringNotFound(() -> iot.deleteThingGroup(r -> r.thingGroupName(applied.physicalId())));
  }

  private static ThingGroupProperties groupProperties(JsonNode properties) {
    JsonNode group = properties.path("ThingGroupProperties");
    return ThingGroupProperties.builder()
        .thingGroupDescription(Sdk.text(group, "ThingGroupDescription"))
        .attributePayload(Sdk.attributes(group.get("AttributePayload")))
        .build();
  }
}
