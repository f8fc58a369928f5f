package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.cdk.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class RepublishActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ActionTests.rule(stack, "r", RepublishAction.builder("alerts/${topic(2)}").qos(1).build());
    template = Template.fromStack(stack);
  }

  @Test
  void republishesWithItsQos() {
    ActionTests.hasAction(
        template,
        "r",
        "Republish",
        Match.objectLike(Map.of("Topic", "alerts/${topic(2)}", "Qos", 1)));
  }

  @Test
  void mayPublishOnlyToTheTopicWithTemplatesWidened() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action")).isEqualTo("iot:Publish");
              assertThat(s.get("Resource").toString())
                  .contains(":topic/alerts/*")
                  .doesNotContain("${topic");
            });
  }

  @Test
  void qosTwoIsRefused() {
    assertThatThrownBy(() -> RepublishAction.builder("t").qos(2).build())
        .hasMessage("republish qos must be 0 or 1, got 2");
  }

  @Test
  void aWildcardTopicIsRefused() {
    assertThatThrownBy(() -> new RepublishAction("a/#"))
        .hasMessageContaining("must not contain wildcards");
  }

  @Test
  void roleArnIsTheRulesRole() {
    ActionTests.hasAction(
        template,
        "r",
        "Republish",
        Match.objectLike(
            Map.of(
                "RoleArn",
                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("rActionRole.*"), "Arn")))));
  }
}
