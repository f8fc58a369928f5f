package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AttributePayload;

/** {@code AWS::IoT::Thing}: name and attributes (type and groups come from the bindings). */
final class ThingHandler implements ResourceHandler {
  private final IotClient iot;

  ThingHandler(IotClient iot) {
    this.iot = iot;
  }

  @Override
  public Physical create(String name, JsonNode properties) {
    var created =
        iot.createThing(
            r ->
                r.thingName(name)
                    .attributePayload(Sdk.attributes(properties.get("AttributePayload"))));
    return new Physical(name, Map.of("Arn", created.thingArn(), "Id", created.thingId()));
  }

  @Override
  public void update(AppliedResource applied, JsonNode properties) {
    AttributePayload attributes = Sdk.attributes(properties.get("AttributePayload"));
    // Without merge the given attributes replace the stored ones, so removed keys disappear.
    iot.updateThing(
        r ->
            r.thingName(applied.physicalId())
                .attributePayload(
                    (attributes == null ? AttributePayload.builder().build() : attributes)
                        .toBuilder().merge(false).build()));
  }

  @Override
  public boolean exists(AppliedResource applied) {
    return Sdk.found(() -> iot.describeThing(r -> r.thingName(applied.physicalId())));
  }

  @Override
  public void delete(AppliedResource applied) {
    Sdk.ignoringNotFound(() -> iot.deleteThing(r -> r.thingName(applied.physicalId())));
  }
}
