package dev.iotctl.cdk.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iot.CfnThing;

class StackBudgetTest {
  private static String message;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    for (int i = 0; i < 4; i++) {
      CfnThing thing = CfnThing.Builder.create(stack, "T" + i).build();
      CfnOutput.Builder.create(stack, "O" + i).value(thing.getRef()).build();
    }
    StackBudget.apply(stack, 3, 2, "split the stack");
    message = TestStacks.synthError(stack);
  }

  @Test
  void resourcesOverTheBudgetFailNamingTheStack() {
    assertThat(message)
        .contains("stack Test has 4 resources, more than the budget of 3: split the stack");
  }

  @Test
  void outputsCountToo() {
    assertThat(message)
        .contains("stack Test has 4 outputs, more than the budget of 2: split the stack");
  }
}
