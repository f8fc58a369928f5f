package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.stepfunctions.StateMachine;

class StepFunctionsStateMachineActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ActionTests.rule(
        stack,
        "r",
        StepFunctionsStateMachineAction.builder(
                StateMachine.fromStateMachineName(stack, "Machine", "provision"))
            .executionNamePrefix("iot-")
            .build());
    template = Template.fromStack(stack);
  }

  @Test
  void startsAnExecution() {
    ActionTests.hasAction(
        template,
        "r",
        "StepFunctions",
        Match.objectLike(Map.of("StateMachineName", "provision", "ExecutionNamePrefix", "iot-")));
  }

  @Test
  void mayOnlyStartThatStateMachine() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action")).isEqualTo("states:StartExecution");
              assertThat(s.get("Resource").toString()).contains(":stateMachine:provision");
            });
  }
}
