package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class IotAnalyticsPutMessageActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ActionTests.rule(
        stack, "r", IotAnalyticsPutMessageAction.builder("telemetry").batchMode(true).build());
    template = Template.fromStack(stack);
  }

  @Test
  void sendsToTheChannel() {
    ActionTests.hasAction(
        template,
        "r",
        "IotAnalytics",
        Match.objectLike(Map.of("ChannelName", "telemetry", "BatchMode", true)));
  }

  @Test
  void mayOnlyPutMessagesOnThatChannel() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action")).isEqualTo("iotanalytics:BatchPutMessage");
              assertThat(s.get("Resource").toString()).contains(":channel/telemetry");
            });
  }
}
