package dev.iotctl.cdk.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

class ThingTypeTest {
  private static Stack stack;
  private static Template template;
  private static IThingType byArn;

  @BeforeAll
  static void synth() {
    stack = TestStacks.stack();
    new ThingType(
        stack,
        "Sensor",
        ThingTypeProps.builder()
            .thingTypeName("sensor")
            .description("A sensor")
            .searchableAttributes(List.of("model", "site"))
            .build());
    byArn =
        ThingType.fromThingTypeArn(
            stack, "Gateway", "arn:aws:iot:eu-west-1:123456789012:thingtype/gateway");
    template = Template.fromStack(stack);
  }

  @Test
  void hasItsNameDescriptionAndSearchableAttributes() {
    template.hasResourceProperties(
        "AWS::IoT::ThingType",
        Map.of(
            "ThingTypeName",
            "sensor",
            "ThingTypeProperties",
            Map.of(
                "ThingTypeDescription",
                "A sensor",
                "SearchableAttributes",
                List.of("model", "site"))));
  }

  @Test
  void anEnvironmentAgnosticStackRefusesRegionsWithoutThingTypesAtDeploy() {
    assertThat(template.toJSON().get("Rules").toString())
        .contains(RegionSupport.RULE_ID)
        .contains("mx-central-1");
  }

  @Test
  void anImportByArnKnowsItsName() {
    assertThat(stack.resolve(byArn.getThingTypeName())).isEqualTo("gateway");
    assertThat(byArn.getThingTypeArn()).endsWith(":thingtype/gateway");
  }
}
