package dev.iotctl.cdk.constructs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CustomResource;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * One {@code Custom::IotctlThingBindings} resource holding the thing type and static thing groups
 * of many things: {@code Things: {<thing>: {ThingType, ThingGroups}}}. Handled by {@link
 * ThingBindingsProvider} in AWS, and read directly by {@code iotctl local apply}.
 */
public class ThingBindings extends Construct {
  /** The CloudFormation resource type. */
  public static final String RESOURCE_TYPE = "Custom::IotctlThingBindings";

  /** A thing's type (nullable) and groups. */
  public record Binding(String thingType, List<String> thingGroups) {}

  private final CustomResource resource;

  public ThingBindings(
      Construct scope, String id, String serviceToken, Map<String, Binding> bindings) {
    super(scope, id);
    Map<String, Object> things = new LinkedHashMap<>();
    bindings.forEach(
        (thing, b) -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          if (b.thingType() != null) {
            entry.put("ThingType", b.thingType());
          }
          entry.put("ThingGroups", List.copyOf(b.thingGroups()));
          things.put(thing, entry);
        });
    this.resource =
        CustomResource.Builder.create(this, "Resource")
            .serviceToken(serviceToken)
            .resourceType(RESOURCE_TYPE)
            .properties(Map.of("Things", things))
            .build();
  }

  /** Makes the bindings wait for (and be removed before) {@code dependable}. */
  public void dependOn(IDependable dependable) {
    resource.getNode().addDependency(dependable);
  }
}
