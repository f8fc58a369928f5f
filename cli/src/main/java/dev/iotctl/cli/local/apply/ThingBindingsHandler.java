package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * {@code Custom::IotctlThingBindings}, the CDK app's resource for what {@code AWS::IoT::Thing}
 * cannot say: {@code Things: {<thing>: {ThingType, ThingGroups}}}. Applied here as its Lambda does
 * in AWS: the difference between the old and the new map (UpdateThing, AddThingToThingGroup,
 * RemoveThingFromThingGroup).
 */
final class ThingBindingsHandler implements ResourceHandler {
  private static final JsonNode NONE = JsonNodeFactory.instance.objectNode();
  private final IotClient iot;
  private final String stackName;

  ThingBindingsHandler(IotClient iot, String stackName) {
    this.iot = iot;
    this.stackName = stackName;
  }

  @Override
  public Physical create(String name, JsonNode properties) {
    apply(NONE, things(properties));
    return new Physical(stackName + "-bindings", Map.of());
  }

  @Override
  public void update(AppliedResource applied, JsonNode properties) {
    apply(things(applied.properties()), things(properties));
  }

  /** Nothing of its own exists remotely; its effects are re-applied when a thing is re-created. */
  @Override
  public boolean exists(AppliedResource applied) {
    return true;
  }

  @Override
  public void delete(AppliedResource applied) {
    apply(things(applied.properties()), NONE);
  }

  private static JsonNode things(JsonNode properties) {
    return properties.path("Things").isObject() ? properties.get("Things") : NONE;
  }

  private void apply(JsonNode old, JsonNode wanted) {
    wanted
        .fields()
        .forEachRemaining(
            e -> {
              String thing = e.getKey();
              JsonNode before = old.path(thing);
              String type = Sdk.text(e.getValue(), "ThingType");
              String had = Sdk.text(before, "ThingType");
              if (type != null && !type.equals(had)) {
                iot.updateThing(r -> r.thingName(thing).thingTypeName(type));
              } else if (type == null && had != null) {
                iot.updateThing(r -> r.thingName(thing).removeThingType(true));
              }
              Set<String> groups =
                  new LinkedHashSet<>(Sdk.strings(e.getValue().get("ThingGroups")));
              Set<String> hadGroups = new LinkedHashSet<>(Sdk.strings(before.get("ThingGroups")));
              for (String group : groups) {
                if (!hadGroups.contains(group)) {
                  iot.addThingToThingGroup(r -> r.thingName(thing).thingGroupName(group));
                }
              }
              hadGroups.removeAll(groups);
              hadGroups.forEach(group -> remove(thing, group));
            });
    old.fields()
        .forEachRemaining(
            e -> {
              if (!wanted.has(e.getKey())) {
                Sdk.strings(e.getValue().get("ThingGroups")).forEach(g -> remove(e.getKey(), g));
              }
            });
  }

  private void remove(String thing, String group) {
    Sdk.ignoringNotFound(
        () -> iot.removeThingFromThingGroup(r -> r.thingName(thing).thingGroupName(group)));
  }
}
