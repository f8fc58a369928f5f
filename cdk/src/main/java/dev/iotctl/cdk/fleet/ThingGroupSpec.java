package dev.iotctl.cdk.fleet;

import java.util.Map;

/** A static thing group, optionally nested under a parent group. */
public record ThingGroupSpec(
    String name, String parent, String description, Map<String, String> attributes) {
  public ThingGroupSpec {
    Required.present(name, "name");
    attributes = Required.map(attributes);
  }
}
