package dev.iotctl.cdk.iot;

import dev.iotctl.cdk.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ThingGroupTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ThingGroup plant =
        new ThingGroup(
            stack,
            "Plant",
            ThingGroupProps.builder()
                .thingGroupName("plant")
                .attributes(Map.of("site", "berlin"))
                .build());
    ThingGroup line =
        new ThingGroup(
            stack,
            "Line",
            ThingGroupProps.builder().thingGroupName("line-1").parent(plant).build());
    line.addThing(new Thing(stack, "Sensor", ThingProps.builder().thingName("sensor").build()));
    plant.addThing(Thing.fromThingName(stack, "Legacy", "legacy"));
    template = Template.fromStack(stack);
  }

  @Test
  void aChildNamesItsParentByReference() {
    template.hasResourceProperties(
        "AWS::IoT::ThingGroup",
        Map.of(
            "ThingGroupName",
            "line-1",
            "ParentGroupName",
            Map.of("Ref", Match.stringLikeRegexp("Plant.*")),
            "ThingGroupProperties",
            Map.of()));
  }

  @Test
  void hasItsAttributes() {
    template.hasResourceProperties(
        "AWS::IoT::ThingGroup",
        Map.of(
            "ThingGroupName",
            "plant",
            "ThingGroupProperties",
            Map.of("AttributePayload", Map.of("Attributes", Map.of("site", "berlin")))));
  }

  @Test
  void addThingBindsTheMembershipByReference() {
    template.hasResourceProperties(
        "Custom::IotctlThingBindings",
        Match.objectLike(
            Map.of(
                "Things",
                Match.arrayWith(
                    List.of(
                        Map.of(
                            "ThingName",
                            Map.of("Ref", Match.stringLikeRegexp("Sensor.*")),
                            "Attributes",
                            Map.of(),
                            "ThingGroups",
                            List.of(Map.of("Ref", Match.stringLikeRegexp("Line.*")))))))));
  }

  @Test
  void anImportedThingGetsOnlyItsMembershipNotItsTypeOrAttributes() {
    template.hasResourceProperties(
        "Custom::IotctlThingBindings",
        Match.objectLike(
            Map.of(
                "Things",
                Match.arrayWith(
                    List.of(
                        Map.of(
                            "ThingName",
                            "legacy",
                            "ThingGroups",
                            List.of(Map.of("Ref", Match.stringLikeRegexp("Plant.*")))))))));
  }
}
