package dev.iotctl.cdk.iot;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnRule;
import software.amazon.awscdk.CfnRuleAssertion;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.constructs.Construct;

/**
 * Regions whose CloudFormation has no {@code AWS::IoT::ThingType} and {@code AWS::IoT::ThingGroup}
 * (cfn-lint 1.51 reports E3006 for them). A stack with a concrete region there fails synthesis; an
 * environment-agnostic stack gets a template rule that refuses the deployment in those regions
 * before any resource is touched.
 */
public final class RegionSupport {
  /** Regions without CloudFormation support for thing types and thing groups (cfn-lint 1.51). */
  public static final List<String> WITHOUT_THING_TYPES_AND_GROUPS =
      List.of(
          "af-south-1",
          "ap-northeast-3",
          "ap-south-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-7",
          "ca-west-1",
          "eu-central-2",
          "mx-central-1");

  /** The id of the template rule in each environment-agnostic stack that needs it. */
  public static final String RULE_ID = "IotctlRegionHasThingTypesAndGroups";

  private RegionSupport() {}

  /** Refuses {@code cfnType} in {@code construct}'s stack where CloudFormation lacks it. */
  static void requireThingTypesAndGroups(Construct construct, String cfnType) {
    Stack stack = Stack.of(construct);
    String region = stack.getRegion();
    if (!Token.isUnresolved(region)) {
      if (WITHOUT_THING_TYPES_AND_GROUPS.contains(region)) {
        Problems.report(
            construct,
            cfnType
                + " does not exist in CloudFormation in "
                + region
                + " (regions without thing types and groups: "
                + WITHOUT_THING_TYPES_AND_GROUPS
                + ")");
      }
      return;
    }
    if (stack.getNode().tryFindChild(RULE_ID) == null) {
      CfnRule.Builder.create(stack, RULE_ID)
          .assertions(
              List.of(
                  CfnRuleAssertion.builder()
                      .assertValue(
                          Fn.conditionNot(
                              Fn.conditionContains(WITHOUT_THING_TYPES_AND_GROUPS, Aws.REGION)))
                      .assertDescription(
                          "AWS::IoT::ThingType and AWS::IoT::ThingGroup do not exist in"
                              + " CloudFormation in this region; deploy the fleet's core stack in"
                              + " another region")
                      .build()))
          .build();
    }
  }
}
