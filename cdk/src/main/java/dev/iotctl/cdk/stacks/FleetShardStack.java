package dev.iotctl.cdk.stacks;

import dev.iotctl.cdk.fleet.CertificateSpec;
import dev.iotctl.cdk.fleet.ThingSpec;
import dev.iotctl.cdk.iot.DeviceCertificate;
import dev.iotctl.cdk.iot.DeviceCertificateProps;
import dev.iotctl.cdk.iot.DevicePolicy;
import dev.iotctl.cdk.iot.IDevicePolicy;
import dev.iotctl.cdk.iot.IThingGroup;
import dev.iotctl.cdk.iot.IThingType;
import dev.iotctl.cdk.iot.Problems;
import dev.iotctl.cdk.iot.Thing;
import dev.iotctl.cdk.iot.ThingBindings;
import dev.iotctl.cdk.iot.ThingBindingsProvider;
import dev.iotctl.cdk.iot.ThingGroup;
import dev.iotctl.cdk.iot.ThingGroupAttributes;
import dev.iotctl.cdk.iot.ThingProps;
import dev.iotctl.cdk.iot.ThingType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * One shard of the fleet's devices (see {@link ShardAssignment}), deployed after the core. Per
 * device: the thing, its certificate, the attachments and an output with the certificate's ARN; one
 * {@link ThingBindings} for the shard. Types, groups and policies of the core are imported by name
 * and the bindings function by its fixed name, so the shard imports no export: any fleet edit
 * deploys core first, then shards.
 */
public class FleetShardStack extends Stack {
  private final FleetShardStackProps props;
  private final Construct imports;
  private final Map<String, IThingType> types = new HashMap<>();
  private final Map<String, IThingGroup> groups = new HashMap<>();
  private final Map<String, IDevicePolicy> policies = new HashMap<>();
  private final List<String> thingNames;

  public FleetShardStack(Construct scope, String id, FleetShardStackProps props) {
    super(
        scope,
        id,
        StackProps.builder()
            .description(
                "iotctl fleet " + props.getFleetName() + ": devices of shard " + props.getShard())
            .build());
    this.props = props;
    ThingBindings.use(
        this, ThingBindingsProvider.fromFunctionName(this, props.getBindingsFunctionName()));
    this.imports = new Construct(this, "Core");
    Construct devices = new Construct(this, "Devices");
    props.getThings().forEach(t -> device(devices, t));
    this.thingNames = props.getThings().stream().map(ThingSpec::name).toList();
    StackBudget.apply(
        this,
        StackBudget.RESOURCES,
        StackBudget.OUTPUTS,
        "the fleet has outgrown its 'shards' setting (raising it re-deals devices between"
            + " stacks; plan that migration)");
  }

  /** The things this shard holds. */
  public List<String> getThingNames() {
    return thingNames;
  }

  private void device(Construct devices, ThingSpec spec) {
    List<String> problems = new ArrayList<>();
    String label = "thing '" + spec.name() + "': ";
    Construct device = new Construct(devices, spec.name());
    IThingType type = null;
    if (spec.type() != null) {
      type = type(spec.type());
      if (type == null) {
        problems.add(label + "unknown thing type '" + spec.type() + "' (not under thingTypes)");
      }
    }
    List<IThingGroup> thingGroups = new ArrayList<>();
    for (String group : spec.groups()) {
      IThingGroup imported = group(group, new HashSet<>());
      if (imported == null) {
        problems.add(label + "unknown thing group '" + group + "' (not under thingGroups)");
      } else {
        thingGroups.add(imported);
      }
    }
    Thing thing =
        new Thing(
            device,
            "Thing",
            ThingProps.builder()
                .thingName(spec.name())
                .thingType(type)
                .attributes(spec.attributes())
                .thingGroups(thingGroups)
                .build());
    CertificateSpec cert = spec.certificate();
    if (spec.policy() != null && cert == null) {
      problems.add(label + "policy '" + spec.policy() + "' needs a certificate to attach to");
    }
    if (cert != null) {
      DeviceCertificate certificate =
          new DeviceCertificate(
              device,
              "Certificate",
              DeviceCertificateProps.builder()
                  .description("thing '" + spec.name() + "'")
                  .csrFile(cert.csr() == null ? null : props.getPaths().apply(cert.csr()))
                  .certificateFile(cert.pem() == null ? null : props.getPaths().apply(cert.pem()))
                  .caCertificateFile(cert.ca() == null ? null : props.getPaths().apply(cert.ca()))
                  .status(cert.status())
                  .build());
      certificate.attachToThing(thing);
      if (spec.policy() != null) {
        IDevicePolicy policy = policy(spec.policy());
        if (policy == null) {
          problems.add(label + "unknown policy '" + spec.policy() + "' (not under policies)");
        } else {
          policy.attachTo(certificate);
        }
      }
      CfnOutput.Builder.create(device, "CertificateArn")
          .description("Certificate ARN of thing " + spec.name())
          .value(certificate.getCertificateArn())
          .build();
    }
    Problems.report(device, problems);
  }

  private IThingType type(String name) {
    if (!props.getThingTypes().contains(name)) {
      return null;
    }
    return types.computeIfAbsent(
        name, n -> ThingType.fromThingTypeName(imports, "ThingType-" + n, n));
  }

  /** The core's group, imported with its parents so the hierarchy rule can be checked here. */
  private IThingGroup group(String name, Set<String> seen) {
    if (!props.getThingGroupParents().containsKey(name)) {
      return null;
    }
    IThingGroup existing = groups.get(name);
    if (existing != null) {
      return existing;
    }
    String parentName = props.getThingGroupParents().get(name);
    // A cycle is reported by the core stack; here it just ends the chain.
    IThingGroup parent = parentName == null || !seen.add(name) ? null : group(parentName, seen);
    if (groups.containsKey(name)) {
      return groups.get(name); // imported while following a cycle
    }
    IThingGroup imported =
        ThingGroup.fromThingGroupAttributes(
            imports, "ThingGroup-" + name, new ThingGroupAttributes(name, parent));
    groups.put(name, imported);
    return imported;
  }

  private IDevicePolicy policy(String name) {
    if (!props.getPolicies().contains(name)) {
      return null;
    }
    return policies.computeIfAbsent(
        name, n -> DevicePolicy.fromPolicyName(imports, "Policy-" + n, n));
  }
}
