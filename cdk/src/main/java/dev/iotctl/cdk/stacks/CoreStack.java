package dev.iotctl.cdk.stacks;

import dev.iotctl.cdk.fleet.Fleet;
import dev.iotctl.cdk.fleet.FleetSpec;
import dev.iotctl.cdk.fleet.PolicySpec;
import dev.iotctl.cdk.fleet.RuleActionFactory;
import dev.iotctl.cdk.fleet.RuleActionSpec;
import dev.iotctl.cdk.fleet.RuleSpec;
import dev.iotctl.cdk.fleet.ThingGroupSpec;
import dev.iotctl.cdk.fleet.ThingTypeSpec;
import dev.iotctl.cdk.iot.DevicePolicy;
import dev.iotctl.cdk.iot.DevicePolicyProps;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.IDevicePolicy;
import dev.iotctl.cdk.iot.IThingType;
import dev.iotctl.cdk.iot.IotSql;
import dev.iotctl.cdk.iot.Problems;
import dev.iotctl.cdk.iot.ThingBindingsProvider;
import dev.iotctl.cdk.iot.ThingGroup;
import dev.iotctl.cdk.iot.ThingGroupProps;
import dev.iotctl.cdk.iot.ThingType;
import dev.iotctl.cdk.iot.ThingTypeProps;
import dev.iotctl.cdk.iot.TopicRule;
import dev.iotctl.cdk.iot.TopicRuleProps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The fleet's shared resources, deployed before any shard: thing types, thing groups (parents
 * first), policies, topic rules with their roles, the custom-resource function (under a fixed name
 * that shards build their service token from, so nothing is exported) and the {@link RemovalGuard}.
 */
public class CoreStack extends Stack {
  private final List<String> problems = new ArrayList<>();
  private final String bindingsFunctionName;

  public CoreStack(Construct scope, String id, CoreStackProps props) {
    super(
        scope,
        id,
        StackProps.builder()
            .description("iotctl fleet " + props.getFleet().spec().name() + ": shared resources")
            .build());
    Fleet fleet = props.getFleet();
    FleetSpec spec = fleet.spec();
    Construct typesScope = new Construct(this, "ThingTypes");
    List<IThingType> types = new ArrayList<>();
    for (ThingTypeSpec type : unique("thing type", spec.thingTypes(), ThingTypeSpec::name)) {
      types.add(
          new ThingType(
              typesScope,
              type.name(),
              ThingTypeProps.builder()
                  .thingTypeName(type.name())
                  .description(type.description())
                  .searchableAttributes(type.searchableAttributes())
                  .build()));
    }
    Construct groupsScope = new Construct(this, "ThingGroups");
    new Groups(groupsScope, unique("thing group", spec.thingGroups(), ThingGroupSpec::name))
        .createAll();
    Construct policiesScope = new Construct(this, "Policies");
    List<IDevicePolicy> policies = new ArrayList<>();
    for (PolicySpec policy : unique("policy", spec.policies(), PolicySpec::name)) {
      String document = readPolicy(policy, fleet.resolve(policy.file()));
      if (document != null) {
        policies.add(
            new DevicePolicy(
                policiesScope,
                policy.name(),
                DevicePolicyProps.builder()
                    .policyName(policy.name())
                    .document(document)
                    .allowPermissive(policy.allowPermissive())
                    .build()));
      }
    }
    Construct rules = new Construct(this, "Rules");
    unique("rule", spec.rules(), RuleSpec::name).forEach(r -> rule(rules, r));
    this.bindingsFunctionName = FleetNames.bindingsFunction(spec.name());
    ThingBindingsProvider provider =
        new ThingBindingsProvider(this, "ThingBindings", bindingsFunctionName);
    new RemovalGuard(this, "RemovalGuard", provider, policies, types).runAfter(groupsScope, rules);
    StackBudget.apply(
        this,
        StackBudget.RESOURCES,
        StackBudget.OUTPUTS,
        "policies, groups, types and rules share the core stack");
    Problems.report(this, problems);
  }

  /** The fixed name of the function shards use for their thing bindings. */
  public String getBindingsFunctionName() {
    return bindingsFunctionName;
  }

  private void rule(Construct scope, RuleSpec spec) {
    String label = "rule '" + spec.name() + "': ";
    IotSql sql;
    try {
      sql = IotSql.of(spec.sql(), spec.sqlVersion());
    } catch (IllegalArgumentException e) {
      problems.add(label + e.getMessage());
      sql = IotSql.fromStringAsVer20160323(spec.sql());
    }
    IAction errorAction = null;
    if (spec.errorAction() != null) {
      errorAction = action(scope, spec.name() + "-error", spec.errorAction(), label);
    }
    TopicRule rule =
        new TopicRule(
            scope,
            spec.name(),
            TopicRuleProps.builder()
                .topicRuleName(spec.name())
                .sql(sql)
                .description(spec.description())
                .enabled(spec.enabled())
                .errorAction(errorAction)
                .build());
    for (int i = 0; i < spec.actions().size(); i++) {
      IAction action = action(scope, spec.name() + "-" + i, spec.actions().get(i), label);
      if (action != null) {
        rule.addAction(action);
      }
    }
  }

  private IAction action(Construct scope, String id, RuleActionSpec spec, String label) {
    try {
      return RuleActionFactory.create(scope, id, spec);
    } catch (IllegalArgumentException e) {
      problems.add(label + e.getMessage());
      return null;
    }
  }

  /** Creates groups parents first, whatever order the fleet file declares them in. */
  private final class Groups {
    private final Construct scope;
    private final Map<String, ThingGroupSpec> byName = new LinkedHashMap<>();
    private final Map<String, ThingGroup> created = new LinkedHashMap<>();
    private final Set<String> visiting = new HashSet<>();

    Groups(Construct scope, List<ThingGroupSpec> groups) {
      this.scope = scope;
      groups.forEach(g -> byName.put(g.name(), g));
    }

    void createAll() {
      byName.keySet().forEach(this::create);
    }

    private ThingGroup create(String name) {
      ThingGroup done = created.get(name);
      if (done != null) {
        return done;
      }
      ThingGroupSpec group = byName.get(name);
      ThingGroup parent = null;
      if (group.parent() != null) {
        if (!byName.containsKey(group.parent())) {
          problems.add("thing group '" + name + "': unknown parent group '" + group.parent() + "'");
        } else if (!visiting.add(name)) {
          problems.add("thing group '" + name + "': its parents form a cycle");
        } else {
          parent = create(group.parent());
          visiting.remove(name);
        }
      }
      done = created.get(name);
      if (done != null) {
        return done; // created while resolving a cycle
      }
      ThingGroup thingGroup =
          new ThingGroup(
              scope,
              name,
              ThingGroupProps.builder()
                  .thingGroupName(name)
                  .parent(parent)
                  .description(group.description())
                  .attributes(group.attributes())
                  .build());
      created.put(name, thingGroup);
      return thingGroup;
    }
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
