package dev.iotctl.cdk.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import dev.iotctl.cdk.iot.actions.RepublishAction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;

/** One stack in a region without thing types, full of mistakes, synthesized once. */
class ValidationMessagesTest {
  private static String message;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stackIn("ap-northeast-3");
    new ThingType(stack, "Type", ThingTypeProps.builder().thingTypeName("t").build());
    new Thing(
        stack,
        "Untyped",
        ThingProps.builder()
            .thingName("untyped")
            .attributes(Map.of("a", "1", "b", "2", "c", "3", "d", "4"))
            .build());
    ThingGroup root = new ThingGroup(stack, "Root", ThingGroupProps.builder().build());
    ThingGroup left =
        new ThingGroup(
            stack, "Left", ThingGroupProps.builder().thingGroupName("left").parent(root).build());
    ThingGroup right =
        new ThingGroup(
            stack, "Right", ThingGroupProps.builder().thingGroupName("right").parent(root).build());
    new Thing(
        stack,
        "Torn",
        ThingProps.builder().thingName("torn").thingGroups(List.of(left, right)).build());
    ThingGroup deep = root;
    for (int i = 0; i < 7; i++) {
      deep =
          new ThingGroup(
              stack,
              "Deep" + i,
              ThingGroupProps.builder().thingGroupName("deep" + i).parent(deep).build());
    }
    TopicRule crowded =
        new TopicRule(
            stack,
            "Crowded",
            TopicRuleProps.builder()
                .topicRuleName("crowded")
                .sql(IotSql.fromStringAsVer20160323("SELECT * FROM 'a'"))
                .build());
    for (int i = 0; i < 11; i++) {
      crowded.addAction(new RepublishAction("out/" + i));
    }
    message = TestStacks.synthError(stack);
  }

  @Test
  void anUntypedThingMayHaveThreeAttributes() {
    assertThat(message).contains("thing 'untyped': has 4 attributes; AWS IoT allows 3");
  }

  @Test
  void aThingMayBeInOneGroupPerHierarchy() {
    assertThat(message)
        .contains("thing 'torn': groups left and right are in one hierarchy (under 'Test/Root')");
  }

  @Test
  void hierarchiesAreAtMostSevenDeep() {
    assertThat(message).contains("thing group 'deep6': nested deeper than 7 levels");
  }

  @Test
  void aRuleHasAtMostTenActions() {
    assertThat(message).contains("rule 'crowded': needs 1 to 10 actions, has 11");
  }

  @Test
  void aRegionWithoutThingTypesIsRefused() {
    assertThat(message)
        .contains("AWS::IoT::ThingType does not exist in CloudFormation in ap-northeast-3");
  }
}
