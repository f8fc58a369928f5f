package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ThingTypeProperties;

/** {@code AWS::IoT::ThingType}: properties are fixed at creation; only deprecation changes. */
final class ThingTypeHandler implements ResourceHandler {
  private final IotClient iot;

  ThingTypeHandler(IotClient iot) {
    this.iot = iot;
  }

  @Override
  public Physical create(String name, JsonNode properties) {
    JsonNode typeProperties = properties.path("ThingTypeProperties");
    var created =
        iot.createThingType(
            r ->
                r.thingTypeName(name)
                    .thingTypeProperties(
                        ThingTypeProperties.builder()
                            .thingTypeDescription(Sdk.text(typeProperties, "ThingTypeDescription"))
                            .searchableAttributes(
                                Sdk.strings(typeProperties.get("SearchableAttributes")))
                            .build()));
    if (properties.path("DeprecateThingType").asBoolean(false)) {
      iot.deprecateThingType(r -> r.thingTypeName(name));
    }
    return new Physical(name, Map.of("Arn", created.thingTypeArn(), "Id", created.thingTypeId()));
  }

  @Override
  public void update(AppliedResource applied, JsonNode properties) {
    boolean deprecate = properties.path("DeprecateThingType").asBoolean(false);
    iot.deprecateThingType(r -> r.thingTypeName(applied.physicalId()).undoDeprecate(!deprecate));
  }

  @Override
  public boolean exists(AppliedResource applied) {
    return Sdk.found(() -> iot.describeThingType(r -> r.thingTypeName(applied.physicalId())));
  }

  @Override
  public void delete(AppliedResource applied) {
    // AWS deletes only deprecated types (and only 5 minutes after deprecation).
    Sdk.ignoringNotFound(() -> iot.deprecateThingType(r -> r.thingTypeName(applied.physicalId())));
    Sdk.ignoringNotFound(() -> iot.deleteThingType(r -> r.thingTypeName(applied.physicalId())));
  }
}
