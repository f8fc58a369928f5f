package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class TimestreamActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ActionTests.rule(
        stack,
        "r",
        TimestreamAction.builder("fleet", "readings")
            .dimension("device", "${topic(2)}")
            .dimension("site", "berlin")
            .build());
    template = Template.fromStack(stack);
  }

  @Test
  void writesWithItsDimensionsInOrder() {
    ActionTests.hasAction(
        template,
        "r",
        "Timestream",
        Match.objectLike(
            Map.of(
                "DatabaseName",
                "fleet",
                "TableName",
                "readings",
                "Dimensions",
                List.of(
                    Map.of("Name", "device", "Value", "${topic(2)}"),
                    Map.of("Name", "site", "Value", "berlin")))));
  }

  @Test
  void mayWriteOnlyToTheTableAndFindTheEndpoint() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .extracting(s -> s.get("Action") + " " + s.get("Resource"))
        .hasSize(2)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("timestream:WriteRecords")
                    .contains(":database/fleet/table/readings"))
        .anySatisfy(s -> assertThat(s).isEqualTo("timestream:DescribeEndpoints *"));
  }
}
