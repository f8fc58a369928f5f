package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class CloudWatchPutMetricActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ActionTests.rule(
        stack,
        "r",
        CloudWatchPutMetricAction.builder("Fleet", "temperature", "${temperature}", "None")
            .timestamp("${timestamp()}")
            .build());
    template = Template.fromStack(stack);
  }

  @Test
  void putsTheDatum() {
    ActionTests.hasAction(
        template,
        "r",
        "CloudwatchMetric",
        Match.objectLike(
            Map.of(
                "MetricNamespace", "Fleet",
                "MetricName", "temperature",
                "MetricValue", "${temperature}",
                "MetricUnit", "None",
                "MetricTimestamp", "${timestamp()}")));
  }

  @Test
  void mayPutDataOnlyInItsNamespace() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action")).isEqualTo("cloudwatch:PutMetricData");
              assertThat(s.get("Condition"))
                  .isEqualTo(Map.of("StringEquals", Map.of("cloudwatch:namespace", "Fleet")));
            });
  }
}
