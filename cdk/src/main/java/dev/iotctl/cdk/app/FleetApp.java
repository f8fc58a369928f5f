package dev.iotctl.cdk.app;

import dev.iotctl.cdk.fleet.Fleet;
import dev.iotctl.cdk.fleet.FleetFileException;
import dev.iotctl.cdk.fleet.FleetSpec;
import dev.iotctl.cdk.fleet.PolicySpec;
import dev.iotctl.cdk.fleet.ThingGroupSpec;
import dev.iotctl.cdk.fleet.ThingSpec;
import dev.iotctl.cdk.fleet.ThingTypeSpec;
import dev.iotctl.cdk.stacks.CoreStack;
import dev.iotctl.cdk.stacks.CoreStackProps;
import dev.iotctl.cdk.stacks.FleetShardStack;
import dev.iotctl.cdk.stacks.FleetShardStackProps;
import dev.iotctl.cdk.stacks.ShardAssignment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.constructs.Construct;

/**
 * Lays a fleet out as stacks: {@code <fleet>-core} and one {@code <fleet>-shard-NNN} per non-empty
 * shard, each shard depending on the core (a deploy-order dependency only: no stack imports
 * another's exports). This is the thin layer between {@code fleet.yaml} and the constructs of
 * {@code dev.iotctl.cdk.iot}.
 */
public final class FleetApp {
  private FleetApp() {}

  /** Adds the fleet's stacks to {@code scope} (normally the {@code App}). */
  public static FleetStacks build(Construct scope, Fleet fleet) {
    FleetSpec spec = fleet.spec();
    if (!spec.name().matches("[A-Za-z][A-Za-z0-9-]{0,100}")) {
      throw new FleetFileException(
          "fleet name '"
              + spec.name()
              + "' must match [A-Za-z][A-Za-z0-9-]* (it prefixes stack names)",
          null);
    }
    List<ThingSpec> things = uniqueThings(spec.things());
    CoreStack core =
        new CoreStack(scope, spec.name() + "-core", CoreStackProps.builder().fleet(fleet).build());

    SortedMap<Integer, List<ThingSpec>> byShard = new TreeMap<>();
    for (ThingSpec thing : things) {
      byShard
          .computeIfAbsent(
              ShardAssignment.shardOf(thing.name(), spec.shards()), s -> new ArrayList<>())
          .add(thing);
    }
    Set<String> types =
        spec.thingTypes().stream().map(ThingTypeSpec::name).collect(Collectors.toSet());
    Map<String, String> groupParents = new LinkedHashMap<>();
    for (ThingGroupSpec group : spec.thingGroups()) {
      groupParents.putIfAbsent(group.name(), group.parent());
    }
    Set<String> policies =
        spec.policies().stream().map(PolicySpec::name).collect(Collectors.toSet());
    SortedMap<Integer, FleetShardStack> shards = new TreeMap<>();
    for (Map.Entry<Integer, List<ThingSpec>> e : byShard.entrySet()) {
      FleetShardStack shard =
          new FleetShardStack(
              scope,
              String.format("%s-shard-%03d", spec.name(), e.getKey()),
              FleetShardStackProps.builder()
                  .fleetName(spec.name())
                  .shard(e.getKey())
                  .things(e.getValue())
                  .paths(fleet::resolve)
                  .thingTypes(types)
                  .thingGroupParents(groupParents)
                  .policies(policies)
                  .bindingsFunctionName(core.getBindingsFunctionName())
                  .build());
      shard.addStackDependency(
          core, "the core's policies, thing types, groups and bindings function come first");
      shards.put(e.getKey(), shard);
    }
    return new FleetStacks(core, shards);
  }

  private static List<ThingSpec> uniqueThings(List<ThingSpec> things) {
    Set<String> seen = new HashSet<>();
    List<String> duplicates =
        things.stream().map(ThingSpec::name).filter(n -> !seen.add(n)).distinct().toList();
    if (!duplicates.isEmpty()) {
      throw new FleetFileException("things declared more than once: " + duplicates, null);
    }
    return things;
  }
}
