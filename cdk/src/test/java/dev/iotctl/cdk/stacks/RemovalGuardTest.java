package dev.iotctl.cdk.stacks;

import dev.iotctl.cdk.TestStacks;
import dev.iotctl.cdk.iot.DevicePolicy;
import dev.iotctl.cdk.iot.DevicePolicyProps;
import dev.iotctl.cdk.iot.ThingBindingsProvider;
import dev.iotctl.cdk.iot.ThingGroup;
import dev.iotctl.cdk.iot.ThingGroupProps;
import dev.iotctl.cdk.iot.ThingType;
import dev.iotctl.cdk.iot.ThingTypeProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class RemovalGuardTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    DevicePolicy policy =
        new DevicePolicy(
            stack,
            "p",
            DevicePolicyProps.builder()
                .policyName("p")
                .document(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"iot:Connect\",\"Resource\":\"arn:aws:iot:r:1:client/x\"}]}")
                .build());
    ThingType type = new ThingType(stack, "t", ThingTypeProps.builder().thingTypeName("t").build());
    ThingGroup group =
        new ThingGroup(stack, "g", ThingGroupProps.builder().thingGroupName("g").build());
    new RemovalGuard(
            stack,
            "Guard",
            new ThingBindingsProvider(stack, "Provider", null),
            List.of(policy),
            List.of(type))
        .runAfter(group);
    template = Template.fromStack(stack);
  }

  @Test
  void namesWhatItGuardsByReferenceSoItIsDeletedBeforeIt() {
    template.hasResourceProperties(
        "Custom::IotctlRemovalGuard",
        Match.objectLike(
            Map.of(
                "Policies",
                List.of(Map.of("Ref", Match.stringLikeRegexp("p.*"))),
                "ThingTypes",
                List.of(Map.of("Ref", Match.stringLikeRegexp("t.*"))))));
  }

  @Test
  void isUpdatedAfterTheRestOfItsStack() {
    template.hasResource(
        "Custom::IotctlRemovalGuard",
        Match.objectLike(Map.of("DependsOn", List.of(Match.stringLikeRegexp("g.*")))));
  }

  @Test
  void itsFunctionMayDetachPoliciesAndListThings() {
    template.hasResourceProperties(
        "AWS::IAM::Policy",
        Match.objectLike(
            Map.of(
                "PolicyDocument",
                Match.objectLike(
                    Map.of(
                        "Statement",
                        Match.arrayWith(
                            List.of(
                                Match.objectLike(Map.of("Action", "iot:DetachPolicy")),
                                Match.objectLike(Map.of("Action", "iot:ListThings")))))))));
  }
}
