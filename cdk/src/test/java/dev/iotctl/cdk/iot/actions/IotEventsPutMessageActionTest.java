package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.cdk.TestStacks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class IotEventsPutMessageActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ActionTests.rule(
        stack,
        "r",
        IotEventsPutMessageAction.builder("readings").messageId("${newuuid()}").build());
    template = Template.fromStack(stack);
  }

  @Test
  void sendsToTheInput() {
    ActionTests.hasAction(
        template,
        "r",
        "IotEvents",
        Match.objectLike(Map.of("InputName", "readings", "MessageId", "${newuuid()}")));
  }

  @Test
  void mayOnlyPutMessagesOnThatInput() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action")).isEqualTo("iotevents:BatchPutMessage");
              assertThat(s.get("Resource").toString()).contains(":input/readings");
            });
  }

  @Test
  void aMessageIdIsRefusedInBatchMode() {
    assertThatThrownBy(
            () -> IotEventsPutMessageAction.builder("i").messageId("x").batchMode(true).build())
        .hasMessageContaining("batch mode");
  }
}
