package dev.iotctl.cdk.stacks;

import dev.iotctl.cdk.constructs.DevicePolicy;
import dev.iotctl.cdk.constructs.DevicePolicyProps;
import dev.iotctl.cdk.constructs.TelemetryRule;
import dev.iotctl.cdk.constructs.TelemetryRuleProps;
import dev.iotctl.cdk.constructs.ThingBindingsProvider;
import dev.iotctl.cdk.fleet.Fleet;
import dev.iotctl.cdk.fleet.FleetSpec;
import dev.iotctl.cdk.fleet.PolicySpec;
import dev.iotctl.cdk.fleet.RuleSpec;
import dev.iotctl.cdk.fleet.ThingGroupSpec;
import dev.iotctl.cdk.fleet.ThingTypeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iot.CfnThingGroup;
import software.amazon.awscdk.services.iot.CfnThingType;
import software.constructs.Construct;

/**
 * The fleet's shared resources, deployed before any shard: thing types, thing groups (parents
 * first), policies, topic rules with their roles, and the function behind thing bindings.
 */
public class CoreStack extends Stack {
  /** Resources per stack this app allows (CloudFormation's hard limit is 500). */
  public static final int RESOURCE_BUDGET = 450;

  private static final int MAX_GROUP_DEPTH = 7;

  private final List<String> problems = new ArrayList<>();
  private final ThingBindingsProvider bindings;

  public CoreStack(Construct scope, String id, CoreStackProps props) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("iotctl fleet " + props.getFleet().spec().name() + ": shared resources")
            .build());
    Fleet fleet = props.getFleet();
    FleetSpec spec = fleet.spec();
    Construct types = new Construct(this, "ThingTypes");
    unique("thing type", spec.thingTypes(), ThingTypeSpec::name).forEach(t -> thingType(types, t));
    thingGroups(
        new Construct(this, "ThingGroups"),
        unique("thing group", spec.thingGroups(), ThingGroupSpec::name));
    Construct policies = new Construct(this, "Policies");
    for (PolicySpec policy : unique("policy", spec.policies(), PolicySpec::name)) {
      String document = readPolicy(policy, fleet.resolve(policy.file()));
      if (document != null) {
        new DevicePolicy(
            policies,
            policy.name(),
            DevicePolicyProps.builder()
                .policyName(policy.name())
                .document(document)
                .allowPermissive(policy.allowPermissive())
                .build());
      }
    }
    Construct rules = new Construct(this, "Rules");
    unique("rule", spec.rules(), RuleSpec::name)
        .forEach(r -> new TelemetryRule(rules, r.name(), TelemetryRuleProps.of(r)));
    this.bindings =
        props.isBindingsNeeded() ? new ThingBindingsProvider(this, "ThingBindings") : null;
    List<String> found = problems;
    getNode().addValidation(() -> found.isEmpty() ? withBudget() : found);
  }

  /** Service token for thing bindings, or null when no thing has a type or groups. */
  public String getBindingsServiceToken() {
    return bindings == null ? null : bindings.getServiceToken();
  }

  private List<String> withBudget() {
    long count = getNode().findAll().stream().filter(CfnResource.class::isInstance).count();
    if (count > RESOURCE_BUDGET) {
      return List.of(
          "stack "
              + getStackName()
              + " has "
              + count
              + " resources, more than the budget of "
              + RESOURCE_BUDGET
              + " (policies, groups, types and rules share the core stack)");
    }
    return List.of();
  }

  private void thingType(Construct scope, ThingTypeSpec type) {
    check(type.name(), "thing type");
    if (type.searchableAttributes().size() > 3) {
      problems.add("thing type '" + type.name() + "': at most 3 searchable attributes");
    }
    CfnThingType.Builder.create(scope, type.name())
        .thingTypeName(type.name())
        .thingTypeProperties(
            CfnThingType.ThingTypePropertiesProperty.builder()
                .thingTypeDescription(type.description())
                .searchableAttributes(
                    type.searchableAttributes().isEmpty() ? null : type.searchableAttributes())
                .build())
        .build();
  }

  private void thingGroups(Construct scope, List<ThingGroupSpec> groups) {
    Map<String, ThingGroupSpec> byName = new HashMap<>();
    groups.forEach(g -> byName.putIfAbsent(g.name(), g));
    Map<String, CfnThingGroup> created = new HashMap<>();
    for (ThingGroupSpec group : groups) {
      check(group.name(), "thing group");
      if (group.parent() != null && !byName.containsKey(group.parent())) {
        problems.add(
            "thing group '" + group.name() + "': unknown parent group '" + group.parent() + "'");
      }
      int depth = depth(group, byName);
      if (depth < 0) {
        problems.add("thing group '" + group.name() + "': its parents form a cycle");
      } else if (depth > MAX_GROUP_DEPTH) {
        problems.add("thing group '" + group.name() + "': nested deeper than 7 levels");
      }
      created.put(
          group.name(),
          CfnThingGroup.Builder.create(scope, group.name())
              .thingGroupName(group.name())
              .parentGroupName(group.parent())
              .thingGroupProperties(
                  CfnThingGroup.ThingGroupPropertiesProperty.builder()
                      .thingGroupDescription(group.description())
                      .attributePayload(
                          group.attributes().isEmpty()
                              ? null
                              : CfnThingGroup.AttributePayloadProperty.builder()
                                  .attributes(group.attributes())
                                  .build())
                      .build())
              .build());
    }
    // A child group can only be created once its parent exists.
    for (ThingGroupSpec group : groups) {
      CfnThingGroup parent = group.parent() == null ? null : created.get(group.parent());
      if (parent != null) {
        created.get(group.name()).addResourceDependency(parent);
      }
    }
  }

  /** Levels from the root (1 for a root group), or -1 when the parent chain loops. */
  private static int depth(ThingGroupSpec group, Map<String, ThingGroupSpec> byName) {
    Set<String> seen = new HashSet<>();
    int depth = 0;
    for (ThingGroupSpec g = group;
        g != null;
        g = g.parent() == null ? null : byName.get(g.parent())) {
      if (!seen.add(g.name())) {
        return -1;
      }
      depth++;
    }
    return depth;
  }

  private String readPolicy(PolicySpec policy, Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      problems.add("policy '" + policy.name() + "': document " + policy.file() + " not found");
    } catch (IOException e) {
      problems.add("policy '" + policy.name() + "': cannot read " + policy.file() + ": " + e);
    }
    return null;
  }

  private void check(String name, String kind) {
    if (name == null || !name.matches("[a-zA-Z0-9:_-]{1,128}")) {
      problems.add("invalid " + kind + " name '" + name + "': must match [a-zA-Z0-9:_-]+");
    }
  }

  /** The items with first-declared names only; later duplicates are reported. */
  private <T> List<T> unique(String kind, List<T> items, Function<T, String> name) {
    Set<String> seen = new HashSet<>();
    List<T> out = new ArrayList<>();
    for (T item : items) {
      if (seen.add(name.apply(item))) {
        out.add(item);
      } else {
        problems.add(kind + " '" + name.apply(item) + "' is declared more than once");
      }
    }
    return out;
  }
}
