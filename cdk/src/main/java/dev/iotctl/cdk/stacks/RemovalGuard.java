package dev.iotctl.cdk.stacks;

import dev.iotctl.cdk.iot.IDevicePolicy;
import dev.iotctl.cdk.iot.IThingType;
import dev.iotctl.cdk.iot.ThingBindings;
import dev.iotctl.cdk.iot.ThingBindingsProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CustomResource;
import software.constructs.Construct;
import software.constructs.IDependable;

/**
 * {@code Custom::IotctlRemovalGuard}: lets the core stack delete a policy or thing type that shard
 * stacks still use. The core deploys first, so when the fleet stops declaring a policy, its
 * deletion would fail on the attachments the shards still hold (and leave the policy behind, so
 * that adding it again fails with AlreadyExists); the same holds for a thing type still on things.
 *
 * <p>The guard names the stack's policies and thing types (by {@code Ref}, so it is created after
 * and deleted before them). When an update drops some, its handler detaches each dropped policy
 * from every target and takes each dropped type off every thing (clearing the attributes of a thing
 * that has more than three, which AWS IoT allows only on typed things) before CloudFormation's
 * clean-up deletes them. The shards then deploy, remove their now-empty attachments and set the
 * things' new types and attributes. {@link #runAfter} makes the guard the last update of its stack,
 * so no later failure can roll the stack back after it detached anything.
 */
public class RemovalGuard extends Construct {
  /** The CloudFormation resource type. */
  public static final String RESOURCE_TYPE = "Custom::IotctlRemovalGuard";

  private final CustomResource resource;

  public RemovalGuard(
      Construct scope,
      String id,
      ThingBindingsProvider provider,
      List<IDevicePolicy> policies,
      List<IThingType> thingTypes) {
    super(scope, id);
    provider.allowDetaching();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("Policies", policies.stream().map(IDevicePolicy::getPolicyName).toList());
    properties.put("ThingTypes", thingTypes.stream().map(IThingType::getThingTypeName).toList());
    this.resource =
        CustomResource.Builder.create(this, "Resource")
            .serviceToken(provider.getServiceToken())
            .serviceTimeout(ThingBindings.SERVICE_TIMEOUT)
            .resourceType(RESOURCE_TYPE)
            .properties(properties)
            .build();
  }

  /** Updates the guard only after {@code others} are created or updated. */
  public void runAfter(IDependable... others) {
    for (IDependable other : others) {
      resource.getNode().addDependency(other);
    }
  }
}
