package dev.iotctl.cdk.fleet;

import java.util.List;

/**
 * The root of {@code fleet.yaml}: everything one fleet declares.
 *
 * @param name fleet name, the prefix of every stack name
 * @param shards how many shard stacks things are hashed into (fixed for the life of the fleet)
 */
public record FleetSpec(
    String name,
    Integer shards,
    List<ThingTypeSpec> thingTypes,
    List<ThingGroupSpec> thingGroups,
    List<PolicySpec> policies,
    List<ThingSpec> things,
    List<RuleSpec> rules) {

  /** Shard count used when the fleet file does not set {@code shards}. */
  public static final int DEFAULT_SHARDS = 16;

  public FleetSpec {
    Required.present(name, "name");
    shards = shards == null ? DEFAULT_SHARDS : shards;
    if (shards < 1 || shards > 999) {
      throw new IllegalArgumentException("shards must be between 1 and 999, got " + shards);
    }
    thingTypes = Required.list(thingTypes);
    thingGroups = Required.list(thingGroups);
    policies = Required.list(policies);
    things = Required.list(things);
    rules = Required.list(rules);
  }
}
