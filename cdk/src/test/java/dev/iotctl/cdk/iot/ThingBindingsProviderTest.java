package dev.iotctl.cdk.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ThingBindingsProviderTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    new ThingBindingsProvider(stack, "Provider", "fleet-bindings").allowDetaching();
    template = Template.fromStack(stack);
  }

  @Test
  void hasItsFixedNameInlineHandlerAndTimeout() {
    template.hasResourceProperties(
        "AWS::Lambda::Function",
        Match.objectLike(
            Map.of(
                "FunctionName",
                "fleet-bindings",
                "Code",
                Map.of("ZipFile", ThingBindingsProvider.handlerSource()),
                "Timeout",
                600)));
  }

  @Test
  void mayOnlyChangeThingsGroupsAndPolicyTargets() {
    List<Object> actions =
        TestStacks.statements(template).stream().map(s -> (Object) s.get("Action")).toList();
    assertThat(actions)
        .containsExactlyInAnyOrder(
            "iot:UpdateThing",
            List.of("iot:AddThingToThingGroup", "iot:RemoveThingFromThingGroup"),
            "iot:ListTargetsForPolicy",
            "iot:DetachPolicy",
            "iot:ListThings");
  }

  @Test
  void updateThingIsLimitedToThings() {
    assertThat(
            TestStacks.statements(template).stream()
                .filter(s -> "iot:UpdateThing".equals(s.get("Action")))
                .findFirst()
                .orElseThrow()
                .get("Resource")
                .toString())
        .contains(":thing/*")
        .doesNotContain("thinggroup");
  }
}
