package dev.iotctl.cdk.iot;

import dev.iotctl.cdk.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ThingBindingsTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ThingBindings.use(stack, ThingBindingsProvider.fromFunctionName(stack, "fleet-bindings"));
    IThingType sensor = ThingType.fromThingTypeName(stack, "Sensor", "sensor");
    for (String name : List.of("a", "b")) {
      new Thing(stack, name, ThingProps.builder().thingName(name).thingType(sensor).build());
    }
    template = Template.fromStack(stack);
  }

  @Test
  void oneResourceHoldsEveryThingOfTheStackInDeclarationOrder() {
    template.hasResourceProperties(
        "Custom::IotctlThingBindings",
        Match.objectLike(
            Map.of(
                "Things",
                List.of(
                    Match.objectLike(
                        Map.of("ThingName", Map.of("Ref", Match.stringLikeRegexp("a.*")))),
                    Match.objectLike(
                        Map.of("ThingName", Map.of("Ref", Match.stringLikeRegexp("b.*"))))))));
  }

  @Test
  void usesTheChosenProviderByNameAndCreatesNoFunction() {
    template.resourceCountIs("AWS::Lambda::Function", 0);
    template.hasResourceProperties(
        "Custom::IotctlThingBindings",
        Match.objectLike(
            Map.of(
                "ServiceToken",
                Map.of(
                    "Fn::Join",
                    List.of("", Match.arrayWith(List.of(":function:fleet-bindings")))))));
  }

  @Test
  void failsWithinElevenMinutesInsteadOfCloudFormationsHour() {
    template.hasResourceProperties(
        "Custom::IotctlThingBindings", Match.objectLike(Map.of("ServiceTimeout", "660")));
  }
}
