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
import software.amazon.awscdk.services.logs.LogGroup;

class CloudWatchLogsActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    LogGroup group = LogGroup.Builder.create(stack, "Errors").build();
    ActionTests.rule(stack, "r", CloudWatchLogsAction.builder(group).batchMode(true).build());
    template = Template.fromStack(stack);
  }

  @Test
  void writesToTheLogGroup() {
    ActionTests.hasAction(
        template,
        "r",
        "CloudwatchLogs",
        Match.objectLike(
            Map.of(
                "LogGroupName",
                Map.of("Ref", Match.stringLikeRegexp("Errors.*")),
                "BatchMode",
                true)));
  }

  @Test
  void mayOnlyCreateDescribeAndWriteStreamsOfThatGroup() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action"))
                  .isEqualTo(
                      List.of(
                          "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"));
              assertThat(s.get("Resource").toString()).contains("Errors");
            });
  }
}
