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
import software.amazon.awscdk.services.sns.Topic;

class SnsTopicActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    Topic topic = Topic.Builder.create(stack, "Topic").build();
    ActionTests.rule(stack, "r", SnsTopicAction.builder(topic).messageFormat("JSON").build());
    template = Template.fromStack(stack);
  }

  @Test
  void publishesInTheFormat() {
    ActionTests.hasAction(
        template,
        "r",
        "Sns",
        Match.objectLike(
            Map.of(
                "TargetArn",
                Map.of("Ref", Match.stringLikeRegexp("Topic.*")),
                "MessageFormat",
                "JSON")));
  }

  @Test
  void mayOnlyPublishToTheTopic() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .singleElement()
        .satisfies(s -> assertThat(s.get("Action")).isEqualTo("sns:Publish"));
  }

  @Test
  void anUnknownFormatIsRefused() {
    assertThatThrownBy(() -> SnsTopicAction.builderForTopicName("t").messageFormat("XML").build())
        .hasMessage("sns messageFormat must be RAW or JSON, got 'XML'");
  }
}
