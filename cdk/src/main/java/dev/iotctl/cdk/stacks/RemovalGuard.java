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

/**
 * {@code Custom::IotctlRemovalGuard}: lets the core stack delete a policy or thing type that shard
 * stacks still use. The core deploys first, so when the fleet stops declaring a policy, its
 * deletion would fail on the attachments the shards still hold (and leave the policy behind, so
 * that adding it again fails with AlreadyExists); the same holds for a thing type still on things.
 *
 * <p>The guard lists the stack's policies and thing types and depends on them. When an update drops
 * some, its handler detaches each dropped policy from every target and takes each dropped type off
 * every thing (trimming attributes to none when a thing has more than three, which AWS IoT allows
 * only on typed things) before CloudFormation's clean-up deletes them. The shards then deploy and
 * remove their now-empty attachments and set the things' new types and attributes.
 */
public class RemovalGuard extends Construct {
  /** The CloudFormation resource type. */
  public static final String RESOURCE_TYPE = "Custom::IotctlRemovalGuard";

  public RemovalGuard(
      Construct scope,
      String id,
      ThingBindingsProvider provider,
      List<String> policyNames,
      List<String> thingTypeNames,
      List<IDevicePolicy> policies,
      List<IThingType> thingTypes) {
    super(scope, id);
    provider.allowDetaching();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("Policies", List.copyOf(policyNames));
    properties.put("ThingTypes", List.copyOf(thingTypeNames));
    CustomResource resource =
        CustomResource.Builder.create(this, "Resource")
            .serviceToken(provider.getServiceToken())
            .serviceTimeout(ThingBindings.SERVICE_TIMEOUT)
            .resourceType(RESOURCE_TYPE)
            .properties(properties)
            .build();
    // Created after, and deleted before, what it guards.
    policies.forEach(p -> resource.getNode().addDependency(p));
    thingTypes.forEach(t -> resource.getNode().addDependency(t));
  }
}
