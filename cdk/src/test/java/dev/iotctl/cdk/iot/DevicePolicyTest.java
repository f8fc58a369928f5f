package dev.iotctl.cdk.iot;

import dev.iotctl.cdk.TestFleets;
import dev.iotctl.cdk.TestStacks;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DevicePolicyTest {
  private static Template template;

  @BeforeAll
  static void synth() throws Exception {
    Stack stack = TestStacks.stack();
    DevicePolicy sensor =
        new DevicePolicy(
            stack,
            "Sensor",
            DevicePolicyProps.builder()
                .policyName("sensor")
                .document(Files.readString(TestFleets.REPO.resolve("policies/sensor.json")))
                .build());
    sensor.attachTo(PolicyPrincipal.fromArn(stack, "Cognito", "us-east-1:identity"));
    DevicePolicy.fromPolicyName(stack, "Legacy", "legacy")
        .attachTo(PolicyPrincipal.fromArn(stack, "Cert", "arn:aws:iot:r:1:cert/abc"));
    template = Template.fromStack(stack);
  }

  @Test
  void pseudoParametersAreSubstitutedAndIotVariablesKeptLiteral() {
    template.hasResourceProperties(
        "AWS::IoT::Policy",
        Map.of(
            "PolicyName",
            "sensor",
            "PolicyDocument",
            Match.objectLike(
                Map.of(
                    "Statement",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "Resource",
                                    Map.of(
                                        "Fn::Sub",
                                        "arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}"
                                            + ":client/${!iot:Connection.Thing.ThingName}")))))))));
  }

  @Test
  void attachToReferencesThePolicySoItIsCreatedFirst() {
    template.hasResourceProperties(
        "AWS::IoT::PolicyPrincipalAttachment",
        Map.of(
            "PolicyName",
            Map.of("Ref", Match.stringLikeRegexp("Sensor.*")),
            "Principal",
            "us-east-1:identity"));
  }

  @Test
  void anImportedPolicyIsAttachedByName() {
    template.hasResourceProperties(
        "AWS::IoT::PolicyPrincipalAttachment",
        Map.of("PolicyName", "legacy", "Principal", "arn:aws:iot:r:1:cert/abc"));
  }
}
