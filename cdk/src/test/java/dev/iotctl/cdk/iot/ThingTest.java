package dev.iotctl.cdk.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ThingTest {
  private static Stack stack;
  private static Template template;
  private static IThing imported;

  @BeforeAll
  static void synth() {
    stack = TestStacks.stack();
    IThingType sensor = ThingType.fromThingTypeName(stack, "Sensor", "sensor");
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 1; i <= 50; i++) {
      attributes.put("a" + i, "v" + i);
    }
    new Thing(
        stack,
        "Typed",
        ThingProps.builder().thingName("typed").thingType(sensor).attributes(attributes).build());
    new Thing(stack, "Plain", ThingProps.builder().thingName("plain").build())
        .applyRemovalPolicy(RemovalPolicy.RETAIN);
    imported = Thing.fromThingName(stack, "Elsewhere", "elsewhere");
    template = Template.fromStack(stack);
  }

  @Test
  void theThingResourceCarriesOnlyItsName() {
    template.hasResourceProperties("AWS::IoT::Thing", Map.of("ThingName", "typed"));
    assertThat(template.toJSON().toString()).doesNotContain("AttributePayload");
  }

  @Test
  void aTypedThingHasItsTypeAndAllFiftyAttributesBound() {
    template.hasResourceProperties(
        "Custom::IotctlThingBindings",
        Match.objectLike(
            Map.of(
                "Things",
                List.of(
                    Match.objectLike(
                        Map.of(
                            "ThingName",
                            Map.of("Ref", Match.stringLikeRegexp("Typed.*")),
                            "ThingType",
                            "sensor",
                            "Attributes",
                            Match.objectLike(Map.of("a1", "v1", "a50", "v50"))))))));
  }

  @Test
  void aThingWithoutTypeAttributesOrGroupsNeedsNoBindings() {
    assertThat(template.toJSON().toString()).doesNotContain("\"ThingName\":\"plain\"}]");
    template.resourceCountIs("Custom::IotctlThingBindings", 1);
  }

  @Test
  void removalPolicyApplies() {
    template.hasResource(
        "AWS::IoT::Thing",
        Map.of("Properties", Map.of("ThingName", "plain"), "DeletionPolicy", "Retain"));
  }

  @Test
  void anImportedThingHasItsNameAndArn() {
    assertThat(imported.getThingName()).isEqualTo("elsewhere");
    assertThat(stack.resolve(imported.getThingArn()).toString()).contains(":thing/elsewhere");
  }
}
