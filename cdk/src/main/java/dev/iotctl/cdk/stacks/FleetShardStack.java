package dev.iotctl.cdk.stacks;

import dev.iotctl.cdk.constructs.DeviceFleet;
import dev.iotctl.cdk.fleet.ThingSpec;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** One shard of the fleet's devices (see {@link ShardAssignment}); deployed after the core. */
public class FleetShardStack extends Stack {
  private final DeviceFleet devices;
  private final List<String> thingNames;

  public FleetShardStack(Construct scope, String id, FleetShardStackProps props) {
    super(
        scope,
        id,
        StackProps.builder()
            .description(
                "iotctl fleet " + props.getFleetName() + ": devices of shard " + props.getShard())
            .build());
    this.devices = new DeviceFleet(this, "Devices", props.getDevices());
    this.thingNames = props.getDevices().getThings().stream().map(ThingSpec::name).toList();
    int count = devices.getResourceCount();
    if (count > CoreStack.RESOURCE_BUDGET) {
      String message =
          "stack "
              + id
              + " needs "
              + count
              + " resources for "
              + props.getDevices().getThings().size()
              + " things, more than the budget of "
              + CoreStack.RESOURCE_BUDGET
              + ": the fleet has outgrown its 'shards' setting (raising it re-deals devices"
              + " between stacks; plan that migration)";
      getNode().addValidation(() -> List.of(message));
    }
  }

  /** The things this shard holds. */
  public List<String> getThingNames() {
    return thingNames;
  }

  /** How many CloudFormation resources the shard's devices use. */
  public int getResourceCount() {
    return devices.getResourceCount();
  }
}
