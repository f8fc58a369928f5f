package dev.iotctl.cdk.stacks;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * What one stack may hold: CloudFormation refuses a template with more than 500 resources or 200
 * outputs. The app keeps resources to 450 (headroom for CDK's metadata and later additions) and
 * outputs to 200; synthesis fails with a message naming the stack otherwise.
 */
public final class StackBudget {
  /** Resources per stack this app allows (CloudFormation's hard limit is 500). */
  public static final int RESOURCES = 450;

  /** Outputs per stack (CloudFormation's hard limit). */
  public static final int OUTPUTS = 200;

  private StackBudget() {}

  /**
   * Fails synthesis of {@code stack} when it holds more than {@code resources} resources or {@code
   * outputs} outputs; {@code advice} says what to do about it.
   */
  public static void apply(Stack stack, int resources, int outputs, String advice) {
    stack
        .getNode()
        .addValidation(
            () -> {
              int resourceCount = 0;
              int outputCount = 0;
              for (IConstruct c : stack.getNode().findAll()) {
                if (c instanceof CfnResource) {
                  resourceCount++;
                } else if (c instanceof CfnOutput) {
                  outputCount++;
                }
              }
              List<String> problems = new ArrayList<>();
              if (resourceCount > resources) {
                problems.add(over(stack, resourceCount, "resources", resources, advice));
              }
              if (outputCount > outputs) {
                problems.add(over(stack, outputCount, "outputs", outputs, advice));
              }
              return problems;
            });
  }

  private static String over(Stack stack, int count, String what, int budget, String advice) {
    return "stack "
        + stack.getStackName()
        + " has "
        + count
        + " "
        + what
        + ", more than the budget of "
        + budget
        + ": "
        + advice;
  }
}
